/**
 * The metrics port: what the bot reports about its work, in its own words. src/face, src/store (through
 * timed-store.ts) and the command table call it; only src/metrics/prometheus.ts knows how it is exported.
 * Every label value passed here comes from a small fixed set (platforms, command names, verbs, HTTP
 * methods and statuses, audit outcomes): never an id, a name or free text.
 */
export interface Metrics {
  /** A typed command or card action arrived; the returned function is called once it is answered. */
  commandStarted(platform: string, command: string): () => void;
  /** A command or action threw instead of answering with a Reply. */
  commandFailed(platform: string, command: string): void;
  /** One use-case outcome as audited (`create_person_group`, `created` / `failed:rate_limited` …). */
  outcome(action: string, outcome: string): void;
  /** A Face call (all its attempts) started; the returned function is called once it settles. */
  faceCallStarted(): () => void;
  /** One attempt of a Face call: its HTTP method, status (`200`, `429`, `timeout`, `network`) and duration. */
  faceAttempt(method: string, status: string, seconds: number): void;
  /** An attempt after the first of one Face call. */
  faceRetry(method: string): void;
  /** One store method call, whether it answered or threw, and how long it took. */
  storeOperation(operation: string, result: 'ok' | 'error', seconds: number): void;
}

const done = () => undefined;

/** Reports nothing: the default where no metrics are wanted (the CLI, unit tests). */
export const NO_METRICS: Metrics = {
  commandStarted: () => done,
  commandFailed: done,
  outcome: done,
  faceCallStarted: () => done,
  faceAttempt: done,
  faceRetry: done,
  storeOperation: done,
};
