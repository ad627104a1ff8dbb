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
export const notFound = (): Answer => serviceError(404, SERVICE.notFoundCode, SERVICE.notFound);
export const gatewayUnauthorized = (): Answer =>
  serviceError(401, SERVICE.accessDeniedCode, SERVICE.accessDenied);
export const unknownRoute = (): Answer => serviceError(404, '404', 'Resource not found');

/** Writes an answer; every answer carries a fresh apim-request-id. */
export function send(res: ServerResponse, answer: Answer, requestId: string): void {
  const headers: Record<string, string> = { 'apim-request-id': requestId, ...answer.headers };
  let body = '';
  if (answer.raw !== undefined) {
    headers['Content-Type'] = answer.raw.contentType;
    body = answer.raw.body;
  } else if (answer.json !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(answer.json);
  }
  headers['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(answer.status, headers);
  res.end(body);
}
