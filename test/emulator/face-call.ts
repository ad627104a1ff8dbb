/** A small fetch client for the emulator's tests: every call over loopback HTTP, answers read whole. */
import type { FaceEmulator } from '../../src/emulator';

export interface FaceAnswer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the service's JSON shapes freely.
  json: any;
}

export interface CallOptions {
  key?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  /** The Face API root to call; default the emulator's unlabelled baseUrl. */
  base?: string;
}

/** One Face call with `key` (absent when `key: undefined` is passed explicitly) and a JSON content type. */
export async function faceCall(
  emulator: FaceEmulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<FaceAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  if (options.key !== undefined) headers['Ocp-Apim-Subscription-Key'] = options.key;
  const init: RequestInit = { method, headers };
  const { body } = options;
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${options.base ?? emulator.baseUrl}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined,
  };
}

/** A caller bound to one emulator and key. */
export function caller(emulator: () => FaceEmulator, key: string) {
  return (method: string, path: string, options: Omit<CallOptions, 'key'> = {}) =>
    faceCall(emulator(), method, path, { key, ...options });
}

export const serviceError = (code: string, message: string) => ({ error: { code, message } });

/** A clock the test moves by hand: F0 windows and training follow it, so no test sleeps. */
export function manualClock(start = Date.UTC(2025, 0, 1)) {
  let at = start;
  return {
    now: () => at,
    advance: (ms: number) => {
      at += ms;
    },
  };
}
