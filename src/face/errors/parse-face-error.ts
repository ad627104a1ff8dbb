import { FaceApiError, type FaceErrorBodyKind } from './face-api-error';
import { retryAfterFromHeader, retryAfterFromMessage } from './retry-after';

/** Headers as fetch gives them or as node:http gives them. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Reads one header case-insensitively from either header shape. */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}

/** The apim-request-id (or x-ms-request-id) of an answer. */
export function requestIdOf(headers: HeaderSource): string | undefined {
  return headerValue(headers, 'apim-request-id') ?? headerValue(headers, 'x-ms-request-id');
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function innerOf(error: Json): { code?: string | undefined; message?: string | undefined } | undefined {
  const inner = error.innererror ?? error.innerError;
  return isObject(inner) ? { code: text(inner.code), message: text(inner.message) } : undefined;
}

interface BodyFacts {
  kind: FaceErrorBodyKind;
  code?: string | undefined;
  innerCode?: string | undefined;
  innerMessage?: string | undefined;
  message?: string | undefined;
}

function readBody(bodyText: string, contentType: string | undefined): BodyFacts {
  const body = bodyText.trim();
  if (body === '') return { kind: 'empty' };
  if (contentType?.includes('html') || /^<(!doctype|html|\?xml|head|body)/i.test(body))
    return { kind: 'html' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON (a proxy's plain-text page): keep a short excerpt for logs only; the mapping never shows it.
    return { kind: 'text', message: body.slice(0, 200) };
  }
  if (!isObject(parsed)) return { kind: 'text' };
  const error = isObject(parsed.error) ? parsed.error : parsed;
  const inner = innerOf(error) ?? innerOf(parsed) ?? {};
  // {error:{code,message}}, {error:{statusCode,message}}, top-level {statusCode,message} or {code,message}.
  return {
    kind: 'json',
    code: text(error.code) ?? text(error.statusCode) ?? text(parsed.statusCode),
    innerCode: inner.code,
    innerMessage: inner.message,
    message: text(error.message) ?? text(parsed.message),
  };
}

/**
 * Turns any error answer into a FaceApiError: every body shape the Face service and its gateways send,
 * plus empty, non-JSON and HTML bodies. Never throws.
 */
export function parseFaceError(
  status: number,
  headers: HeaderSource,
  bodyText: string,
  request?: { method?: string; url?: string },
): FaceApiError {
  const facts = readBody(bodyText, headerValue(headers, 'content-type'));
  const serviceMessage = facts.kind === 'html' ? undefined : facts.message;
  return new FaceApiError({
    status,
    code: facts.code,
    innerCode: facts.innerCode,
    innerMessage: facts.innerMessage,
    serviceMessage,
    requestId: requestIdOf(headers),
    retryAfterSeconds:
      retryAfterFromHeader(headerValue(headers, 'retry-after')) ?? retryAfterFromMessage(serviceMessage),
    bodyKind: facts.kind,
    method: request?.method,
    url: request?.url,
  });
}
