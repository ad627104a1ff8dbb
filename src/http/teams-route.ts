import type { BackgroundWork } from '../async/background-work';
import type { TeamsEndpoint } from '../teams';
import { PayloadTooLargeError, type RouteHandler, readBody, sendJson } from './server';

/**
 * /api/messages on the shared server: reads the body (size-limited), lets the Teams endpoint answer,
 * writes the answer, then runs the work that follows it (tracked, so stopping waits for it).
 */
export function teamsRoute(
  endpoint: TeamsEndpoint,
  bodyLimit: number,
  background: BackgroundWork,
): RouteHandler {
  return async (req, res, ctx) => {
    let body = '';
    if (req.method === 'POST') {
      try {
        body = await readBody(req, bodyLimit);
      } catch (error) {
        if (error instanceof PayloadTooLargeError)
          return sendJson(res, 413, { error: 'request body too large' });
        throw error;
      }
    }
    const answer = await endpoint.handle({
      method: req.method ?? 'GET',
      authorization: req.headers.authorization ?? '',
      body,
      requestId: ctx.requestId,
      log: ctx.log,
    });
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    if (answer.body !== undefined) sendJson(res, answer.status, answer.body);
    else {
      res.writeHead(answer.status);
      res.end();
    }
    for (const followUp of answer.followUps) {
      await background
        .run(followUp)
        .catch((error: unknown) => ctx.log.error({ err: error }, 'follow-up work failed'));
    }
  };
}
