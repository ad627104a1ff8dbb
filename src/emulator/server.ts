/**
 * The Face API emulator: a real node:http server on loopback serving the PersonGroup and LargePersonGroup
 * operations under /face/v1.0 (or /<region>/face/v1.0, see endpoint.ts) with the service's validation,
 * codes and messages from its own table; one namespace per key; region-bound keys; an F0 rate mode; a
 * Limited Access mode; quotas; training that takes time; a bounded request record (key ids, never keys);
 * fault injection in code, and over /_emulator/ only when started with `faults: true`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessGate } from './access';
import { type Answer, send, sendStalled, unknownRoute } from './answer';
import { answerControl } from './control';
import { type Endpoint, faceBaseUrl, parseEndpoint } from './endpoint';
import { FaultQueue, faultAnswer } from './faults';
import type { EmulatorRequest, FaceEmulator, FaceEmulatorOptions } from './options';
import { DEFAULT_RECORD_LIMIT, RequestRecord } from './request-record';
import { type RouteSettings, routeFaceRequest } from './routes';
import { FACE_API_PATH } from './rules';
import { KIND_WORDS } from './service-table';
import { EmulatorStore, groupView, keyId } from './store';

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_TRAINING_MS = 2000;

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

function recordEntry(req: IncomingMessage, target: URL, body: string): EmulatorRequest {
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
  return entry;
}

/** Starts the emulator on loopback. Close it with `close()`. */
export async function startFaceEmulator(options: FaceEmulatorOptions = {}): Promise<FaceEmulator> {
  const now = options.now ?? Date.now;
  const store = new EmulatorStore();
  const pendingDelays = new Set<NodeJS.Timeout>();
  const faults = new FaultQueue();
  const record = new RequestRecord(options.recordLimit ?? DEFAULT_RECORD_LIMIT);
  const gate = new AccessGate({ ...options, now });
  const settings: RouteSettings = {
    store,
    groupQuota: options.groupQuota ?? 1000,
    personQuota: {
      persongroups: options.personQuota ?? 10_000,
      largepersongroups: options.personQuota ?? 1_000_000,
    },
    trainingMs: options.trainingMs ?? DEFAULT_TRAINING_MS,
    trainingQueuedMs: options.trainingQueuedMs ?? 0,
    emptyGroupTraining: options.emptyGroupTraining ?? 'fail',
  };
  let url = '';
  let closing: Promise<void> | undefined;

  function answerFace(req: IncomingMessage, endpoint: Endpoint, target: URL, body: string): Answer {
    const key = header(req, 'ocp-apim-subscription-key');
    const refused = gate.refuse(key, endpoint.label);
    if (refused !== undefined || key === undefined) return refused ?? unknownRoute();
    return routeFaceRequest(
      {
        method: req.method ?? 'GET',
        path: endpoint.facePath,
        query: target.searchParams,
        contentType: header(req, 'content-type'),
        body,
        keyId: keyId(key),
        faceBaseUrl: faceBaseUrl(url, endpoint),
        now: now(),
      },
      settings,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const target = new URL(req.url ?? '/', 'http://emulator');
    const body = await readBody(req);
    if (target.pathname.startsWith('/_emulator/')) {
      const answer = options.faults
        ? answerControl(req.method ?? 'GET', target.pathname, body, { faults, record, reset: emulator.reset })
        : unknownRoute();
      return send(res, answer, requestId);
    }
    const endpoint = parseEndpoint(target.pathname);
    if (endpoint === undefined) return send(res, unknownRoute(), requestId);
    const entry = recordEntry(req, target, body);
    record.add(entry);

    const fault = faults.next();
    if (fault !== undefined) entry.fault = fault.kind;
    await delay((options.latencyMs ?? 0) + (fault?.kind === 'latency' ? fault.ms : 0), pendingDelays);
    if (fault?.kind === 'reset') return void req.socket.destroy();
    const injected = fault === undefined ? undefined : faultAnswer(fault);
    const answer = injected ?? answerFace(req, endpoint, target, body);
    if (fault?.kind === 'commit_then_fail') {
      if (fault.answer === 'reset') return void req.socket.destroy();
      entry.status = 500;
      return send(res, faultAnswer({ kind: 'server_error', status: 500 }) as Answer, requestId);
    }
    entry.status = answer.status;
    if (fault?.kind === 'stall_body') return sendStalled(res, answer, requestId);
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
    regionUrl: (label) => `${url}/${label}`,
    get requests() {
      return record.list();
    },
    injectFaults: (fault, count = 1) => faults.add(fault, count),
    clearFaults: () => faults.clear(),
    reset: () => {
      store.clear();
      faults.clear();
      gate.clear();
      record.clear();
    },
    groups: (key, kind = 'persongroups') =>
      store
        .space(keyId(key), kind)
        .sorted()
        .map((group) => groupView(group, KIND_WORDS[kind].idField, true)),
    keyId,
    // Idempotent: a test that closed the emulator to end a stalled body may close it again in afterAll.
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        // Slowed answers are dropped with their connections; their timers must not keep the process alive.
        for (const timer of pendingDelays) clearTimeout(timer);
        pendingDelays.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // Also ends stalled bodies, whose responses would otherwise never finish.
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return emulator;
}
