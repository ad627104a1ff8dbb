import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { caller, faceCall, serviceError } from './face-call';

const KEY = 'faults-key';
let emulator: FaceEmulator;
const call = caller(() => emulator, KEY);
const put = (id = 'g') => call('PUT', `/persongroups/${id}`, { body: { name: 'n' } });

describe('faults played in code', () => {
  beforeAll(async () => {
    emulator = await startFaceEmulator({ keys: [KEY] });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  test('429 with Retry-After, 429 with the wait only in the message, and a bare 429', async () => {
    emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 2 });
    emulator.injectFaults({ kind: 'rate_limit_message', seconds: 21 });
    emulator.injectFaults({ kind: 'rate_limit_message', seconds: 1, wording: 'retry_after' });
    emulator.injectFaults({ kind: 'rate_limit_bare' });
    const header = await put();
    expect([header.status, header.headers.get('retry-after')]).toEqual([429, '2']);
    const message = await put();
    expect(message.headers.get('retry-after')).toBeNull();
    expect(message.json.error.message).toBe('Rate limit is exceeded. Try again in 21 seconds.');
    expect((await put()).json.error.message).toContain('Please retry after 1 second.');
    expect((await put()).json).toEqual({ statusCode: 429, message: 'Rate limit is exceeded.' });
    expect((await put()).status).toBe(200);
  });

  test('server errors are JSON, a 502 is an HTML page, Limited Access is a 403 with an inner error', async () => {
    emulator.injectFaults({ kind: 'server_error', status: 503 });
    emulator.injectFaults({ kind: 'html' });
    emulator.injectFaults({ kind: 'limited_access' });
    expect(await put()).toMatchObject({
      status: 503,
      json: serviceError('InternalServerError', 'An internal server error occurred.'),
    });
    const html = await put();
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect((await put()).json.error.innererror.code).toBe('UnsupportedFeature');
  });

  test('a status fault answers any status and headers, e.g. a redirect to another host', async () => {
    emulator.injectFaults({
      kind: 'status',
      status: 307,
      headers: { Location: 'https://elsewhere.example/x' },
    });
    const res = await fetch(`${emulator.baseUrl}/persongroups`, {
      headers: { 'Ocp-Apim-Subscription-Key': KEY },
      redirect: 'manual',
    });
    expect([res.status, res.headers.get('location')]).toEqual([307, 'https://elsewhere.example/x']);
  });

  test('a reset destroys the connection and a commit-then-fail creates the group but answers 500', async () => {
    emulator.injectFaults({ kind: 'reset' });
    await expect(put()).rejects.toThrow();
    emulator.injectFaults({ kind: 'commit_then_fail' });
    expect((await put()).status).toBe(500);
    expect(emulator.groups(KEY).map((g) => g.personGroupId)).toEqual(['g']);
  });

  test('a fault count must be a positive integer', () => {
    expect(() => emulator.injectFaults({ kind: 'reset' }, 0)).toThrow(RangeError);
  });
});

describe('a body that stalls after the headers', () => {
  afterEach(() => emulator.close());

  test('the headers and half the body arrive, the rest never does, and the request took effect', async () => {
    emulator = await startFaceEmulator({ keys: [KEY] });
    await put('a');
    await put('b');
    emulator.injectFaults({ kind: 'stall_body' });
    const res = await fetch(`${emulator.baseUrl}/persongroups`, {
      headers: { 'Ocp-Apim-Subscription-Key': KEY },
    });
    expect(res.status).toBe(200);
    const announced = Number(res.headers.get('content-length'));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(first.value?.length).toBeLessThan(announced);
    const rest = reader.read();
    // Closing the emulator is the only thing that ends a stalled body: the read fails, it never completes.
    await emulator.close();
    await expect(rest).rejects.toThrow();
    expect(emulator.requests.at(-1)).toMatchObject({ fault: 'stall_body', status: 200 });
  });

  test('an answer with an empty body still announces a body, so a client reading it waits', async () => {
    emulator = await startFaceEmulator({ keys: [KEY] });
    emulator.injectFaults({ kind: 'stall_body' });
    const res = await fetch(`${emulator.baseUrl}/persongroups/made`, {
      method: 'PUT',
      headers: { 'Ocp-Apim-Subscription-Key': KEY, 'Content-Type': 'application/json' },
      body: '{"name":"n"}',
    });
    expect([res.status, res.headers.get('content-length')]).toEqual([200, '1']);
    expect(emulator.groups(KEY).map((g) => g.personGroupId)).toEqual(['made']);
    const body = res.text();
    await emulator.close();
    await expect(body).rejects.toThrow();
  });
});

describe('the control routes under /_emulator/', () => {
  afterEach(() => emulator.close());

  test('with faults: true, faults are injected, requests read and state reset over HTTP', async () => {
    emulator = await startFaceEmulator({ keys: [KEY], faults: true });
    const injected = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'server_error', count: 2 }),
    });
    expect(await injected.json()).toEqual({ pending: 2 });
    expect((await put()).status).toBe(500);
    expect((await put()).status).toBe(500);
    expect((await put()).status).toBe(200);
    const record = (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as { status: number }[];
    expect(record.map((r) => r.status)).toEqual([500, 500, 200]);
    const bad = await fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', body: '{"kind":"nope"}' });
    expect(bad.status).toBe(400);
    const stall = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: '{"kind":"stall_body"}',
    });
    expect(await stall.json()).toEqual({ pending: 1 });
    await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    expect(emulator.requests).toEqual([]);
    expect(emulator.groups(KEY)).toEqual([]);
  });

  test('without faults: true no control route exists, and nothing can change how the emulator answers', async () => {
    emulator = await startFaceEmulator({ keys: [KEY] });
    for (const [method, path] of [
      ['POST', '/_emulator/faults'],
      ['GET', '/_emulator/requests'],
      ['POST', '/_emulator/reset'],
    ] as const) {
      const res = await fetch(`${emulator.url}${path}`, {
        method,
        body: method === 'POST' ? '{"kind":"reset"}' : null,
      });
      expect([path, res.status, await res.json()]).toEqual([
        path,
        404,
        serviceError('404', 'Resource not found'),
      ]);
    }
    expect(
      (await faceCall(emulator, 'PUT', '/persongroups/g', { key: KEY, body: { name: 'n' } })).status,
    ).toBe(200);
  });
});
