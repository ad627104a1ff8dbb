/**
 * The Face API emulator: a real node:http server on loopback serving the PersonGroup operations under
 * /face/v1.0 with the service's codes and messages, one namespace per key, a group quota, a request
 * record (key ids, never keys) and fault injection (in code and under /_emulator/).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, gatewayUnauthorized, send, unknownRoute } from './answer';
import { type EmulatorFault, FaultQueue, faultAnswer, type ParsedFault } from './faults';
import { handlePersonGroupRequest } from './persongroups';
import { FACE_API_PATH, type EmulatorGroupView as PersonGroup } from './rules';
import { EmulatorStore, groupView, keyId } from './store';

export type { EmulatorFault } from './faults';

export interface FaceEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Valid keys; without it every non-empty key is valid and is its own namespace. */
  keys?: string[];
  /** Person groups per key (free tier: 1000). */
  groupQuota?: number;
  /** Added to every Face request. */
  latencyMs?: number;
}

/** One Face request as the emulator saw it. The key is recorded as presence and a hash id only. */
export interface EmulatorRequest {
  method: string;
  /** Path and query, e.g. /face/v1.0/persongroups/abc. */
  path: string;
  keyPresent: boolean;
  /** keyId(key) (sha-256 prefix) when a key was sent. */
  keyId?: string;
  contentType?: string;
  body: string;
  /** The status answered; absent when the connection was reset instead. */
  status?: number;
  fault?: ParsedFault['kind'];
}

export interface FaceEmulator {
  /** http://127.0.0.1:PORT (the Face API is under /face/v1.0). */
  readonly url: string;
  /** url + /face/v1.0 */
  readonly baseUrl: string;
  readonly port: number;
  /** A copy of every Face request so far, oldest first (control requests excluded). */
  readonly requests: EmulatorRequest[];
  /** Plays `fault` for the next `count` Face requests (after already queued faults). */
  injectFaults(fault: EmulatorFault, count?: number): void;
  /** Forgets groups, faults and the request record. */
  reset(): void;
  /** The groups of one key, sorted by id, as GET with returnRecognitionModel answers them. */
  groups(key: string): PersonGroup[];
  /** The id the record and namespaces use for a key. */
  keyId(key: string): string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Waits `ms`; the timer is kept in `pending` so that close() can cancel it and let the process exit. */
function delay(ms: number, pending: Set<NodeJS.Timeout>): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      resolve();
    }, ms);
    pending.add(timer);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Starts the emulator on loopback. Close it with `close()`. */
export async function startFaceEmulator(options: FaceEmulatorOptions = {}): Promise<FaceEmulator> {
  const store = new EmulatorStore();
  const pendingDelays = new Set<NodeJS.Timeout>();
  const faults = new FaultQueue();
  const record: EmulatorRequest[] = [];
  const validKeyIds = options.keys === undefined ? undefined : new Set(options.keys.map(keyId));
  const groupQuota = options.groupQuota ?? 1000;
  let url = '';

  function control(req: IncomingMessage, path: string, body: string): Answer {
    if (req.method === 'GET' && path === '/_emulator/requests') return { status: 200, json: record };
    if (req.method === 'POST' && path === '/_emulator/reset') {
      emulator.reset();
      return { status: 200, json: { reset: true } };
    }
    if (req.method === 'POST' && path === '/_emulator/faults') {
      try {
        const { count = 1, ...fault } = JSON.parse(body) as EmulatorFault & { count?: number };
        faults.add(fault as EmulatorFault, count);
        return { status: 200, json: { pending: faults.pending } };
      } catch (error) {
        return { status: 400, json: { error: { code: 'BadFault', message: (error as Error).message } } };
      }
    }
    return unknownRoute();
  }

  function answerFace(
    req: IncomingMessage,
    path: string,
    query: URLSearchParams,
    body: string,
    entry: EmulatorRequest,
  ) {
    const key = header(req, 'ocp-apim-subscription-key');
    if (entry.keyId === undefined || key === undefined || (validKeyIds && !validKeyIds.has(entry.keyId))) {
      return gatewayUnauthorized();
    }
    return handlePersonGroupRequest({
      method: req.method ?? 'GET',
      path: path.slice(FACE_API_PATH.length),
      query,
      contentType: header(req, 'content-type'),
      body,
      groups: store.namespace(entry.keyId),
      sorted: () => store.sorted(entry.keyId as string),
      groupQuota,
      faceBaseUrl: `${url}${FACE_API_PATH}`,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const target = new URL(req.url ?? '/', 'http://emulator');
    const body = await readBody(req);
    if (target.pathname.startsWith('/_emulator/'))
      return send(res, control(req, target.pathname, body), requestId);
    if (target.pathname !== FACE_API_PATH && !target.pathname.startsWith(`${FACE_API_PATH}/`)) {
      return send(res, unknownRoute(), requestId);
    }
    const key = header(req, 'ocp-apim-subscription-key') ?? '';
    const contentType = header(req, 'content-type');
    const entry: EmulatorRequest = {
      method: req.method ?? 'GET',
      path: `${target.pathname}${target.search}`,
      keyPresent: key !== '',
      body,
    };
    if (key !== '') entry.keyId = keyId(key);
    if (contentType !== undefined) entry.contentType = contentType;
    record.push(entry);

    const fault = faults.next();
    if (fault !== undefined) entry.fault = fault.kind;
    await delay((options.latencyMs ?? 0) + (fault?.kind === 'latency' ? fault.ms : 0), pendingDelays);
    const injected = fault === undefined ? undefined : faultAnswer(fault);
    if (fault?.kind === 'reset') return void req.socket.destroy();
    const answer = injected ?? answerFace(req, target.pathname, target.searchParams, body, entry);
    if (fault?.kind === 'commit_then_fail') {
      if (fault.answer === 'reset') return void req.socket.destroy();
      entry.status = 500;
      return send(res, faultAnswer({ kind: 'server_error', status: 500 }) as Answer, requestId);
    }
    entry.status = answer.status;
    send(res, answer, requestId);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the emulator: answer 500 so the test sees it, and keep the reason in the body.
      if (!res.headersSent)
        send(
          res,
          { status: 500, json: { error: { code: 'EmulatorBug', message: String(error) } } },
          randomUUID(),
        );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  const emulator: FaceEmulator = {
    url,
    baseUrl: `${url}${FACE_API_PATH}`,
    port,
    get requests() {
      return record.map((entry) => ({ ...entry }));
    },
    injectFaults: (fault, count = 1) => faults.add(fault, count),
    reset: () => {
      store.clear();
      faults.clear();
      record.length = 0;
    },
    groups: (key) => store.sorted(keyId(key)).map((group) => groupView(group, true)),
    keyId,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Slowed answers are dropped with their connections; their timers must not keep the process alive.
        for (const timer of pendingDelays) clearTimeout(timer);
        pendingDelays.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return emulator;
}
