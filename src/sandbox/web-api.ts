/**
 * The sandbox's stand-in for the Slack Web API (`/api/<method>`) and for response_urls (`/response/<id>`):
 * a loopback server the bot's Bolt client reaches through SLACK_API_URL. It has a port of its own because
 * Bolt calls auth.test while the app is being built, before the bot's own server listens.
 */
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson as send } from '../http/server';
import type { Logger } from '../logger';
import { asObject, type Json } from './block-kit-json';
import type { SandboxConversation } from './conversation';
import type { TriggerBook } from './triggers';
import { answerResponseUrl, WEB_API_METHODS } from './web-api-methods';

/** Slack lets a response_url be used five times. */
const RESPONSE_URL_USES = 5;

/** Form fields the Web API client JSON-encodes. */
const JSON_FIELDS = new Set(['view', 'blocks', 'attachments']);

export interface SandboxWebApi {
  /** For SLACK_API_URL: `http://127.0.0.1:PORT/api/`. */
  apiUrl: string;
  /** The only bot token this stand-in accepts. */
  botToken: string;
  /** A fresh response_url for one command. */
  newResponseUrl(): string;
  close(): Promise<void>;
}

export async function startSandboxWebApi(deps: {
  conversation: SandboxConversation;
  triggers: TriggerBook;
  logger: Logger;
}): Promise<SandboxWebApi> {
  const botToken = `xoxb-sandbox-${randomBytes(12).toString('hex')}`;
  const responseUses = new Map<string, number>();
  const context = { conversation: deps.conversation, triggers: deps.triggers };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = parseBody(await readBody(req), req.headers['content-type']);
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: 'method_not_allowed' });

    if (path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      const uses = responseUses.get(id);
      if (uses === undefined || uses >= RESPONSE_URL_USES)
        return send(res, 404, { ok: false, error: 'used_url' });
      responseUses.set(id, uses + 1);
      answerResponseUrl(body, deps.conversation);
      return send(res, 200, { ok: true });
    }

    const method = path.replace(/^\/api\//, '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : body.token;
    if (token !== botToken) return send(res, 200, { ok: false, error: 'invalid_auth' });
    const answer = WEB_API_METHODS[method];
    if (!answer) {
      deps.conversation.post({
        author: 'slack',
        ephemeral: true,
        text: `The bot called ${method}, which the sandbox does not stand in for.`,
        blocks: [],
      });
      return send(res, 200, { ok: false, error: 'unknown_method' });
    }
    return send(res, 200, answer(body, context));
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'the Slack sandbox could not answer a Web API call');
      if (!res.headersSent) send(res, 500, { ok: false, error: 'internal_error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    botToken,
    newResponseUrl() {
      const id = randomBytes(12).toString('hex');
      responseUses.set(id, 0);
      return `${base}/response/${id}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseBody(raw: string, contentType: string | undefined): Json {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return asObject(safeJson(raw)) ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw))
    out[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
  return out;
}

/** A body that is not JSON reads as nothing, so the method answers `invalid_arguments` as Slack does. */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
