import { type FaceEmulator, type GroupKind, startFaceEmulator } from '../../src/emulator';
import { caller, serviceError } from './face-call';

const KEY = 'operations-key';
let emulator: FaceEmulator;
const call = caller(() => emulator, KEY);

beforeAll(async () => {
  emulator = await startFaceEmulator({ keys: [KEY] });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const KINDS: [GroupKind, string, string][] = [
  ['persongroups', 'personGroupId', 'Person group'],
  ['largepersongroups', 'largePersonGroupId', 'Large person group'],
];

describe.each(KINDS)('/%s on the emulator', (kind, idField, noun) => {
  const notFoundCode = kind === 'persongroups' ? 'PersonGroupNotFound' : 'LargePersonGroupNotFound';
  const create = (id: string, body: Record<string, unknown> = { name: id }) =>
    call('PUT', `/${kind}/${id}`, { body });
  const ids = async (query: string) =>
    (await call('GET', `/${kind}${query}`)).json.map((g: never) => g[idField]);

  test('get answers the group with userData null, and the model only with returnRecognitionModel=true', async () => {
    await create('g1', { name: 'Group', recognitionModel: 'recognition_04' });
    const plain = await call('GET', `/${kind}/g1`);
    expect([plain.status, plain.json]).toEqual([200, { [idField]: 'g1', name: 'Group', userData: null }]);
    const withModel = await call('GET', `/${kind}/g1?returnRecognitionModel=true`);
    expect(withModel.json).toEqual({
      [idField]: 'g1',
      name: 'Group',
      userData: null,
      recognitionModel: 'recognition_04',
    });
  });

  test('get, update and delete of an unknown id answer 404 with the not-found message', async () => {
    const expected = [404, serviceError(notFoundCode, `${noun} is not found.`)];
    for (const method of ['GET', 'DELETE']) {
      const res = await call(method, `/${kind}/none`);
      expect([res.status, res.json]).toEqual(expected);
    }
    const patched = await call('PATCH', `/${kind}/none`, { body: { name: 'x' } });
    expect([patched.status, patched.json]).toEqual(expected);
  });

  test('an invalid id answers 404 with the invalid-id message on get, update and delete (not 400)', async () => {
    const expected = [404, serviceError(notFoundCode, `${noun} ID is invalid.`)];
    for (const method of ['GET', 'DELETE', 'PATCH']) {
      const res = await call(method, `/${kind}/UPPER`, method === 'PATCH' ? { body: { name: 'x' } } : {});
      expect([res.status, res.json]).toEqual(expected);
    }
  });

  test('list answers every group in id order, then pages with start (exclusive) and top', async () => {
    for (const id of ['c', 'a', 'b', 'd']) await create(id);
    expect(await ids('')).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids('?start=a&top=2')).toEqual(['b', 'c']);
    expect(await ids('?start=d')).toEqual([]);
    const withModel = await call('GET', `/${kind}?top=1&returnRecognitionModel=true`);
    expect(withModel.json).toEqual([
      { [idField]: 'a', name: 'a', userData: null, recognitionModel: 'recognition_01' },
    ]);
  });

  test('list defaults top to 1000', async () => {
    const many = await startFaceEmulator({ keys: [KEY] });
    try {
      for (let i = 0; i < 1001; i += 1)
        await caller(() => many, KEY)('PUT', `/${kind}/g${String(i).padStart(4, '0')}`, {
          body: { name: 'n' },
        });
      const listed = await caller(() => many, KEY)('GET', `/${kind}`);
      expect(listed.json).toHaveLength(1000);
      expect(listed.json[999][idField]).toBe('g0999');
    } finally {
      await many.close();
    }
  });

  test.each(['0', '1001', '-1', 'x', '1.5', ''])(
    'list with top=%p answers 400 "\'top\' is invalid."',
    async (top) => {
      const res = await call('GET', `/${kind}?top=${top}`);
      expect([res.status, res.json]).toEqual([400, serviceError('BadArgument', "'top' is invalid.")]);
    },
  );

  test('list with a start longer than 64 characters answers 400 "\'start\' is too long."', async () => {
    const res = await call('GET', `/${kind}?start=${'a'.repeat(65)}`);
    expect([res.status, res.json]).toEqual([400, serviceError('BadArgument', "'start' is too long.")]);
  });

  test('update changes name and userData and answers 200 empty; delete removes the group', async () => {
    await create('u', { name: 'old' });
    const patched = await call('PATCH', `/${kind}/u`, { body: { name: 'new', userData: 'x' } });
    expect([patched.status, patched.text]).toEqual([200, '']);
    expect(emulator.groups(KEY, kind)[0]).toMatchObject({ name: 'new', userData: 'x' });
    expect((await call('PATCH', `/${kind}/u`, { body: { userData: 'only' } })).status).toBe(200);
    expect(emulator.groups(KEY, kind)[0]).toMatchObject({ name: 'new', userData: 'only' });
    const deleted = await call('DELETE', `/${kind}/u`);
    expect([deleted.status, deleted.text]).toEqual([200, '']);
    expect(emulator.groups(KEY, kind)).toEqual([]);
  });

  test('update validates like create: name, userData, JSON and media type', async () => {
    await create('v');
    const message = async (body: unknown, headers?: Record<string, string>) =>
      (await call('PATCH', `/${kind}/v`, { body, ...(headers ? { headers } : {}) })).json.error.message;
    expect(await message({ name: '' })).toBe("'name' is empty.");
    expect(await message({ name: 'n'.repeat(129) })).toBe("'name' is too long.");
    expect(await message({ userData: 'u'.repeat(16385) })).toBe("'userData' is too long.");
    expect(await message('{x')).toBe('Bad and unrecognizable JSON body.');
    expect(await message({ name: 'n' }, { 'Content-Type': 'text/plain' })).toBe('Invalid Media Type.');
    expect(emulator.groups(KEY, kind)[0]?.name).toBe('v');
  });
});

test("a large person group update with neither name nor userData answers 400 \"Both 'name' and 'userData' are empty.\"", async () => {
  await call('PUT', '/largepersongroups/l', { body: { name: 'l' } });
  const res = await call('PATCH', '/largepersongroups/l', { body: {} });
  expect([res.status, res.json]).toEqual([
    400,
    serviceError('BadArgument', "Both 'name' and 'userData' are empty."),
  ]);
});

test('a person group update with neither name nor userData changes nothing and answers 200', async () => {
  await call('PUT', '/persongroups/p', { body: { name: 'p' } });
  expect((await call('PATCH', '/persongroups/p', { body: {} })).status).toBe(200);
  expect(emulator.groups(KEY)[0]?.name).toBe('p');
});

test('a method or path the service does not have answers 404 "Resource not found"', async () => {
  await call('PUT', '/persongroups/g', { body: { name: 'g' } });
  for (const [method, path] of [
    ['POST', '/persongroups'],
    ['POST', '/persongroups/g'],
    ['GET', '/persongroups/g/unknown'],
    ['GET', '/facelists'],
    ['GET', '/persongroups/g/persons/x/y'],
  ]) {
    const res = await call(method as string, path as string);
    expect([method, path, res.status, res.json]).toEqual([
      method,
      path,
      404,
      serviceError('404', 'Resource not found'),
    ]);
  }
});
