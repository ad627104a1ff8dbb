import { FaceApiError } from './face-api-error';

/**
 * When the service says to come back: the Retry-After header (seconds or an HTTP date), else the seconds
 * written in the message ("Try again in 21 seconds.", "Please retry after 1 second"). Real Face 429s were
 * recorded without the header, so the message matters.
 */
export function retryAfterFromHeader(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const MESSAGE_WAIT = /(?:try again in|retry after|retry in)\s+(\d+)\s*(?:seconds?|secs?|s)\b/i;

/** Seconds named in a service message, if any. */
export function retryAfterFromMessage(message: string | undefined): number | undefined {
  const match = message === undefined ? null : MESSAGE_WAIT.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * The seconds the service asked us to wait, for the answers where we honour it: 429 and 503 (both mean the
 * request was not carried out). Undefined for other failures or when the answer names no wait.
 */
export function waitAskedFor(error: unknown): number | undefined {
  const honoured = error instanceof FaceApiError && (error.status === 429 || error.status === 503);
  return honoured ? error.retryAfterSeconds : undefined;
}
