import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { caller, serviceError } from './face-call';

const KEY = 'persons-key';
let emulator: FaceEmulator;
const call = caller(() => emulator, KEY);

beforeAll(async () => {
  emulator = await startFaceEmulator({ keys: [KEY], personQuota: 3 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe.each(['persongroups', 'largepersongroups'])('persons of /%s on the emulator', (kind) => {
  const large = kind === 'largepersongroups';
  beforeEach(async () => {
    await call('PUT', `/${kind}/team`, { body: { name: 'team' } });
  });

  test('adding a person answers 200 with a personId, and the list counts every person', async () => {
    const added = await call('POST', `/${kind}/team/persons`, { body: { name: 'Ada', userData: 'x' } });
    expect(added.status).toBe(200);
    expect(added.json).toEqual({ personId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await call('POST', `/${kind}/team/persons`, { body: { name: 'Grace' } });
    const listed = await call('GET', `/${kind}/team/persons`);
    expect(listed.status).toBe(200);
    expect(listed.json).toHaveLength(2);
    expect(listed.json).toContainEqual({
      personId: added.json.personId,
      name: 'Ada',
      userData: 'x',
      persistedFaceIds: [],
    });
  });

  test('the person list pages with top and start in personId order', async () => {
    for (const name of ['a', 'b', 'c']) await call('POST', `/${kind}/team/persons`, { body: { name } });
    const all = (await call('GET', `/${kind}/team/persons`)).json.map(
      (p: { personId: string }) => p.personId,
    );
    expect(all).toEqual([...all].sort());
    const page = await call('GET', `/${kind}/team/persons?start=${all[0]}&top=1`);
    expect(page.json.map((p: { personId: string }) => p.personId)).toEqual([all[1]]);
    expect((await call('GET', `/${kind}/team/persons?top=0`)).json).toEqual(
      serviceError('BadArgument', "'top' is invalid."),
    );
  });

  test('a person needs a name, as the service checks it', async () => {
    const res = await call('POST', `/${kind}/team/persons`, { body: {} });
    expect([res.status, res.json]).toEqual([400, serviceError('BadArgument', "'name' is empty.")]);
  });

  test("persons of a missing group answer 404 with the kind's not-found message", async () => {
    const res = await call('GET', `/${kind}/nobody/persons`);
    expect(res.json).toEqual(
      large
        ? serviceError('LargePersonGroupNotFound', 'Large person group is not found.')
        : serviceError('PersonGroupNotFound', 'Person group is not found.'),
    );
  });

  test("the person quota of a group answers 403 QuotaExceeded with the kind's wording", async () => {
    for (const name of ['a', 'b', 'c']) await call('POST', `/${kind}/team/persons`, { body: { name } });
    const res = await call('POST', `/${kind}/team/persons`, { body: { name: 'd' } });
    expect([res.status, res.json]).toEqual([
      403,
      serviceError(
        'QuotaExceeded',
        large
          ? 'Person number reached large person group level limit.'
          : 'Person number reached person group level limit.',
      ),
    ]);
  });
});
