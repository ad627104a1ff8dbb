/**
 * The sandbox page's routes on the bot's own server: the page and its assets, a long-polled state
 * (the channel and the open modal, rendered from Block Kit), and what a person does (command, submit,
 * close, click, slow the next Face call). Loopback only: requests must name a loopback Host, and a POST
 * must be JSON from the page's own origin, so no other web page can drive the bot through a browser.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { type RouteHandler, readBody, sendJson } from '../http/server';
import { messageToHtml, modalToHtml } from './block-kit-html';
import { asObject, asString, type Json } from './block-kit-json';
import type { SandboxConversation } from './conversation';
import { SANDBOX_NAMES } from './identity';
import type { FormInput } from './payloads';
import { type SandboxSlackClient, SandboxViewGoneError } from './slack-client';

export const SANDBOX_PATH = '/slack/sandbox';
/** The page's files: src/sandbox/page, found from src/sandbox and from dist/sandbox alike. */
export const PAGE_DIR = path.resolve(__dirname, '../../src/sandbox/page');
/** A long-poll answers after this long even when nothing changed. */
const LONG_POLL_MS = 25_000;
/** How much the "slow Face API" switch delays the next Face call: past the bot's 1 s inline budget. */
export const SLOW_FACE_MS = 3000;

const ASSETS: Readonly<Record<string, string>> = {
  '': 'text/html; charset=utf-8',
  '/page.js': 'text/javascript; charset=utf-8',
  '/page.css': 'text/css; charset=utf-8',
  '/block-kit.css': 'text/css; charset=utf-8',
};

export interface PageRouteDeps {
  conversation: SandboxConversation;
  client: SandboxSlackClient;
  /** Delays the next Face call (the built-in emulator), for the "slow Face API" button. */
  slowFace: ((ms: number) => void) | undefined;
  pageDir?: string;
}

export function sandboxPageRoutes(deps: PageRouteDeps): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {};
  const dir = deps.pageDir ?? PAGE_DIR;
  for (const [suffix, type] of Object.entries(ASSETS)) {
    const body = readFileSync(path.join(dir, suffix === '' ? 'index.html' : suffix.slice(1)));
    routes[`${SANDBOX_PATH}${suffix}`] = guarded('GET', (_req, res) => {
      res.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
    });
  }
  routes[`${SANDBOX_PATH}/state`] = guarded('GET', async (req, res) => {
    const after = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('after') ?? -1);
    await deps.conversation.waitForChange(Number.isFinite(after) ? after : -1, LONG_POLL_MS);
    sendJson(res, 200, snapshot(deps.conversation));
  });
  routes[`${SANDBOX_PATH}/command`] = posted(async (body, req) => {
    await deps.client.command(eventsUrlOf(req), asString(body.text) ?? '');
  });
  routes[`${SANDBOX_PATH}/submit`] = posted(async (body, req) => {
    await deps.client.submit(eventsUrlOf(req), asString(body.viewId) ?? '', formInput(body.values));
  });
  routes[`${SANDBOX_PATH}/close`] = posted(async (body) => {
    deps.client.closeView(asString(body.viewId) ?? '');
  });
  routes[`${SANDBOX_PATH}/action`] = posted(async (body, req) => {
    const click = {
      blockId: asString(body.blockId) ?? '',
      actionId: asString(body.actionId) ?? '',
      value: asString(body.value) ?? '',
    };
    await deps.client.click(eventsUrlOf(req), click, asString(body.viewId));
  });
  routes[`${SANDBOX_PATH}/slow-face`] = posted(async () => {
    if (!deps.slowFace)
      throw new SandboxRequestError(409, 'only the built-in Face emulator can be slowed down');
    deps.slowFace(SLOW_FACE_MS);
  });
  return routes;
}

/** The state the page draws: every message and the top modal, as HTML from their Block Kit. */
function snapshot(conversation: SandboxConversation) {
  const top = conversation.topView;
  return {
    version: conversation.version,
    timeline: conversation.timeline.map((entry) => ({
      id: entry.id,
      author: entry.author,
      ephemeral: entry.ephemeral,
      html: messageToHtml(entry, { names: SANDBOX_NAMES, idPrefix: `m${entry.id}` }),
    })),
    modal: top
      ? {
          viewId: top.id,
          hash: top.hash,
          html: modalToHtml(top.view, {
            viewId: top.id,
            errors: top.errors,
            names: SANDBOX_NAMES,
            idPrefix: 'modal',
            ...(top.notice ? { notice: top.notice } : {}),
          }),
        }
      : null,
  };
}

/** A request the page should not have sent, answered with its status and reason. */
class SandboxRequestError extends Error {
  override name = 'SandboxRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function guarded(
  method: string,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
): RouteHandler {
  return async (req, res) => {
    if (req.method !== method) return sendJson(res, 405, { error: 'method not allowed' });
    if (!isLoopbackHostHeader(req.headers.host))
      return sendJson(res, 403, { error: 'the sandbox answers on loopback only' });
    return handler(req, res);
  };
}

function posted(action: (body: Json, req: IncomingMessage) => Promise<void>): RouteHandler {
  return guarded('POST', async (req, res) => {
    const origin = req.headers.origin;
    if (origin !== undefined && originHost(origin) !== req.headers.host) {
      return sendJson(res, 403, { error: 'requests from other origins are refused' });
    }
    if (!req.headers['content-type']?.startsWith('application/json')) {
      return sendJson(res, 415, { error: 'send JSON' });
    }
    try {
      const body = asObject(JSON.parse(await readBody(req, 256 * 1024))) ?? {};
      await action(body, req);
      sendJson(res, 200, { ok: true });
    } catch (error) {
      if (error instanceof SandboxViewGoneError) return sendJson(res, 409, { error: error.message });
      if (error instanceof SandboxRequestError) return sendJson(res, error.status, { error: error.message });
      if (error instanceof SyntaxError) return sendJson(res, 400, { error: 'the body is not JSON' });
      throw error;
    }
  });
}

/** Host is 127.0.0.1, localhost or [::1], with any port: no DNS name can rebind to the sandbox. */
function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

/** The host of an Origin header; undefined for `null` or anything that is not a URL. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** The bot's /slack/events on the server this request came in on. */
function eventsUrlOf(req: IncomingMessage): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}/slack/events`;
}

function formInput(value: unknown): FormInput {
  const out: Record<string, Record<string, string>> = {};
  for (const [blockId, actions] of Object.entries(asObject(value) ?? {})) {
    const fields: Record<string, string> = {};
    for (const [actionId, typed] of Object.entries(asObject(actions) ?? {})) {
      if (typeof typed === 'string') fields[actionId] = typed;
    }
    out[blockId] = fields;
  }
  return out;
}
