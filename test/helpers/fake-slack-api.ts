import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API or response_url call as the fake received it. */
export interface RecordedCall {
  /** Web API method (`views.open`), or `response_url` for posts to a response URL. */
  method: string;
  /** The path for response_url posts (`/response/<id>`). */
  path: string;
  /** Form fields or JSON body; JSON-encoded form fields (view, blocks) are parsed. */
  body: Record<string, unknown>;
  /** Bearer token, or the `token` form field. */
  token: string | undefined;
}

/** Answers a Web API method; the return value is the JSON body (`ok` is added when missing). */
export type MethodAnswer = (call: RecordedCall) => Record<string, unknown>;

export interface FakeSlackApi {
  /** Base URL for WebClient's slackApiUrl / SLACK_API_URL (ends in `/api/`). */
  apiUrl: string;
  /** A fresh response_url served by this fake. */
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Replaces the answer of one method (e.g. users.info with is_admin, views.update failing). */
  answer(method: string, fn: MethodAnswer): void;
  /** Resolves with the first recorded call (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(method: string, match?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Recorded calls of one method. */
  callsOf(method: string): RecordedCall[];
  close(): Promise<void>;
}

const defaultAnswers: Record<string, MethodAnswer> = {
  'auth.test': () => ({
    ok: true,
    user_id: 'UBOT',
    bot_id: 'BBOT',
    team_id: 'T1',
    url: 'https://t1.slack.com/',
  }),
  'views.open': (c) => ({ ok: true, view: { id: 'V1', ...asObject(c.body.view) } }),
  'views.update': (c) => ({ ok: true, view: { id: c.body.view_id ?? 'V1', ...asObject(c.body.view) } }),
  'chat.postMessage': (c) => ({ ok: true, channel: c.body.channel, ts: '1700000000.000100' }),
  'chat.update': (c) => ({ ok: true, channel: c.body.channel, ts: c.body.ts }),
  'users.info': (c) => ({
    ok: true,
    user: { id: c.body.user, name: 'someone', is_admin: false, is_owner: false },
  }),
  'oauth.v2.access': () => ({
    ok: true,
    app_id: 'A1',
    access_token: 'xoxb-installed-T2',
    token_type: 'bot',
    scope: 'commands,chat:write,users:read',
    bot_user_id: 'UBOT2',
    team: { id: 'T2', name: 'Second' },
    enterprise: null,
    is_enterprise_install: false,
    authed_user: { id: 'UINSTALLER' },
  }),
};

/** A fake Slack Web API on 127.0.0.1:0 that records every call, plus response_url endpoints. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const answers = new Map<string, MethodAnswer>(Object.entries(defaultAnswers));
  const waiters: Array<{
    method: string;
    match: (c: RecordedCall) => boolean;
    resolve: (c: RecordedCall) => void;
  }> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const body = parseBody(raw, req.headers['content-type']);
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (body.token as string | undefined);
      const isResponseUrl = path.startsWith('/response/');
      const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '');
      const call: RecordedCall = { method, path, body, token };
      calls.push(call);
      for (const w of [...waiters]) {
        if (w.method === method && w.match(call)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(call);
        }
      }
      const answer: MethodAnswer | undefined = isResponseUrl ? () => ({}) : answers.get(method);
      const payload: Record<string, unknown> = answer
        ? { ok: true, ...answer(call) }
        : { ok: false, error: 'unknown_method' };
      const text = JSON.stringify(payload);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    answer: (method, fn) => answers.set(method, fn),
    callsOf: (method) => calls.filter((c) => c.method === method),
    waitFor(method, match = () => true, timeoutMs = 15_000) {
      const seen = calls.find((c) => c.method === method && match(c));
      if (seen) return Promise.resolve(seen);
      return new Promise<RecordedCall>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `no ${method} call arrived within ${timeoutMs} ms (got: ${calls.map((c) => c.method).join(', ')})`,
            ),
          );
        }, timeoutMs);
        const waiter = {
          method,
          match,
          resolve: (c: RecordedCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        waiters.push(waiter);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return asObject(JSON.parse(raw));
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) out[key] = maybeJson(value);
  return out;
}

function maybeJson(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    // A form field that merely starts with a bracket: keep the text as sent.
    if (error instanceof SyntaxError) return value;
    throw error;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
