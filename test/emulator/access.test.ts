import { type FaceEmulator, type FaceEmulatorOptions, startFaceEmulator } from '../../src/emulator';
import { faceCall, manualClock, serviceError } from './face-call';

const CURRENT_401 = serviceError(
  '401',
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
);
const SEED_401 = serviceError(
  'Unspecified',
  'Access denied due to invalid subscription key. Make sure you are subscribed to an API you are trying to call and provide the right key.',
);
const LIMITED_ACCESS = {
  error: {
    code: 'InvalidRequest',
    message: 'Invalid request has been sent.',
    innererror: {
      code: 'UnsupportedFeature',
      message:
        'Feature is not supported, missing approval for one or more of the following features: Identification,Verification. Please apply for access at https://aka.ms/facerecognition',
    },
  },
};

let emulator: FaceEmulator;
async function start(options: FaceEmulatorOptions) {
  emulator = await startFaceEmulator(options);
}
afterEach(() => emulator.close());

const create = (key: string | undefined, base?: string, id = 'g') =>
  faceCall(emulator, 'PUT', `/persongroups/${id}`, { key, body: { name: 'n' }, ...(base ? { base } : {}) });
const under = (label: string) => `${emulator.regionUrl(label)}/face/v1.0`;

describe('keys on the emulator', () => {
  test('a missing or unknown key answers 401 with the gateway body and creates nothing', async () => {
    await start({ keys: ['good'] });
    for (const key of [undefined, 'wrong']) {
      const res = await create(key);
      expect([res.status, res.json]).toEqual([401, CURRENT_401]);
    }
    expect(emulator.groups('good')).toEqual([]);
  });

  test('with no keys option every non-empty key is valid and its own namespace', async () => {
    await start({});
    expect((await create('anything')).status).toBe(200);
    expect(emulator.groups('anything')).toHaveLength(1);
    expect(emulator.groups('else')).toHaveLength(0);
    expect(new URL(emulator.url).hostname).toBe('127.0.0.1');
  });

  test('a key bound to a region works under its region label and answers 401 under another or none', async () => {
    await start({ keys: [{ key: 'west', region: 'westeurope' }, 'anywhere'] });
    expect((await create('west', under('westeurope'))).status).toBe(200);
    expect((await create('west', under('WestEurope'), 'h')).status).toBe(200);
    for (const base of [under('eastus'), emulator.baseUrl]) {
      const res = await create('west', base, 'i');
      expect([res.status, res.json]).toEqual([401, CURRENT_401]);
    }
    expect((await create('anywhere', under('eastus'))).status).toBe(200);
    expect(emulator.groups('west').map((g) => g.personGroupId)).toEqual(['g', 'h']);
  });

  test('a region label is one endpoint of the same resource: the key sees the same groups under it', async () => {
    await start({ keys: ['k'] });
    await create('k', under('westeurope'));
    const listed = await faceCall(emulator, 'GET', '/persongroups', { key: 'k' });
    expect(listed.json.map((g: { personGroupId: string }) => g.personGroupId)).toEqual(['g']);
  });

  test('the seed 401 shape is sent for unknown and wrong-region keys when asked for', async () => {
    await start({ keys: [{ key: 'west', region: 'westeurope' }], unauthorizedBody: 'seed' });
    for (const [key, base] of [
      ['nope', emulator.baseUrl],
      ['west', under('northeurope')],
    ] as const) {
      const res = await create(key, base);
      expect([res.status, res.json]).toEqual([401, SEED_401]);
    }
  });
});

describe('the F0 tier on the emulator', () => {
  const clock = manualClock();

  test('20 calls a minute per key pass; the 21st answers 429 without Retry-After, the wait in the message', async () => {
    await start({ tier: 'F0', now: clock.now });
    for (let i = 0; i < 20; i += 1) expect((await create('k', undefined, `g${i}`)).status).toBe(200);
    const limited = await faceCall(emulator, 'GET', '/persongroups', { key: 'k' });
    expect([limited.status, limited.json]).toEqual([
      429,
      serviceError('429', 'Rate limit is exceeded. Try again in 60 seconds.'),
    ]);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect((await create('other-key')).status).toBe(200);
  });

  test('the window slides: the wait shrinks as time passes and a call is let through once the oldest ages out', async () => {
    await start({ tier: 'F0', now: clock.now });
    for (let i = 0; i < 20; i += 1) {
      await create('k', undefined, `g${i}`);
      clock.advance(1000);
    }
    const message = async () =>
      (await faceCall(emulator, 'GET', '/persongroups', { key: 'k' })).json.error?.message;
    expect(await message()).toBe('Rate limit is exceeded. Try again in 40 seconds.');
    clock.advance(39_500);
    expect(await message()).toBe('Rate limit is exceeded. Try again in 1 seconds.');
    clock.advance(500);
    expect((await faceCall(emulator, 'GET', '/persongroups', { key: 'k' })).status).toBe(200);
  });

  test('a key can be F0 while the others are S0, and refused calls do not count', async () => {
    await start({ keys: [{ key: 'free', tier: 'F0' }, 'paid'], now: clock.now });
    for (let i = 0; i < 25; i += 1) await create('free', undefined, `g${i}`);
    expect(emulator.groups('free')).toHaveLength(20);
    for (let i = 0; i < 25; i += 1) await create('paid', undefined, `g${i}`);
    expect(emulator.groups('paid')).toHaveLength(25);
    clock.advance(60_000);
    expect((await create('free', undefined, 'later')).status).toBe(200);
  });
});

describe('the Limited Access mode on the emulator', () => {
  test('every person-group call of the resource answers 403 InvalidRequest/UnsupportedFeature, the list a config check makes included', async () => {
    await start({ limitedAccess: true });
    for (const [method, path] of [
      ['GET', '/persongroups?top=1'],
      ['PUT', '/persongroups/g'],
      ['GET', '/persongroups/g'],
      ['PATCH', '/persongroups/g'],
      ['DELETE', '/persongroups/g'],
      ['POST', '/persongroups/g/train'],
      ['GET', '/persongroups/g/training'],
      ['GET', '/largepersongroups'],
      ['PUT', '/largepersongroups/g'],
      ['POST', '/largepersongroups/g/persons'],
    ] as const) {
      const res = await faceCall(emulator, method, path, {
        key: 'k',
        body: method === 'GET' ? undefined : { name: 'n' },
      });
      expect([method, path, res.status, res.json]).toEqual([method, path, 403, LIMITED_ACCESS]);
    }
    expect(emulator.groups('k')).toEqual([]);
  });

  test('an invalid key still answers 401 before Limited Access, and a key can be approved on its own', async () => {
    await start({ keys: ['approved', { key: 'unapproved', limitedAccess: true }] });
    expect((await create('nope')).status).toBe(401);
    expect((await create('unapproved')).status).toBe(403);
    expect((await create('approved')).status).toBe(200);
  });
});
