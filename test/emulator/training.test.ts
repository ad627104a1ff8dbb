import { type FaceEmulator, type FaceEmulatorOptions, startFaceEmulator } from '../../src/emulator';
import { caller, manualClock, serviceError } from './face-call';

const KEY = 'training-key';
const clock = manualClock();
let emulator: FaceEmulator;
const call = caller(() => emulator, KEY);
const iso = (ms: number) => new Date(ms).toISOString();

async function start(options: FaceEmulatorOptions = {}) {
  emulator = await startFaceEmulator({ keys: [KEY], now: clock.now, trainingMs: 1000, ...options });
}
afterEach(() => emulator.close());

describe.each([
  ['persongroups', 'PersonGroup', 'Person group'],
  ['largepersongroups', 'LargePersonGroup', 'Large person group'],
])('training /%s on the emulator', (kind, code, noun) => {
  async function groupWithPerson(id = 'team') {
    await call('PUT', `/${kind}/${id}`, { body: { name: id } });
    await call('POST', `/${kind}/${id}/persons`, { body: { name: 'Ada' } });
  }

  test('a group never trained answers 404 …NotTrained on its training status', async () => {
    await start();
    await groupWithPerson();
    const res = await call('GET', `/${kind}/team/training`);
    expect([res.status, res.json]).toEqual([404, serviceError(`${code}NotTrained`, `${noun} not trained.`)]);
  });

  test('train answers 202 with an empty body and Operation-Location naming the absolute status URL', async () => {
    await start();
    await groupWithPerson();
    const res = await call('POST', `/${kind}/team/train`);
    expect([res.status, res.text]).toEqual([202, '']);
    expect(res.headers.get('operation-location')).toBe(`${emulator.baseUrl}/${kind}/team/training`);
  });

  test('a training reports notstarted, then running, then succeeded as the configured times pass', async () => {
    await start({ trainingQueuedMs: 100 });
    await groupWithPerson();
    const startedAt = clock.now();
    await call('POST', `/${kind}/team/train`);
    const status = async () => (await call('GET', `/${kind}/team/training`)).json;
    expect(await status()).toEqual({
      status: 'notstarted',
      createdDateTime: iso(startedAt),
      lastActionDateTime: iso(startedAt),
    });
    clock.advance(100);
    expect(await status()).toMatchObject({ status: 'running', lastActionDateTime: iso(startedAt + 100) });
    clock.advance(999);
    expect((await status()).status).toBe('running');
    clock.advance(1);
    expect(await status()).toEqual({
      status: 'succeeded',
      createdDateTime: iso(startedAt),
      lastActionDateTime: iso(startedAt + 1100),
      lastSuccessfulTrainingDateTime: iso(startedAt + 1100),
    });
  });

  test('delete, update and train while a training runs answer 409 …TrainingNotFinished', async () => {
    await start();
    await groupWithPerson();
    await call('POST', `/${kind}/team/train`);
    const expected = [409, serviceError(`${code}TrainingNotFinished`, `${noun} is under training.`)];
    for (const [method, path, body] of [
      ['DELETE', '', undefined],
      ['PATCH', '', { name: 'renamed' }],
      ['POST', '/train', undefined],
    ] as const) {
      const res = await call(method, `/${kind}/team${path}`, body ? { body } : {});
      expect([method, res.status, res.json]).toEqual([method, ...expected]);
    }
    clock.advance(1000);
    expect((await call('PATCH', `/${kind}/team`, { body: { name: 'renamed' } })).status).toBe(200);
    expect((await call('DELETE', `/${kind}/team`)).status).toBe(200);
  });

  test('a group without persons fails its training, with the reason in the status message', async () => {
    await start();
    await call('PUT', `/${kind}/empty`, { body: { name: 'empty' } });
    expect((await call('POST', `/${kind}/empty/train`)).status).toBe(202);
    clock.advance(1000);
    const res = await call('GET', `/${kind}/empty/training`);
    expect(res.json).toMatchObject({
      status: 'failed',
      message: 'There is no person or no persisted face in the group.',
    });
    expect(res.json.lastSuccessfulTrainingDateTime).toBeUndefined();
  });

  test('in reject mode a group without persons answers 400 at once and starts no training', async () => {
    await start({ emptyGroupTraining: 'reject' });
    await call('PUT', `/${kind}/empty`, { body: { name: 'empty' } });
    const res = await call('POST', `/${kind}/empty/train`);
    expect([res.status, res.json]).toEqual([
      400,
      serviceError('BadArgument', 'There is no person or no persisted face in the group to train.'),
    ]);
    expect((await call('GET', `/${kind}/empty/training`)).status).toBe(404);
  });

  test('a new training keeps the time of the last success while it runs', async () => {
    await start();
    await groupWithPerson();
    await call('POST', `/${kind}/team/train`);
    clock.advance(1000);
    const firstSuccess = clock.now();
    clock.advance(5000);
    await call('POST', `/${kind}/team/train`);
    expect((await call('GET', `/${kind}/team/training`)).json).toMatchObject({
      status: 'running',
      lastSuccessfulTrainingDateTime: iso(firstSuccess),
    });
  });

  test('train and its status of a missing group answer 404 …NotFound', async () => {
    await start();
    for (const [method, path] of [
      ['POST', 'train'],
      ['GET', 'training'],
    ]) {
      const res = await call(method as string, `/${kind}/ghost/${path}`);
      expect([res.status, res.json]).toEqual([404, serviceError(`${code}NotFound`, `${noun} is not found.`)]);
    }
  });
});

test('Operation-Location keeps the region label the train came in under', async () => {
  await start();
  const base = `${emulator.regionUrl('westeurope')}/face/v1.0`;
  await call('PUT', '/persongroups/g', { body: { name: 'g' }, base });
  const res = await call('POST', '/persongroups/g/train', { base });
  expect(res.headers.get('operation-location')).toBe(`${base}/persongroups/g/training`);
});

test('without a clock option training ends after trainingMs of real time', async () => {
  emulator = await startFaceEmulator({ keys: [KEY], trainingMs: 0 });
  await call('PUT', '/persongroups/g', { body: { name: 'g' } });
  await call('POST', '/persongroups/g/persons', { body: { name: 'p' } });
  await call('POST', '/persongroups/g/train');
  expect((await call('GET', '/persongroups/g/training')).json.status).toBe('succeeded');
});
