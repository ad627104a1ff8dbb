import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '../logger';

/** A handler for one path; it owns the response. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
) => Promise<void> | void;

export interface RequestContext {
  /** Correlation id for every log line of this request (x-request-id when the caller sent one). */
  requestId: string;
  log: Logger;
}

export interface HttpServerOptions {
  logger: Logger;
  /** Exact paths → handlers, e.g. '/api/messages'. Matching ignores the query string. */
  routes: Record<string, RouteHandler>;
  /** Answers /readyz: true once the store answers. */
  isReady: () => Promise<boolean>;
}

/**
 * One node:http server for every endpoint: the platforms plug in as routes, /healthz and /readyz are
 * built in. A handler that throws gets a logged error and a plain 500, never a crashed process.
 */
export function createHttpServer(options: HttpServerOptions): http.Server {
  const { logger, routes } = options;
  return http.createServer((req, res) => {
    const headerId = req.headers['x-request-id'];
    const requestId =
      typeof headerId === 'string' && /^[\w-]{1,64}$/.test(headerId) ? headerId : randomUUID();
    const log = logger.child({ requestId });
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    // One line per request carries the correlation id; probes only at debug, they come every few seconds.
    res.once('close', () => {
      const probe = path === '/healthz' || path === '/readyz';
      log[probe ? 'debug' : 'info'](
        {
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(performance.now() - started),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    void dispatch(req, res, path, { requestId, log }).catch((error: unknown) => {
      log.error({ err: error, path }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', requestId });
      else res.end();
    });
  });

  async function dispatch(req: IncomingMessage, res: ServerResponse, path: string, ctx: RequestContext) {
    if (path === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz' && req.method === 'GET') {
      const ready = await options.isReady().catch((error: unknown) => {
        ctx.log.warn({ err: error }, 'readiness check failed');
        return false;
      });
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
    }
    const handler = routes[path];
    if (!handler) return sendJson(res, 404, { error: 'not found' });
    return handler(req, res, ctx);
  }
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; larger bodies reject with a PayloadTooLargeError. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new PayloadTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A request body beyond the server's limit. */
export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
  readonly status = 413;
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}
