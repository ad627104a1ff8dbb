import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { SERVICE } from '../../src/emulator/service-table';

const KEY = 'emulator-test-key-0001';
let emulator: FaceEmulator;

beforeAll(async () => {
  emulator = await startFaceEmulator({ keys: [KEY, 'other-key'], groupQuota: 5 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = {
    method,
    headers: { 'Ocp-Apim-Subscription-Key': KEY, 'Content-Type': 'application/json', ...headers },
  };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${emulator.baseUrl}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined,
  };
}

const put = (id: string, body: unknown, headers?: Record<string, string>) =>
  call('PUT', `/persongroups/${id}`, body, headers);
const error = (code: string, message: string) => ({ error: { code, message } });

describe('Face emulator: PersonGroup - Create', () => {
  test('a valid create answers 200 with an empty body, no Content-Type and a GUID apim-request-id', async () => {
    const res = await put('group1', { name: 'group1', userData: 'data', recognitionModel: 'recognition_03' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
    expect(res.headers.get('content-length')).toBe('0');
    expect(res.headers.get('apim-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(emulator.groups(KEY)).toEqual([
      { personGroupId: 'group1', name: 'group1', userData: 'data', recognitionModel: 'recognition_03' },
    ]);
  });

  test('a missing recognitionModel is stored as the service default recognition_01', async () => {
    await put('g', { name: 'n' });
    expect(emulator.groups(KEY)[0]?.recognitionModel).toBe('recognition_01');
  });

  test.each([
    ['Upper', { name: 'n' }, SERVICE.invalidPersonGroupId],
    ['a'.repeat(65), { name: 'n' }, SERVICE.invalidPersonGroupId],
    ['ok', '{not json', SERVICE.badJson],
    ['ok', '[1]', SERVICE.badJson],
    ['ok', { name: '' }, SERVICE.nameEmpty],
    ['ok', {}, SERVICE.nameEmpty],
    ['ok', { name: 'n'.repeat(129) }, SERVICE.nameTooLong],
    ['ok', { name: 'n', userData: 'u'.repeat(16385) }, SERVICE.userDataTooLong],
    ['ok', { name: 'n', recognitionModel: 'recognition_05' }, SERVICE.recognitionModelInvalid],
  ])('PUT %p with %p answers 400 BadArgument with the seed message', async (id, body, message) => {
    const res = await put(id, body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(error('BadArgument', message));
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  test('the seed message for a bad id is the long one', async () => {
    expect((await put('Bad', { name: 'n' })).json.error.message).toBe(
      "Person group ID is invalid. Valid format should be a string composed by numbers, English letters in lower case, '-', '_', and no longer than 64 characters.",
    );
  });

  test('validation runs in order: media type, id, body, name, userData, model', async () => {
    expect((await put('Bad', '{x', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await put('Bad', '{x')).json.error.message).toBe(SERVICE.invalidPersonGroupId);
    const all = { name: 'n'.repeat(129), userData: 'u'.repeat(16385), recognitionModel: 'x' };
    expect((await put('ok', all)).json.error.message).toBe(SERVICE.nameTooLong);
    expect((await put('ok', { ...all, name: 'n' })).json.error.message).toBe(SERVICE.userDataTooLong);
  });

  test('a non-JSON content type answers 415 with the seed body', async () => {
    const res = await put('ok', 'name=n', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.json).toEqual({ error: { code: 'BadArgument', message: 'Invalid Media Type.' } });
  });

  test('a second create of the same id answers 409 PersonGroupExists', async () => {
    await put('dup', { name: 'n' });
    const res = await put('dup', { name: 'n' });
    expect(res.status).toBe(409);
    expect(res.json).toEqual(error('PersonGroupExists', 'Person group already exists.'));
  });

  test('the group quota answers 403 QuotaExceeded', async () => {
    for (const id of ['q1', 'q2', 'q3', 'q4', 'q5']) expect((await put(id, { name: 'n' })).status).toBe(200);
    const res = await put('q6', { name: 'n' });
    expect(res.status).toBe(403);
    expect(res.json).toEqual(error('QuotaExceeded', 'Person group number reached subscription level limit.'));
  });

  test('a missing or unknown key answers 401 with the gateway body', async () => {
    const gateway = error('401', SERVICE.accessDenied);
    const unknown = await put('g', { name: 'n' }, { 'Ocp-Apim-Subscription-Key': 'wrong' });
    expect([unknown.status, unknown.json]).toEqual([401, gateway]);
    const missing = await fetch(`${emulator.baseUrl}/persongroups/g`, { method: 'PUT', body: '{}' });
    expect(missing.status).toBe(401);
    expect(emulator.groups(KEY)).toEqual([]);
  });

  test('each key has its own namespace', async () => {
    await put('shared-id', { name: 'mine' });
    const other = await put('shared-id', { name: 'theirs' }, { 'Ocp-Apim-Subscription-Key': 'other-key' });
    expect(other.status).toBe(200);
    expect(emulator.groups('other-key')[0]?.name).toBe('theirs');
  });

  test('the request record holds key ids, never the key', async () => {
    await put('rec', { name: 'n' });
    const [entry] = emulator.requests;
    expect(entry).toMatchObject({
      method: 'PUT',
      path: '/face/v1.0/persongroups/rec',
      keyPresent: true,
      status: 200,
    });
    expect(entry?.keyId).toBe(emulator.keyId(KEY));
    expect(JSON.stringify(emulator.requests)).not.toContain(KEY);
  });
});

describe('Face emulator: the other PersonGroup operations', () => {
  test('get returns the group, with the model only when asked', async () => {
    await put('g1', { name: 'Group', recognitionModel: 'recognition_04' });
    expect((await call('GET', '/persongroups/g1')).json).toEqual({
      personGroupId: 'g1',
      name: 'Group',
      userData: null,
    });
    const withModel = await call('GET', '/persongroups/g1?returnRecognitionModel=true');
    expect(withModel.json.recognitionModel).toBe('recognition_04');
  });

  test('get, update and delete of an unknown or invalid id answer 404 PersonGroupNotFound', async () => {
    for (const [method, id] of [
      ['GET', 'none'],
      ['DELETE', 'none'],
      ['PATCH', 'none'],
      ['GET', 'UPPER'],
    ]) {
      const res = await call(
        method as string,
        `/persongroups/${id}`,
        method === 'PATCH' ? { name: 'x' } : undefined,
      );
      expect([res.status, res.json]).toEqual([
        404,
        error('PersonGroupNotFound', 'Person group is not found.'),
      ]);
    }
  });

  test('list is sorted by id and pages with start (exclusive) and top', async () => {
    for (const id of ['c', 'a', 'b', 'd']) await put(id, { name: id });
    const ids = async (query: string) =>
      (await call('GET', `/persongroups${query}`)).json.map(
        (g: { personGroupId: string }) => g.personGroupId,
      );
    expect(await ids('')).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids('?start=a&top=2')).toEqual(['b', 'c']);
    expect((await call('GET', '/persongroups?top=0')).status).toBe(400);
  });

  test('update changes name and userData and answers 200 empty; delete removes the group', async () => {
    await put('u', { name: 'old' });
    const patched = await call('PATCH', '/persongroups/u', { name: 'new', userData: 'x' });
    expect([patched.status, patched.text]).toEqual([200, '']);
    expect(emulator.groups(KEY)[0]).toMatchObject({ name: 'new', userData: 'x' });
    expect((await call('PATCH', '/persongroups/u', { name: 'n'.repeat(129) })).json.error.message).toBe(
      SERVICE.nameTooLong,
    );
    expect((await call('DELETE', '/persongroups/u')).status).toBe(200);
    expect(emulator.groups(KEY)).toEqual([]);
  });

  test('train answers 202 with Operation-Location; training goes running then succeeded', async () => {
    await put('t', { name: 't' });
    expect((await call('GET', '/persongroups/t/training')).json).toEqual(
      error('PersonGroupNotTrained', 'Person group not trained.'),
    );
    const trained = await call('POST', '/persongroups/t/train');
    expect(trained.status).toBe(202);
    expect(trained.text).toBe('');
    expect(trained.headers.get('operation-location')).toBe(`${emulator.baseUrl}/persongroups/t/training`);
    expect((await call('GET', '/persongroups/t/training')).json.status).toBe('running');
    expect((await call('GET', '/persongroups/t/training')).json).toMatchObject({ status: 'succeeded' });
  });
});

describe('Face emulator: faults', () => {
  test('429 with Retry-After, 429 with the wait only in the message, and a bare 429', async () => {
    emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 2 });
    emulator.injectFaults({ kind: 'rate_limit_message', seconds: 21 });
    emulator.injectFaults({ kind: 'rate_limit_message', seconds: 1, wording: 'retry_after' });
    emulator.injectFaults({ kind: 'rate_limit_bare' });
    const header = await put('g', { name: 'n' });
    expect([header.status, header.headers.get('retry-after')]).toEqual([429, '2']);
    const message = await put('g', { name: 'n' });
    expect(message.headers.get('retry-after')).toBeNull();
    expect(message.json.error.message).toBe('Rate limit is exceeded. Try again in 21 seconds.');
    expect((await put('g', { name: 'n' })).json.error.message).toContain('Please retry after 1 second.');
    expect((await put('g', { name: 'n' })).json).toEqual({
      statusCode: 429,
      message: 'Rate limit is exceeded.',
    });
    expect((await put('g', { name: 'n' })).status).toBe(200);
  });

  test('server errors are JSON, a 502 is an HTML page, Limited Access is a 403 with an inner error', async () => {
    emulator.injectFaults({ kind: 'server_error', status: 503 });
    emulator.injectFaults({ kind: 'html' });
    emulator.injectFaults({ kind: 'limited_access' });
    expect((await put('g', { name: 'n' })).status).toBe(503);
    const html = await put('g', { name: 'n' });
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect((await put('g', { name: 'n' })).json.error.innererror.code).toBe('UnsupportedFeature');
  });

  test('a reset destroys the connection and a commit-then-fail creates the group but answers 500', async () => {
    emulator.injectFaults({ kind: 'reset' });
    await expect(put('g', { name: 'n' })).rejects.toThrow();
    emulator.injectFaults({ kind: 'commit_then_fail' });
    expect((await put('g', { name: 'n' })).status).toBe(500);
    expect(emulator.groups(KEY).map((g) => g.personGroupId)).toEqual(['g']);
  });

  test('faults can be injected, requests read and state reset over HTTP', async () => {
    const injected = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'server_error', count: 2 }),
    });
    expect(await injected.json()).toEqual({ pending: 2 });
    expect((await put('g', { name: 'n' })).status).toBe(500);
    expect((await put('g', { name: 'n' })).status).toBe(500);
    expect((await put('g', { name: 'n' })).status).toBe(200);
    const record = (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as { status: number }[];
    expect(record.map((r) => r.status)).toEqual([500, 500, 200]);
    const bad = await fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', body: '{"kind":"nope"}' });
    expect(bad.status).toBe(400);
    await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    expect(emulator.requests).toEqual([]);
    expect(emulator.groups(KEY)).toEqual([]);
  });
});

test('with no keys option every non-empty key is valid and its own namespace', async () => {
  const open = await startFaceEmulator();
  try {
    const res = await fetch(`${open.baseUrl}/persongroups/x`, {
      method: 'PUT',
      headers: { 'Ocp-Apim-Subscription-Key': 'anything', 'Content-Type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(res.status).toBe(200);
    expect(open.groups('anything')).toHaveLength(1);
    expect(open.groups('else')).toHaveLength(0);
    expect(new URL(open.url).hostname).toBe('127.0.0.1');
  } finally {
    await open.close();
  }
});
