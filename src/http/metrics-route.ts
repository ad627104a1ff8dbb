import { createHash, timingSafeEqual } from 'node:crypto';
import type { RouteHandler } from './server';
import { sendJson } from './server';

/** What /metrics serves: Prometheus' text and its content type. */
export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics. With a token, only requests bearing it (`Authorization: Bearer <token>`) are answered;
 * without one the route exists only on a loopback HOST (the caller decides; see src/app.ts).
 */
export function metricsRoute(source: MetricsSource, token: string | undefined): RouteHandler {
  const expected = token === undefined ? undefined : digest(token);
  return async (req, res) => {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendJson(res, 405, { error: 'method not allowed' });
    }
    if (expected !== undefined) {
      const [scheme, given] = (req.headers.authorization ?? '').split(' ');
      // Digests of equal length, compared in constant time: the answer says nothing about the token.
      if (scheme !== 'Bearer' || given === undefined || !timingSafeEqual(digest(given), expected)) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendJson(res, 401, { error: 'a bearer token is required' });
      }
    }
    const text = await source.render();
    res.writeHead(200, { 'content-type': source.contentType, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
}
