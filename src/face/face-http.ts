/** One HTTP attempt against the Face API through ky, with every failure turned into a typed Face error. */
import ky from 'ky';
import { FaceNetworkError } from './errors/face-network-error';
import { FaceRedirectError } from './errors/face-redirect-error';
import { FaceTimeoutError } from './errors/face-timeout-error';
import { parseFaceError, requestIdOf } from './errors/parse-face-error';

export interface FaceHttpRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'POST';
  url: string;
  key: string;
  json?: unknown;
}

export interface FaceHttpAnswer {
  status: number;
  text: string;
  requestId: string | undefined;
  /** The Operation-Location header (train's 202 names the …/training URL there). */
  operationLocation: string | undefined;
}

function systemCode(error: unknown): string | undefined {
  let current: unknown = error;
  // Duck-typed, not instanceof: under Jest, Node's built-in fetch throws errors of another realm.
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}

/**
 * Sends one attempt. Resolves with a 2xx answer; throws FaceApiError (any error status, any body),
 * FaceRedirectError (any 3xx, never followed), FaceTimeoutError, FaceNetworkError, or the caller's abort
 * reason.
 *
 * ky's own retry is off (`retry: 0`): ky 1.x honours only the Retry-After header (real Face 429s carry the
 * wait in the message), does not retry PUT or 409 ConcurrentOperationConflict by default, and knows no total
 * time budget. ky's `timeout` is off too: it stops at the headers, and a service that sends headers and then
 * stalls would hold the call past its budget, so one timer aborts the whole attempt, body included.
 * `throwHttpErrors: false` lets one parser read every error body (ky would otherwise consume it for its
 * HTTPError).
 */
export async function sendFaceRequest(
  request: FaceHttpRequest,
  timeoutMs: number,
  options: { signal?: AbortSignal | undefined; fetch?: typeof fetch | undefined },
): Promise<FaceHttpAnswer> {
  const headers: Record<string, string> = { 'Ocp-Apim-Subscription-Key': request.key };
  if (request.json !== undefined) headers['Content-Type'] = 'application/json';
  const where = { method: request.method, url: request.url };
  const attempt = new AbortController();
  const timer = setTimeout(() => attempt.abort(), Math.max(1, Math.floor(timeoutMs)));
  const signal = options.signal ? AbortSignal.any([options.signal, attempt.signal]) : attempt.signal;
  let response: Response;
  let text: string;
  try {
    response = await ky(request.url, {
      method: request.method,
      headers,
      ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      // Never follow: fetch would resend the key header to whatever host the Location names.
      redirect: 'manual',
      signal,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (attempt.signal.aborted) throw new FaceTimeoutError(timeoutMs, request.method, request.url);
    // fetch reports connection failures as a TypeError ("fetch failed") with the socket error as cause.
    if ((error as { name?: unknown } | null)?.name === 'TypeError' || systemCode(error) !== undefined) {
      throw new FaceNetworkError(request.method, request.url, systemCode(error), { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (response.status >= 400) throw parseFaceError(response.status, response.headers, text, where);
  if (response.status >= 300) {
    const location = response.headers.get('location') ?? undefined;
    const requestId = requestIdOf(response.headers);
    throw new FaceRedirectError(response.status, location, request.method, request.url, requestId);
  }
  return {
    status: response.status,
    text,
    requestId: requestIdOf(response.headers),
    operationLocation: response.headers.get('operation-location') ?? undefined,
  };
}
