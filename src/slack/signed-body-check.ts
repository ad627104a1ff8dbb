import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type BufferedIncomingMessage,
  defaultBodyLimit,
  HTTPModuleFunctions,
  isRawBodyError,
} from '@slack/bolt';

/** What to do with a request to /slack/events once its body is read. */
export type BodyVerdict = { kind: 'to-bolt' } | { kind: 'answered'; status: number; reason: string };

/**
 * Reads the body of a request to /slack/events and decides whether Bolt can be given it. Bolt's
 * receiver reads `body.ssl_check` off whatever the payload parses to, outside any error handler: a
 * signed `payload=null` would throw there and the request would hang. So the body is read and checked
 * here with Bolt's own functions, in Bolt's order: signature first (an unsigned or stale request goes to
 * Bolt, which answers 401), then the shape. The buffered body stays on `req.rawBody`, where Bolt's
 * receiver takes it from instead of reading the (already consumed) stream again.
 */
export async function checkSignedBody(signingSecret: string, req: IncomingMessage): Promise<BodyVerdict> {
  let buffered: BufferedIncomingMessage;
  try {
    buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
      { signingSecret, bodyLimit: defaultBodyLimit },
      req,
    );
  } catch (error) {
    if (isRawBodyError(error)) {
      const status = (error as { statusCode: number }).statusCode;
      return { kind: 'answered', status, reason: (error as Error).message };
    }
    // Not verified: Bolt verifies the buffered body again and answers 401 itself.
    return { kind: 'to-bolt' };
  }
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch (error) {
    // Bolt answers unparseable bodies with 400 itself.
    if (error instanceof SyntaxError) return { kind: 'to-bolt' };
    throw error;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      kind: 'answered',
      status: 400,
      reason: `the payload is ${describeJson(body)}, not a JSON object`,
    };
  }
  return { kind: 'to-bolt' };
}

/** Writes a verdict's short JSON reason: `{"error": "…"}`. */
export function answerVerdict(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: reason }));
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
