/** Which failures are worth another attempt, and how long to wait before it. */
import { FaceApiError } from './errors/face-api-error';
import { FaceNetworkError } from './errors/face-network-error';
import { FaceTimeoutError } from './errors/face-timeout-error';
import { waitAskedFor } from './errors/retry-after';
import { CODES } from './errors/service-answers';

export const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 4000;

/** 429, 408, 5xx, 409 ConcurrentOperationConflict, timeouts and connection failures. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof FaceTimeoutError || error instanceof FaceNetworkError) return true;
  if (!(error instanceof FaceApiError)) return false;
  const { status } = error;
  return (
    status === 429 ||
    status === 408 ||
    status >= 500 ||
    (status === 409 && error.code === CODES.concurrentConflict)
  );
}

/** An answer that says the request was not carried out and when to come back: 429 and 503. */
function notCarriedOut(error: unknown): boolean {
  return error instanceof FaceApiError && (error.status === 429 || error.status === 503);
}

function rateLimited(error: unknown): boolean {
  return error instanceof FaceApiError && error.status === 429;
}

/**
 * Which failures an operation may retry, by what a repeat would do if the first attempt took effect:
 * - `transient`: reads, and the create (a repeat that meets 409 is confirmed by a GET): every transient failure;
 * - `notCarriedOut`: PATCH and DELETE (a repeated DELETE would answer 404 for our own success): 429 and 503;
 * - `rateLimited`: POST train (a repeat would meet 409 "under training" for our own start): 429 only.
 */
export const RETRY_WHEN = {
  transient: isRetryable,
  notCarriedOut,
  rateLimited,
} as const satisfies Record<string, (error: unknown) => boolean>;
export type RetryRule = keyof typeof RETRY_WHEN;

/**
 * A failure after which we cannot know whether a PUT took effect: no answer (timeout, reset) or a 5xx.
 * A later 409 PersonGroupExists may then be our own earlier attempt.
 */
export function isAmbiguous(error: unknown): boolean {
  return (
    error instanceof FaceTimeoutError ||
    error instanceof FaceNetworkError ||
    (error instanceof FaceApiError && error.status >= 500)
  );
}

/**
 * Milliseconds to wait before attempt `attempt + 1`. A 429's or 503's own wait (Retry-After header, else the
 * seconds in its message) is honoured, plus up to 10% jitter so parallel callers do not return together.
 * Otherwise exponential backoff with jitter (half fixed, half random), capped.
 */
export function retryDelayMs(error: unknown, attempt: number, random: () => number): number {
  const asked = waitAskedFor(error);
  if (asked !== undefined) {
    const wait = asked * 1000;
    return Math.round(wait + random() * Math.min(wait * 0.1, 1000));
  }
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
