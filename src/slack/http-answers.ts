import type { ServerResponse } from 'node:http';

/** A request our Slack routes refuse themselves, with the reason as `{"error": "…"}`. */
export function answerRefusal(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: reason }));
}

/** A method a Slack route does not serve (e.g. GET /slack/events). */
export function answerMethodNotAllowed(res: ServerResponse): void {
  res.writeHead(405, { 'content-type': 'text/plain' });
  res.end('method not allowed');
}

/** How a parsed body that is not a JSON object is named in a refusal: `null`, `a list`, `a number`… */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
