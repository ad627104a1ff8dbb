import type { LoadResult } from './load';
import type { PhaseResult } from './phases';
import type { HeapStatistics } from './roles/heap-hook';
import { ms, type Percentiles } from './stats';

/** What one process (ours or the floor) gave in the run. */
export interface ProcessFigures {
  readyMs: number;
  peakRssMiB: number;
  /** Right after the c=200 phase, after a forced full GC. */
  heap: HeapStatistics;
}

/** One platform's create through our bot and through its floor, at c=1 and c=200. */
export interface PlatformFigures {
  ours: { c1: PhaseResult; c200: PhaseResult } & ProcessFigures;
  floor: { c1: PhaseResult; c200: PhaseResult } & ProcessFigures;
}

/** Everything the table is made of, measured in one run. */
export interface BenchFigures {
  direct: Percentiles;
  teams: PlatformFigures;
  slack: PlatformFigures & {
    /** Our ack at c=200 while every Face call takes 10 s more. */
    slowAck: PhaseResult;
    inlineBudgetMs: number;
  };
}

export interface Row {
  measure: string;
  ours: string;
  floor: string;
  comparison: string;
  target: string;
  result: string;
}

/** Targets as ratios to the floor measured in the same run (issue 15, DESIGN.md "Performance"). */
export const TARGETS = {
  rateRatio: 0.9,
  cpuRatio: 1.1,
  c1OverheadMs: 0.5,
  rssRatio: 1.2,
  readyExtraMs: 300,
  ackP99Ms: 100,
  slowAckOverBudgetMs: 100,
};

const MIB = 2 ** 20;
const pair = (r: Percentiles) => `${ms(r.p50)} / ${ms(r.p99)}`;
const rate = (r: LoadResult) => `${Math.round(r.requestsPerSecond)} req/s`;
const ratio = (value: number) => `${value.toFixed(2)}×`;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const signedMs = (value: number) => `${value >= 0 ? '+' : ''}${ms(value)}`;
const info = (measure: string, ours: string, floor = ''): Row => ({
  measure,
  ours,
  floor,
  comparison: '',
  target: '',
  result: '',
});

function platformRows(platform: string, { ours, floor }: PlatformFigures): Row[] {
  const overhead = ours.c1.p50 - floor.c1.p50;
  const rateRatio = ours.c200.requestsPerSecond / floor.c200.requestsPerSecond;
  const cpuRatio = ours.c200.cpuPerRequestMs / floor.c200.cpuPerRequestMs;
  const rssRatio = ours.peakRssMiB / floor.peakRssMiB;
  const readyDiff = ours.readyMs - floor.readyMs;
  return [
    {
      measure: `${platform} create, c=1: p50 / p99`,
      ours: pair(ours.c1),
      floor: pair(floor.c1),
      comparison: `${signedMs(overhead)} p50`,
      target: `< +${TARGETS.c1OverheadMs} ms p50`,
      result: verdict(overhead < TARGETS.c1OverheadMs),
    },
    info(`${platform} create, c=200: p50 / p99`, pair(ours.c200), pair(floor.c200)),
    {
      measure: `${platform} create, c=200: requests/s`,
      ours: rate(ours.c200),
      floor: rate(floor.c200),
      comparison: ratio(rateRatio),
      target: `≥ ${TARGETS.rateRatio}×`,
      result: verdict(rateRatio >= TARGETS.rateRatio),
    },
    {
      measure: `${platform} CPU per create, c=200`,
      ours: ms(ours.c200.cpuPerRequestMs),
      floor: ms(floor.c200.cpuPerRequestMs),
      comparison: ratio(cpuRatio),
      target: `≤ ${TARGETS.cpuRatio}×`,
      result: verdict(cpuRatio <= TARGETS.cpuRatio),
    },
    {
      measure: `${platform} peak RSS of the process`,
      ours: `${ours.peakRssMiB.toFixed(0)} MiB`,
      floor: `${floor.peakRssMiB.toFixed(0)} MiB`,
      comparison: ratio(rssRatio),
      target: `≤ ${TARGETS.rssRatio}×`,
      result: verdict(rssRatio <= TARGETS.rssRatio),
    },
    {
      ...info(
        `${platform} heap after a forced GC, after the load: used / total`,
        `${mib(ours.heap.usedHeapBytes)} / ${mib(ours.heap.totalHeapBytes)}`,
        `${mib(floor.heap.usedHeapBytes)} / ${mib(floor.heap.totalHeapBytes)}`,
      ),
      comparison: ratio(ours.heap.usedHeapBytes / floor.heap.usedHeapBytes),
      target: '(reported)',
    },
    {
      measure: `${platform} process start → /readyz 200`,
      ours: ms(ours.readyMs),
      floor: ms(floor.readyMs),
      comparison: signedMs(readyDiff),
      target: `≤ +${TARGETS.readyExtraMs} ms`,
      result: verdict(readyDiff <= TARGETS.readyExtraMs),
    },
  ];
}

/** The table rows, targets judged as PASS/MISS (reported, never asserted). */
export function tableRows(f: BenchFigures): Row[] {
  const { slack } = f;
  const slowLimit = slack.inlineBudgetMs + TARGETS.slowAckOverBudgetMs;
  return [
    info('Direct Face client → emulator create, c=1: p50 / p99', pair(f.direct)),
    ...platformRows('Teams', f.teams),
    ...platformRows('Slack', slack),
    {
      measure: 'Slack ack, c=1, Face API answering at once: p99',
      ours: ms(slack.ours.c1.p99),
      floor: ms(slack.floor.c1.p99),
      comparison: '',
      target: `< ${TARGETS.ackP99Ms} ms`,
      result: verdict(slack.ours.c1.p99 < TARGETS.ackP99Ms),
    },
    {
      measure: 'Slack ack, c=200, Face API taking +10 s: p50 / p99',
      ours: pair(slack.slowAck),
      floor: '',
      comparison: '',
      target: `p99 ≤ ${ms(slowLimit)} (inline budget + ${TARGETS.slowAckOverBudgetMs} ms)`,
      result: verdict(slack.slowAck.p99 <= slowLimit),
    },
  ];
}

/** The rows as one Markdown table (what the console shows and docs/benchmarks.md keeps). */
export function markdownTable(rows: readonly Row[]): string {
  const header = ['Measure', 'Ours', 'Floor', 'Ours vs floor', 'Target', 'Result'];
  const lines = [header, header.map(() => '---')];
  for (const r of rows) lines.push([r.measure, r.ours, r.floor, r.comparison, r.target, r.result]);
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Where each phase's CPU went: the target's is judged, the load generator's and the stubs' are not. */
export function cpuNote(name: string, r: PhaseResult): string {
  const s = (seconds: number) => `${seconds.toFixed(2)} s`;
  return (
    `${name}: target ${s(r.targetCpuSeconds)} CPU for ${r.ok} answers; not counted: ` +
    `load generator ${s(r.generatorCpuSeconds)}, emulator + fake Slack ${s(r.stubsCpuSeconds)}`
  );
}

/** What went wrong in a phase, so a fast-but-failing run cannot pass for a good one. */
export function failureNote(name: string, r: LoadResult): string | undefined {
  const parts = Object.entries(r.nonOk).map(([status, count]) => `${count}× HTTP ${status}`);
  if (r.errors > 0) parts.push(`${r.errors} connection errors`);
  if (r.unexpected > 0) parts.push(`${r.unexpected} 2xx answers that were not the expected outcome`);
  return parts.length === 0 ? undefined : `${name}: ${parts.join(', ')}`;
}
