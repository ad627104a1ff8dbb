/** Reports each Face attempt as it settles: to the metrics port, and a 429's wait to whoever paces calls. */
import type { Metrics } from '../metrics/port';
import { FaceApiError } from './errors/face-api-error';
import { FaceNetworkError } from './errors/face-network-error';
import { FaceRedirectError } from './errors/face-redirect-error';
import { FaceTimeoutError } from './errors/face-timeout-error';
import { waitAskedFor } from './errors/retry-after';

export interface AttemptMonitor {
  metrics: Metrics;
  /** The service answered 429 and named a wait (Retry-After, or seconds in its message). */
  onRateLimited: ((retryAfterSeconds: number) => void) | undefined;
}

/** `status` label of an attempt's failure: the HTTP status when there was an answer. */
function statusOf(error: unknown): string {
  if (error instanceof FaceApiError || error instanceof FaceRedirectError) return String(error.status);
  if (error instanceof FaceTimeoutError) return 'timeout';
  if (error instanceof FaceNetworkError) return 'network';
  return 'error';
}

/**
 * Wraps the attempts of one call: each is timed and its status counted, attempts after the first are
 * retries, and a 429 that names a wait is passed on.
 */
export function monitoredAttempts<T>(
  method: string,
  monitor: AttemptMonitor,
  attempt: (timeoutMs: number) => Promise<T & { status: number }>,
): (timeoutMs: number) => Promise<T & { status: number }> {
  let count = 0;
  return async (timeoutMs) => {
    count += 1;
    if (count > 1) monitor.metrics.faceRetry(method);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const answer = await attempt(timeoutMs);
      monitor.metrics.faceAttempt(method, String(answer.status), seconds());
      return answer;
    } catch (error) {
      monitor.metrics.faceAttempt(method, statusOf(error), seconds());
      const wait = error instanceof FaceApiError && error.status === 429 ? waitAskedFor(error) : undefined;
      if (wait !== undefined && wait > 0) monitor.onRateLimited?.(wait);
      throw error;
    }
  };
}
