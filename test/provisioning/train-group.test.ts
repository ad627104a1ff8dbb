import type { FaceEmulatorOptions } from '../../src/emulator';
import type { TrainingOutcome } from '../../src/provisioning/training';
import { faceCall, manualClock } from '../emulator/face-call';
import { configure, GOOD_KEY, type Harness, startHarness, USER } from './harness';

const WS = 'slack:T-train';
const clock = manualClock();
/** Every wait the watch asked for; waiting moves the clock the emulator and the watch share. */
let waits: number[] = [];
let h: Harness;

async function start(emulator: FaceEmulatorOptions = {}) {
  waits = [];
  h = await startHarness({
    emulator: { now: clock.now, trainingMs: 10_000, ...emulator },
    deps: {
      clock: () => new Date(clock.now()),
      trainingPoll: { firstDelayMs: 1000, maxDelayMs: 4000, maxWaitMs: 30_000 },
      sleep: async (ms, signal) => {
        signal.throwIfAborted();
        waits.push(ms);
        clock.advance(ms);
      },
    },
  });
  await configure(h, WS);
}
afterEach(() => h.close());

async function group(path: string, persons = 1) {
  await faceCall(h.emulator, 'PUT', path, { key: GOOD_KEY, body: { name: 'Team' } });
  for (let i = 0; i < persons; i += 1)
    await faceCall(h.emulator, 'POST', `${path}/persons`, { key: GOOD_KEY, body: { name: `P${i}` } });
}

const train = (personGroupId: string) =>
  h.provisioning.trainGroup({ workspaceId: WS, actor: USER, platform: 'slack', personGroupId });

async function watchAll(personGroupId: string, signal = new AbortController().signal) {
  const seen: TrainingOutcome[] = [];
  for await (const outcome of h.provisioning.watchTraining({ workspaceId: WS, personGroupId }, signal))
    seen.push(outcome);
  return seen;
}

const trainEvents = () => h.store.listAudit({ workspaceId: WS, actions: ['train_person_group'] });

describe('training a group', () => {
  test('a train starts the training of whichever kind holds the id and says it runs', async () => {
    await start();
    await group('/largepersongroups/big');
    const outcome = await train('big');
    expect(outcome).toMatchObject({
      kind: 'status',
      state: 'running',
      group: { personGroupId: 'big', kind: 'largePersonGroup' },
    });
  });

  test('the watch backs off 1 s, 2 s, 4 s, then keeps the cap, and ends with the training succeeded at its time', async () => {
    await start();
    await group('/persongroups/team');
    const startedAt = clock.now();
    await train('team');
    const seen = await watchAll('team');
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    expect(seen.map((o) => (o.kind === 'status' ? o.state : o.kind))).toEqual([
      'running',
      'running',
      'running',
      'succeeded',
    ]);
    expect(seen.at(-1)).toMatchObject({ at: new Date(startedAt + 10_000) });
  });

  test('the watch stops after its bounded wait while the training still runs, saying so', async () => {
    await start({ trainingMs: 600_000 });
    await group('/persongroups/slow');
    await train('slow');
    const seen = await watchAll('slow');
    expect(waits.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(seen.at(-1)).toMatchObject({ kind: 'status', state: 'running', waitEnded: true });
    expect(seen.filter((o) => o.kind === 'status' && o.waitEnded)).toHaveLength(1);
  });

  test('training while a training runs shows it running, not an error', async () => {
    await start();
    await group('/persongroups/busy');
    await train('busy');
    const again = await train('busy');
    expect(again).toMatchObject({ kind: 'status', state: 'running', alreadyRunning: true });
  });

  test.each(['fail', 'reject'] as const)(
    'a group without persons gets one "add persons and faces first" message (emulator mode %s)',
    async (emptyGroupTraining) => {
      await start({ emptyGroupTraining });
      await group('/persongroups/empty', 0);
      const first = await train('empty');
      const last = emptyGroupTraining === 'reject' ? first : (await watchAll('empty')).at(-1);
      expect(last).toMatchObject({
        kind: 'status',
        state: 'failed',
        failure: {
          kind: 'nothing_to_train',
          remedy: 'Add persons and faces first, then train the group again.',
        },
      });
    },
  );

  test('an id no kind holds is "does not exist" with a next step', async () => {
    await start();
    const outcome = await train('nobody');
    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'not_found' } });
    if (outcome.kind === 'failed') expect(outcome.failure.remedy).toMatch(/persongroup list/);
  });

  test('an id both kinds hold asks which, and starts nothing', async () => {
    await start();
    await group('/persongroups/twin');
    await group('/largepersongroups/twin');
    expect(await train('twin')).toEqual({ kind: 'ambiguous', personGroupId: 'twin' });
    expect(h.emulator.requests.some((r) => r.method === 'POST' && r.path.endsWith('/train'))).toBe(false);
  });

  test('a 429 on train is mapped with when to try again', async () => {
    await start();
    await group('/persongroups/busy');
    h.emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 60 }, 5);
    const outcome = await h.provisioning.trainGroup({
      workspaceId: WS,
      actor: USER,
      platform: 'teams',
      personGroupId: 'busy',
      kind: 'personGroup',
    });
    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'rate_limited' } });
  });

  test('the audit has who started a training and, once, how it ended', async () => {
    await start();
    await group('/persongroups/team');
    await train('team');
    await watchAll('team');
    await h.provisioning.readTraining({ workspaceId: WS, personGroupId: 'team' });
    const events = await trainEvents();
    expect(events.map((e) => [e.outcome, e.userId, e.userName, e.platform, e.groupKind])).toEqual([
      ['succeeded', USER.id, USER.name, 'slack', 'personGroup'],
      ['started', USER.id, USER.name, 'slack', 'personGroup'],
    ]);
  });

  test('aborting the signal ends a watch at once', async () => {
    await start({ trainingMs: 600_000 });
    await group('/persongroups/slow');
    await train('slow');
    const stop = new AbortController();
    const seen: TrainingOutcome[] = [];
    const watching = (async () => {
      for await (const outcome of h.provisioning.watchTraining(
        { workspaceId: WS, personGroupId: 'slow' },
        stop.signal,
      )) {
        seen.push(outcome);
        stop.abort(new Error('server stopping'));
      }
    })();
    await expect(watching).rejects.toThrow('server stopping');
    expect(seen).toHaveLength(1);
  });
});
