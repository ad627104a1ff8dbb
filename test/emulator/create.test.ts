import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { caller, faceCall, serviceError } from './face-call';

const KEY = 'emulator-test-key-0001';
let emulator: FaceEmulator;
const call = caller(() => emulator, KEY);
const put = (id: string, body: unknown, headers?: Record<string, string>) =>
  call('PUT', `/persongroups/${id}`, { body, ...(headers ? { headers } : {}) });

const SEED_INVALID_ID =
  "Person group ID is invalid. Valid format should be a string composed by numbers, English letters in lower case, '-', '_', and no longer than 64 characters.";
const BAD_JSON = 'Bad and unrecognizable JSON body.';

beforeAll(async () => {
  emulator = await startFaceEmulator({ keys: [KEY, 'other-key'], groupQuota: 5 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('PersonGroup - Create on the emulator', () => {
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
    ['an upper-case id', 'Upper', { name: 'n' }, SEED_INVALID_ID],
    ['a 65-character id', 'a'.repeat(65), { name: 'n' }, SEED_INVALID_ID],
    ['a body that is not JSON', 'ok', '{not json', BAD_JSON],
    ['a JSON array', 'ok', '[1]', BAD_JSON],
    ['an empty name', 'ok', { name: '' }, "'name' is empty."],
    ['no name', 'ok', {}, "'name' is empty."],
    ['a 129-character name', 'ok', { name: 'n'.repeat(129) }, "'name' is too long."],
    [
      '16385 characters of userData',
      'ok',
      { name: 'n', userData: 'u'.repeat(16385) },
      "'userData' is too long.",
    ],
    [
      'an unknown model',
      'ok',
      { name: 'n', recognitionModel: 'recognition_05' },
      "'recognitionModel' is invalid.",
    ],
  ])(
    'a create with %s answers 400 BadArgument with the service message',
    async (_case, id, body, message) => {
      const res = await put(id, body);
      expect(res.status).toBe(400);
      expect(res.json).toEqual(serviceError('BadArgument', message));
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    },
  );

  test('validation runs in order: media type, id, body, name, userData, model', async () => {
    expect((await put('Bad', '{x', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await put('Bad', '{x')).json.error.message).toBe(SEED_INVALID_ID);
    const all = { name: 'n'.repeat(129), userData: 'u'.repeat(16385), recognitionModel: 'x' };
    expect((await put('ok', all)).json.error.message).toBe("'name' is too long.");
    expect((await put('ok', { ...all, name: 'n' })).json.error.message).toBe("'userData' is too long.");
  });

  test('a non-JSON content type answers 415 with the seed body', async () => {
    const res = await put('ok', 'name=n', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.json).toEqual(serviceError('BadArgument', 'Invalid Media Type.'));
  });

  test('a second create of the same id answers 409 PersonGroupExists', async () => {
    await put('dup', { name: 'n' });
    const res = await put('dup', { name: 'n' });
    expect(res.status).toBe(409);
    expect(res.json).toEqual(serviceError('PersonGroupExists', 'Person group already exists.'));
  });

  test('the group quota answers 403 QuotaExceeded', async () => {
    for (const id of ['q1', 'q2', 'q3', 'q4', 'q5']) expect((await put(id, { name: 'n' })).status).toBe(200);
    const res = await put('q6', { name: 'n' });
    expect(res.status).toBe(403);
    expect(res.json).toEqual(
      serviceError('QuotaExceeded', 'Person group number reached subscription level limit.'),
    );
  });

  test('each key has its own namespace', async () => {
    await put('shared-id', { name: 'mine' });
    const other = await faceCall(emulator, 'PUT', '/persongroups/shared-id', {
      key: 'other-key',
      body: { name: 'theirs' },
    });
    expect(other.status).toBe(200);
    expect(emulator.groups('other-key')[0]?.name).toBe('theirs');
    expect(emulator.groups(KEY)[0]?.name).toBe('mine');
  });
});

describe('LargePersonGroup - Create on the emulator', () => {
  const putLarge = (id: string, body: unknown) => call('PUT', `/largepersongroups/${id}`, { body });

  test('a valid create answers 200 empty and the group is listed with largePersonGroupId', async () => {
    const res = await putLarge('big', { name: 'Big', recognitionModel: 'recognition_04' });
    expect([res.status, res.text]).toEqual([200, '']);
    expect(emulator.groups(KEY, 'largepersongroups')).toEqual([
      { largePersonGroupId: 'big', name: 'Big', userData: null, recognitionModel: 'recognition_04' },
    ]);
    expect(emulator.groups(KEY)).toEqual([]);
  });

  test('a second create of the same id answers 409 LargePersonGroupExists', async () => {
    await putLarge('big', { name: 'n' });
    const res = await putLarge('big', { name: 'n' });
    expect([res.status, res.json]).toEqual([
      409,
      serviceError('LargePersonGroupExists', 'Large person group already exists.'),
    ]);
  });

  test('an invalid id answers 400 "Large person group ID is invalid."', async () => {
    const res = await putLarge('NOPE', { name: 'n' });
    expect([res.status, res.json]).toEqual([
      400,
      serviceError('BadArgument', 'Large person group ID is invalid.'),
    ]);
  });

  test('the same id may be a person group and a large person group at once', async () => {
    await put('twin', { name: 'small' });
    expect((await putLarge('twin', { name: 'large' })).status).toBe(200);
  });

  test('the large group quota answers 403 with the large wording', async () => {
    for (const id of ['q1', 'q2', 'q3', 'q4', 'q5']) await putLarge(id, { name: 'n' });
    expect((await putLarge('q6', { name: 'n' })).json).toEqual(
      serviceError('QuotaExceeded', 'Large person group number reached subscription level limit.'),
    );
  });
});
