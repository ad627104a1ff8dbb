/**
 * How many cases each property runs: FUZZ_RUNS when set (`npm run test:fuzz` sets it high), else a small
 * default that keeps `npm test` quick. Read here, in the tests, never in src/.
 */
export function fuzzRuns(fallback = 100): number {
  const runs = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : fallback;
}

/** Generous per-test timeout for a property that runs `runs` HTTP round trips. */
export function fuzzTimeoutMs(runs: number): number {
  return 30_000 + runs * 60;
}
