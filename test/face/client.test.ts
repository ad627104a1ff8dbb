import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import {
  type CreatePersonGroupResult,
  createFaceClient,
  type FaceClientOptions,
} from '../../src/face/client';
import {
  describeFaceFailure,
  FaceApiError,
  FaceNetworkError,
  InvalidPersonGroupFieldsError,
} from '../../src/face/errors';
import type { FaceTarget, PersonGroupFields } from '../../src/face/types';

const KEY = 'client-test-key-abcdef123456';
const GUID = /^[0-9a-f-]{36}$/;
let emulator: FaceEmulator;
let target: FaceTarget;

beforeAll(async () => {
  emulator = await startFaceEmulator();
  target = { baseUrl: emulator.baseUrl, key: KEY };
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const fields: PersonGroupFields = {
  personGroupId: 'team-a',
  name: 'Team A',
  userData: 'notes',
  recognitionModel: 'recognition_04',
};

/** A client whose waits are recorded and skipped (the budget tests below use real time). */
function quickClient(options: FaceClientOptions = {}) {
  const waits: number[] = [];
  const client = createFaceClient({
    timeoutMs: 1000,
    budgetMs: 5000,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { client, waits };
}

const puts = () => emulator.requests.filter((request) => request.method === 'PUT');

describe('createPersonGroup', () => {
  test('creates the group with the key header, JSON body and explicit model, and returns the request id', async () => {
    const result = await quickClient().client.createPersonGroup(target, {
      ...fields,
      userData: undefined,
    } as never);
    expect(result).toEqual({ requestId: expect.stringMatching(GUID), confirmedAfterConflict: false });
    const [request] = emulator.requests;
    expect(request).toMatchObject({
      method: 'PUT',
      path: '/face/v1.0/persongroups/team-a',
      keyPresent: true,
    });
    expect(request?.contentType).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ name: 'Team A', recognitionModel: 'recognition_04' });
    expect(emulator.groups(KEY)).toEqual([
      { personGroupId: 'team-a', name: 'Team A', userData: null, recognitionModel: 'recognition_04' },
    ]);
  });

  test('refuses invalid fields with a typed error and sends nothing', async () => {
    const bad = {
      personGroupId: 'Team A',
      name: '',
      recognitionModel: 'recognition_09',
    } as unknown as PersonGroupFields;
    const error = await quickClient()
      .client.createPersonGroup(target, bad)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidPersonGroupFieldsError);
    expect((error as InvalidPersonGroupFieldsError).errors.map((e) => e.field)).toEqual([
      'personGroupId',
      'name',
      'recognitionModel',
    ]);
    expect(emulator.requests).toEqual([]);
  });

  test('a duplicate id is reported as 409 PersonGroupExists without a confirming GET', async () => {
    const { client } = quickClient();
    await client.createPersonGroup(target, fields);
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 409,
      code: 'PersonGroupExists',
      requestId: expect.stringMatching(GUID),
    });
    expect(describeFaceFailure(error)).toMatchObject({ kind: 'already_exists', field: 'personGroupId' });
    expect(emulator.requests.map((r) => r.method)).toEqual(['PUT', 'PUT']);
  });

  test('a 429 with Retry-After waits that long, then succeeds', async () => {
    emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 2 });
    const { client, waits } = quickClient();
    await expect(client.createPersonGroup(target, fields)).resolves.toMatchObject({
      confirmedAfterConflict: false,
    });
    expect(puts()).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThanOrEqual(2200);
  });

  test.each(['try_again', 'retry_after'] as const)(
    'a 429 with the wait only in the message (%s) waits that long',
    async (wording) => {
      emulator.injectFaults({ kind: 'rate_limit_message', seconds: 3, wording });
      const { client, waits } = quickClient();
      await client.createPersonGroup(target, fields);
      expect(waits[0]).toBeGreaterThanOrEqual(3000);
      expect(waits[0]).toBeLessThanOrEqual(3300);
    },
  );

  test('a 429 without any wait backs off exponentially with jitter', async () => {
    emulator.injectFaults({ kind: 'rate_limit_bare' }, 3);
    const { client, waits } = quickClient();
    await client.createPersonGroup(target, fields);
    expect(waits).toEqual([188, 375, 750]);
  });

  test.each([
    ['a JSON 500', { kind: 'server_error' as const }],
    ['a JSON 503', { kind: 'server_error' as const, status: 503 }],
    ['an HTML 502', { kind: 'html' as const }],
    ['a 408', { kind: 'status' as const, status: 408 }],
    [
      'a 409 ConcurrentOperationConflict',
      {
        kind: 'status' as const,
        status: 409,
        body: { error: { code: 'ConcurrentOperationConflict', message: 'x' } },
      },
    ],
    ['a connection reset', { kind: 'reset' as const }],
  ])('%s is retried and the create then succeeds', async (_label, fault) => {
    emulator.injectFaults(fault, 2);
    const { client, waits } = quickClient();
    await expect(client.createPersonGroup(target, fields)).resolves.toMatchObject({
      confirmedAfterConflict: false,
    });
    expect(puts()).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  test('when retries run out the last error is thrown with its request id', async () => {
    emulator.injectFaults({ kind: 'server_error', status: 503 }, 10);
    const error = await quickClient({ retryLimit: 2 })
      .client.createPersonGroup(target, fields)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceApiError);
    expect(error).toMatchObject({ status: 503, requestId: expect.stringMatching(GUID) });
    expect(puts()).toHaveLength(3);
  });

  test('a reset that never stops ends as a network failure', async () => {
    emulator.injectFaults({ kind: 'reset' }, 10);
    const error = await quickClient({ retryLimit: 1 })
      .client.createPersonGroup(target, fields)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceNetworkError);
    expect(describeFaceFailure(error).kind).toBe('network');
  });

  test.each([
    ['401 (unknown key)', 'unauthorized'],
    ['403 Limited Access', 'limited_access'],
  ])('%s is not retried and keeps its request id', async (label, kind) => {
    const closed = await startFaceEmulator({ keys: ['only-this-key'] });
    try {
      if (label.startsWith('403')) closed.injectFaults({ kind: 'limited_access' });
      const key = label.startsWith('403') ? 'only-this-key' : KEY;
      const client = quickClient().client;
      const error = await client
        .createPersonGroup({ baseUrl: closed.baseUrl, key }, fields)
        .catch((e: unknown) => e);
      const failure = describeFaceFailure(error);
      expect(failure).toMatchObject({ kind, requestId: expect.stringMatching(GUID) });
      expect(closed.requests).toHaveLength(1);
      expect(`${(error as Error).message} ${JSON.stringify(failure)}`).not.toContain(key);
    } finally {
      await closed.close();
    }
  });
});

describe('createPersonGroup after an ambiguous failure', () => {
  test.each(['server_error', 'reset'] as const)(
    'a PUT that committed then failed (%s) is confirmed by a GET and reported as created',
    async (answer) => {
      emulator.injectFaults({ kind: 'commit_then_fail', answer });
      const result: CreatePersonGroupResult = await quickClient().client.createPersonGroup(target, fields);
      expect(result).toEqual({ requestId: expect.stringMatching(GUID), confirmedAfterConflict: true });
      expect(emulator.requests.map((r) => `${r.method} ${r.status ?? 'reset'}`)).toEqual([
        `PUT ${answer === 'reset' ? 'reset' : 500}`,
        'PUT 409',
        'GET 200',
      ]);
    },
  );

  test('a group of the same id but another name is still reported as already existing', async () => {
    const client = quickClient().client;
    await client.createPersonGroup(target, { ...fields, name: 'Someone else' });
    emulator.reset();
    await client.createPersonGroup(target, { ...fields, name: 'Someone else' });
    emulator.injectFaults({ kind: 'server_error' });
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    expect(describeFaceFailure(error)).toMatchObject({ kind: 'already_exists', field: 'personGroupId' });
    expect(emulator.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT', 'GET']);
  });

  test('a group with the same name but other userData is not confirmed', async () => {
    const client = quickClient().client;
    await client.createPersonGroup(target, { ...fields, userData: 'other' });
    emulator.injectFaults({ kind: 'reset' });
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'PersonGroupExists' });
  });
});

describe('get, list and delete', () => {
  test('round-trip a group with its model, page the list and delete', async () => {
    const { client } = quickClient();
    for (const id of ['c', 'a', 'b'])
      await client.createPersonGroup(target, { ...fields, personGroupId: id });
    expect(await client.getPersonGroup(target, 'a')).toEqual({
      personGroupId: 'a',
      name: 'Team A',
      userData: 'notes',
      recognitionModel: 'recognition_04',
    });
    expect((await client.listPersonGroups(target)).map((g) => g.personGroupId)).toEqual(['a', 'b', 'c']);
    expect(
      (await client.listPersonGroups(target, { start: 'a', top: 1 })).map((g) => g.personGroupId),
    ).toEqual(['b']);
    expect(await client.deletePersonGroup(target, 'b')).toEqual({ requestId: expect.stringMatching(GUID) });
    const missing = await client.getPersonGroup(target, 'b').catch((e: unknown) => e);
    expect(describeFaceFailure(missing).kind).toBe('not_found');
  });

  test('invalid ids and pages are refused before any request', async () => {
    const { client } = quickClient();
    await expect(client.getPersonGroup(target, 'UPPER')).rejects.toBeInstanceOf(
      InvalidPersonGroupFieldsError,
    );
    await expect(client.deletePersonGroup(target, '../x')).rejects.toBeInstanceOf(
      InvalidPersonGroupFieldsError,
    );
    await expect(client.listPersonGroups(target, { top: 0 })).rejects.toBeInstanceOf(RangeError);
    expect(emulator.requests).toEqual([]);
  });
});
