/** Runs Face attempts under one total time budget, retrying what is worth retrying. */
import { FaceApiError } from './errors/face-api-error';
import { FaceBudgetExhaustedError } from './errors/face-budget-error';
import { FaceTimeoutError } from './errors/face-timeout-error';
import { waitAskedFor } from './errors/retry-after';
import { isRetryable, retryDelayMs } from './retry-policy';

/** The shortest attempt worth starting: below this the next attempt would only time out. */
const MIN_ATTEMPT_MS = 100;

export interface RetrySettings {
  timeoutMs: number;
  retryLimit: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
}

/** A deadline shared by every attempt of one call (and the GET that confirms an ambiguous PUT). */
export class Budget {
  readonly deadline: number;
  constructor(
    readonly budgetMs: number,
    private readonly now: () => number,
  ) {
    this.deadline = now() + budgetMs;
  }
  remaining(): number {
    return this.deadline - this.now();
  }
}

function requestIdOf(error: unknown): string | undefined {
  return error instanceof FaceApiError ? error.requestId : undefined;
}

/**
 * Calls `attempt(timeoutMs)` until it succeeds, fails for good, runs out of retries (the last error is
 * thrown) or would overrun the budget: never sleeps past the deadline; instead throws
 * FaceBudgetExhaustedError with the wait as `retryAfterSeconds`. `observe` sees every failed attempt.
 */
export async function retryingCall<T>(
  attempt: (timeoutMs: number) => Promise<T>,
  budget: Budget,
  settings: RetrySettings,
  options: {
    signal?: AbortSignal | undefined;
    observe?: (error: unknown) => void;
    /** Which failures may be retried (default: every transient one). */
    retryWhen?: (error: unknown) => boolean;
  } = {},
): Promise<T> {
  let lastError: unknown;
  let lastRequestId: string | undefined;
  for (let count = 1; ; count += 1) {
    const remaining = budget.remaining();
    if (remaining < MIN_ATTEMPT_MS) {
      throw new FaceBudgetExhaustedError(budget.budgetMs, count - 1, undefined, lastError, lastRequestId);
    }
    const timeoutMs = Math.min(settings.timeoutMs, remaining);
    try {
      return await attempt(timeoutMs);
    } catch (error) {
      if (options.signal?.aborted || !(options.retryWhen ?? isRetryable)(error)) throw error;
      options.observe?.(error);
      lastError = error;
      lastRequestId = requestIdOf(error) ?? lastRequestId;
      const wait = retryDelayMs(error, count, settings.random);
      // The user is told the service's own wait when it named one, else ours.
      const hint = waitAskedFor(error) ?? Math.max(1, Math.ceil(wait / 1000));
      // A timeout cut short by the budget is the budget running out, not the service being slow.
      if (error instanceof FaceTimeoutError && timeoutMs < settings.timeoutMs) {
        throw new FaceBudgetExhaustedError(budget.budgetMs, count, hint, error, lastRequestId);
      }
      if (count > settings.retryLimit) throw error;
      if (wait + MIN_ATTEMPT_MS > budget.remaining()) {
        throw new FaceBudgetExhaustedError(budget.budgetMs, count, hint, error, lastRequestId);
      }
      await settings.sleep(wait, options.signal);
    }
  }
}
