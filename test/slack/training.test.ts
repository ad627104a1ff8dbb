import type { FaceEmulatorOptions } from '../../src/emulator';
import type { TrainingPollSettings } from '../../src/provisioning/training';
import { faceCall } from '../emulator/face-call';
import type { RecordedCall } from '../helpers/fake-slack-api';
import { FACE_KEY, FORM, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { blockActionBody, postSigned } from '../helpers/slack-requests';

const FAST_POLL: TrainingPollSettings = { firstDelayMs: 10, maxDelayMs: 40, maxWaitMs: 20_000 };

let h: SlackHarness;
async function start(emulator: FaceEmulatorOptions = {}, trainingPoll = FAST_POLL, faceBudgetMs?: number) {
  h = await startSlackHarness({
    emulator: { trainingMs: 150, ...emulator },
    config: { trainingPoll },
    ...(faceBudgetMs ? { faceBudgetMs } : {}),
  });
  await h.configure('T1');
}
afterEach(() => h.close());

async function group(path: string, persons = 1) {
  await faceCall(h.emulator, 'PUT', path, { key: FACE_KEY, body: { name: 'Team' } });
  for (let i = 0; i < persons; i += 1)
    await faceCall(h.emulator, 'POST', `${path}/persons`, { key: FACE_KEY, body: { name: `P${i}` } });
}

const textOf = (call: RecordedCall) => String(call.body.text ?? '');
const blocksJson = (call: RecordedCall) => JSON.stringify(call.body.blocks ?? []);

describe('/persongroup train in Slack', () => {
  test('posts the running status to the channel and chat.updates that message until the training succeeded', async () => {
    await start();
    await group('/persongroups/team');
    const res = await h.command({ text: 'train team', channelId: 'C9' });
    expect([res.status, res.text]).toEqual([200, '']);
    const posted = await h.slack.waitFor('chat.postMessage', (c) => c.body.channel === 'C9');
    expect(textOf(posted)).toBe('Training team…');
    expect(blocksJson(posted)).toContain('personGroupTrainingStatus');
    const done = await h.slack.waitFor('chat.update', (c) => textOf(c).includes('succeeded'));
    expect(done.body).toMatchObject({ channel: 'C9', ts: '1700000000.000100' });
    expect(blocksJson(done)).toContain('Trained at');
    const events = await h.app.store.listAudit({ workspaceId: 'slack:T1', actions: ['train_person_group'] });
    expect(events.map((e) => e.outcome)).toEqual(['succeeded', 'started']);
  });

  test('stops following after the bounded wait with a Check again button', async () => {
    await start({ trainingMs: 600_000 }, { firstDelayMs: 10, maxDelayMs: 20, maxWaitMs: 60 });
    await group('/persongroups/slow');
    await h.command({ text: 'train slow' });
    const last = await h.slack.waitFor('chat.update', (c) => textOf(c).includes('still running'));
    expect(blocksJson(last)).toContain('"action_id":"personGroupTrainingStatus"');
    expect(blocksJson(last)).toContain('Check again');
  });

  test('a training already running is shown running, not as an error', async () => {
    await start({ trainingMs: 600_000 }, { firstDelayMs: 10, maxDelayMs: 20, maxWaitMs: 40 });
    await group('/persongroups/busy');
    await h.command({ text: 'train busy', channelId: 'C1' });
    await h.slack.waitFor('chat.postMessage', (c) => blocksJson(c).includes('is being trained'));
    await h.command({ text: 'train busy', channelId: 'C2' });
    const second = await h.slack.waitFor('chat.postMessage', (c) => c.body.channel === 'C2');
    expect(blocksJson(second)).toContain('was already running');
  });

  test('a group without persons refused at once gets the one "add persons and faces first" message, to the user', async () => {
    await start({ emptyGroupTraining: 'reject' });
    await group('/persongroups/empty', 0);
    const res = await h.command({ text: 'train empty' });
    const body = JSON.parse(res.text) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('Add persons and faces first');
  });

  test('a group without persons whose training ends failed shows the same message and the service’s words', async () => {
    await start({ emptyGroupTraining: 'fail' });
    await group('/persongroups/empty', 0);
    await h.command({ text: 'train empty' });
    const failed = await h.slack.waitFor('chat.update', (c) => textOf(c).includes('failed'));
    expect(blocksJson(failed)).toContain('Add persons and faces first');
    expect(blocksJson(failed)).toContain('The Face API said');
  });

  test('an unknown id is "does not exist" with a next step; a missing or invalid id is the usage', async () => {
    await start();
    const missing = JSON.parse((await h.command({ text: 'train nobody' })).text) as { blocks: unknown[] };
    expect(JSON.stringify(missing.blocks)).toContain('/persongroup list');
    for (const text of ['train', 'train Not!Valid']) {
      const usage = JSON.parse((await h.command({ text })).text) as { blocks: unknown[] };
      expect(JSON.stringify(usage.blocks)).toContain('/persongroup train &lt;id&gt;');
    }
  });

  test('a 429 on train is mapped with a next step', async () => {
    await start({}, FAST_POLL, 2000);
    await group('/persongroups/team');
    h.emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 60 }, 5);
    const res = JSON.parse((await h.command({ text: 'train team' })).text) as { text: string };
    expect(res.text).toMatch(/try again/i);
  });

  test('Check again on a stale message replaces it with the current status and follows it in place', async () => {
    await start({ trainingMs: 300 });
    await group('/largepersongroups/big');
    // A training started before a restart: nobody follows it any more.
    await faceCall(h.emulator, 'POST', '/largepersongroups/big/train', { key: FACE_KEY });
    const responseUrl = h.slack.responseUrl('check-again');
    const pressed = await postSigned(
      h.eventsUrl,
      blockActionBody({
        actionId: 'personGroupTrainingStatus',
        value: JSON.stringify({ personGroupId: 'big', kind: 'largePersonGroup' }),
        responseUrl,
        messageTs: '1699999999.000200',
      }),
      FORM,
    );
    expect(pressed.status).toBe(200);
    const replaced = await h.slack.waitFor('response_url', (c) => c.path.endsWith('/check-again'));
    expect(replaced.body).toMatchObject({ replace_original: true });
    const updated = await h.slack.waitFor('chat.update', (c) => textOf(c).includes('succeeded'));
    expect(updated.body).toMatchObject({ channel: 'C1', ts: '1699999999.000200' });
  });

  test('stopping the server aborts a poll instead of waiting for the training', async () => {
    await start({ trainingMs: 600_000 }, { firstDelayMs: 10, maxDelayMs: 20, maxWaitMs: 600_000 }, 30_000);
    await group('/persongroups/slow');
    await h.command({ text: 'train slow' });
    await h.slack.waitFor('chat.postMessage');
    // Without the abort, close() would wait for the drain's bound (30 s + 5 s), past this test's timeout.
    await h.app.close();
  }, 10_000);
});
