/** One Face operation: its requests under one budget, retried by the operation's rule, answers parsed. */
import { setTimeout as delay } from 'node:timers/promises';
import { type Metrics, NO_METRICS } from '../metrics/port';
import { FaceApiError } from './errors/face-api-error';
import { type FaceHttpAnswer, type FaceHttpRequest, sendFaceRequest } from './face-http';
import { keepAliveFetch } from './keep-alive-fetch';
import { type AttemptMonitor, monitoredAttempts } from './monitored-attempt';
import { RETRY_WHEN, type RetryRule } from './retry-policy';
import { Budget, type RetrySettings, retryingCall } from './retrying-call';

export interface FaceClientOptions {
  /** Per attempt, headers and body (default 4000 ms). */
  timeoutMs?: number;
  /** Total time of one call, retries and waits included (default 10000 ms). */
  budgetMs?: number;
  /** Retries after the first attempt (default 3). */
  retryLimit?: number;
  /** Jitter source (default Math.random). */
  random?: () => number;
  /** How to wait between attempts (default an abortable timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The transport under ky (default keepAliveFetch: node:http with keep-alive, see keep-alive-fetch.ts). */
  fetch?: typeof fetch;
  /** Clock for the budget (default Date.now). */
  now?: () => number;
  /** Where attempts, statuses, retries and calls in flight are reported (default: nowhere). */
  metrics?: Metrics;
  /**
   * Told when the service answers 429 and names a wait, as it happens (before any retry), so the bot can
   * hold back its other callers of the same resource instead of sending them into the same wall.
   */
  onRateLimited?: (retryAfterSeconds: number) => void;
}

export interface FaceCallOptions {
  /** Overrides the client's total budget for this call. */
  budgetMs?: number;
  signal?: AbortSignal;
}

/** Sends requests for the operations; `send` retries by `rule` within `budget`. */
export interface FaceCaller {
  budgetFor(opts: FaceCallOptions | undefined): Budget;
  send(
    request: FaceHttpRequest,
    budget: Budget,
    rule: RetryRule,
    options?: { signal?: AbortSignal | undefined; observe?: (error: unknown) => void },
  ): Promise<FaceHttpAnswer>;
}

/** Builds the caller. Defaults: 4 s per attempt, 10 s in total, 3 retries. */
export function createFaceCaller(options: FaceClientOptions = {}): FaceCaller {
  const settings: RetrySettings = {
    timeoutMs: options.timeoutMs ?? 4000,
    retryLimit: options.retryLimit ?? 3,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {})),
    now: options.now ?? Date.now,
  };
  const defaultBudgetMs = options.budgetMs ?? 10000;
  const fetch = options.fetch ?? keepAliveFetch;
  const monitor: AttemptMonitor = {
    metrics: options.metrics ?? NO_METRICS,
    onRateLimited: options.onRateLimited,
  };
  return {
    budgetFor: (opts) => new Budget(opts?.budgetMs ?? defaultBudgetMs, settings.now),
    async send(request, budget, rule, { signal, observe } = {}) {
      const settled = monitor.metrics.faceCallStarted();
      try {
        return await retryingCall(
          monitoredAttempts(request.method, monitor, (timeoutMs) =>
            sendFaceRequest(request, timeoutMs, { signal, fetch }),
          ),
          budget,
          settings,
          { signal, retryWhen: RETRY_WHEN[rule], ...(observe ? { observe } : {}) },
        );
      } finally {
        settled();
      }
    },
  };
}

/** The JSON of a success answer; a body that is not JSON is the service's fault, reported as such. */
export function parseJson<T>(answer: FaceHttpAnswer): T {
  try {
    return JSON.parse(answer.text) as T;
  } catch (error) {
    throw invalidAnswer(answer, `unparsable success body: ${(error as Error).message}`);
  }
}

/** A success answer whose content is not what the operation documents. */
export function invalidAnswer(answer: FaceHttpAnswer, why: string): FaceApiError {
  return new FaceApiError({
    status: answer.status,
    code: 'InvalidResponse',
    serviceMessage: why,
    requestId: answer.requestId,
    bodyKind: 'text',
  });
}

/** `{requestId}` when there is one: exactOptionalPropertyTypes forbids `requestId: undefined`. */
export const withRequestId = (requestId: string | undefined): { requestId?: string } =>
  requestId === undefined ? {} : { requestId };
