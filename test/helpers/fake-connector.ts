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
      const body =
        status === 200
          ? { id: req.method === 'PUT' ? activityId : `activity-${nextId++}` }
          : { error: { code: 'ServiceError', message: 'the fake connector was told to fail' } };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
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
