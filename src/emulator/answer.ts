/** How the emulator answers: a status, an optional JSON body (the service's shapes), optional headers. */
import type { ServerResponse } from 'node:http';
import { SERVICE } from './service-table';

export interface Answer {
  status: number;
  json?: unknown;
  /** A raw body with its own content type (the HTML error pages of proxies). */
  raw?: { contentType: string; body: string };
  headers?: Record<string, string>;
}

/** 200 with an empty body and no Content-Type: what the service sends for PUT, PATCH and DELETE. */
export const EMPTY_OK: Answer = { status: 200 };

/** `{"error":{"code","message"}}`, the service's usual error body. */
export function serviceError(status: number, code: string, message: string): Answer {
  return { status, json: { error: { code, message } } };
}

export const badArgument = (message: string): Answer => serviceError(400, SERVICE.badArgument, message);
export const unknownRoute = (): Answer => serviceError(404, '404', 'Resource not found');

/** The gateway's 401 for a missing, unknown or wrong-region key, in the current or the seed's shape. */
export function unauthorized(shape: 'current' | 'seed'): Answer {
  return shape === 'seed'
    ? serviceError(401, SERVICE.accessDeniedSeedCode, SERVICE.accessDeniedSeed)
    : serviceError(401, SERVICE.accessDeniedCode, SERVICE.accessDenied);
}

/** 403 InvalidRequest with the UnsupportedFeature inner error: a resource without Limited Access approval. */
export function limitedAccess(): Answer {
  return {
    status: 403,
    json: {
      error: {
        code: SERVICE.limitedAccessCode,
        message: SERVICE.limitedAccess,
        innererror: { code: SERVICE.unsupportedFeatureCode, message: SERVICE.unsupportedFeature },
      },
    },
  };
}

function encode(answer: Answer, requestId: string): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'apim-request-id': requestId, ...answer.headers };
  let body = '';
  if (answer.raw !== undefined) {
    headers['Content-Type'] = answer.raw.contentType;
    body = answer.raw.body;
  } else if (answer.json !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(answer.json);
  }
  return { headers, body };
}

/** Writes an answer; every answer carries a fresh apim-request-id. */
export function send(res: ServerResponse, answer: Answer, requestId: string): void {
  const { headers, body } = encode(answer, requestId);
  headers['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(answer.status, headers);
  res.end(body);
}

/**
 * Sends the headers and the first half of the body, then nothing more: the response never ends (until the
 * emulator closes). Content-Length announces the whole body, at least one byte, so a client that reads the
 * body waits for it even where the real answer is empty.
 */
export function sendStalled(res: ServerResponse, answer: Answer, requestId: string): void {
  const { headers, body } = encode(answer, requestId);
  const bytes = Buffer.from(body, 'utf8');
  headers['Content-Length'] = String(Math.max(bytes.length, 1));
  res.writeHead(answer.status, headers);
  res.flushHeaders();
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  if (half.length > 0) res.write(half);
}
