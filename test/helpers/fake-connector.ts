import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Framework connector. */
export interface ConnectorCall {
  /** POST: a new message or a reply; PUT: updateActivity. */
  method: string;
  conversationId: string;
  /** The replyToId of a reply, or the id of the updated activity; absent for a plain new message. */
  activityId: string | undefined;
  activity: Record<string, unknown>;
  authorization: string | undefined;
  /** The status the fake answered. */
  status: number;
}

export interface FakeConnector {
  /** The activities' serviceUrl: http://127.0.0.1:PORT/ */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Resolves with the calls so far once at least `count` were made; rejects after `timeoutMs`. */
  waitForCalls(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Resolves with the first call (past or future) that matches; rejects after `timeoutMs`. */
  waitFor(match: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** Answers the next `count` PUTs (updateActivity) with `status` instead of 200. */
  failUpdates(status: number, count?: number): void;
  /** Forgets calls and pending failures. */
  reset(): void;
  close(): Promise<void>;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/**
 * A fake Bot Framework connector on 127.0.0.1:0: records POST/PUT
 * `/v3/conversations/{id}/activities[/{activityId}]` (send, reply, updateActivity) and answers `{id}`.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let updateFailures: { status: number; left: number } | undefined;
  let nextId = 1;
  const recorded = new EventEmitter();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = ACTIVITIES_PATH.exec((req.url ?? '').split('?')[0] ?? '');
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { code: 'NotFound', message: `no route ${req.method} ${req.url}` } }),
        );
        return;
      }
      let status = 200;
      if (req.method === 'PUT' && updateFailures && updateFailures.left > 0) {
        status = updateFailures.status;
        updateFailures.left -= 1;
      }
      const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      calls.push({
        method: req.method,
        conversationId: decodeURIComponent(match[1] ?? ''),
        activityId,
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
        authorization: req.headers.authorization,
        status,
      });
      recorded.emit('call');
      const body =
        status === 200
          ? { id: req.method === 'PUT' ? activityId : `activity-${nextId++}` }
          : { error: { code: 'ServiceError', message: 'the fake connector was told to fail' } };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  /** Resolves once `probe` finds something, checking after every recorded call. */
  function until<T>(probe: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        clearTimeout(timer);
        recorded.off('call', check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        recorded.off('call', check);
        reject(
          new Error(`expected ${what}; got ${JSON.stringify(calls.map((c) => [c.method, c.activityId]))}`),
        );
      }, timeoutMs);
      recorded.on('call', check);
      check();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    waitForCalls: (count, timeoutMs) =>
      until(() => (calls.length >= count ? [...calls] : undefined), `${count} connector calls`, timeoutMs),
    waitFor: (match, timeoutMs) => until(() => calls.find(match), 'a matching connector call', timeoutMs),
    failUpdates(status, count = 1) {
      updateFailures = { status, left: count };
    },
    reset() {
      calls.length = 0;
      updateFailures = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
