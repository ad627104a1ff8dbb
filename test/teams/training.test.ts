import type { FaceEmulatorOptions } from '../../src/emulator';
import { localEmulatorKey } from '../../src/provisioning';
import type { TrainingPollSettings } from '../../src/provisioning/training';
import { faceCall } from '../emulator/face-call';
import type { ConnectorCall } from '../helpers/fake-connector';
import { executeInvoke, submitMessage, TENANT_ID, textMessage } from '../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

const KEY = localEmulatorKey(`teams:${TENANT_ID}`);
const FAST_POLL: TrainingPollSettings = { firstDelayMs: 10, maxDelayMs: 40, maxWaitMs: 20_000 };

let h: TeamsHarness;
async function start(emulator: FaceEmulatorOptions = {}, trainingPoll = FAST_POLL) {
  h = await startTeamsHarness({ emulator: { trainingMs: 150, ...emulator }, config: { trainingPoll } });
}
afterEach(() => h.close());

async function group(path: string, persons = 1) {
  await faceCall(h.emulator, 'PUT', path, { key: KEY, body: { name: 'Team' } });
  for (let i = 0; i < persons; i += 1)
    await faceCall(h.emulator, 'POST', `${path}/persons`, { key: KEY, body: { name: `P${i}` } });
}

/** The Adaptive Card an activity of the connector carries. */
// biome-ignore lint/suspicious/noExplicitAny: tests read the card JSON freely.
const cardOf = (call: ConnectorCall): any =>
  (call.activity.attachments as { content: unknown }[] | undefined)?.[0]?.content;
const says = (text: string) => (call: ConnectorCall) => JSON.stringify(cardOf(call) ?? {}).includes(text);
const serviceUrl = () => h.connector.serviceUrl;

describe('training from Teams', () => {
  test('a typed train posts the running card, then updates that message until the training succeeded', async () => {
    await start();
    await group('/persongroups/team');
    const res = await h.post(textMessage('persongroup train team', { serviceUrl: serviceUrl() }));
    expect(res.status).toBe(200);
    const posted = await h.connector.waitFor((c) => c.method === 'POST' && says('Training team')(c));
    const running = cardOf(posted);
    expect(running.refresh.action).toMatchObject({
      type: 'Action.Execute',
      verb: 'personGroupTrainingStatus',
      data: { personGroupId: 'team', kind: 'personGroup' },
    });
    expect(running.refresh.userIds).toBeUndefined();
    const done = await h.connector.waitFor((c) => c.method === 'PUT' && says('Training succeeded')(c));
    expect(done.activityId).toMatch(/^activity-/);
    expect(cardOf(done).refresh).toBeUndefined();
  });

  test('the Train action answers running and updates the pressed card in place', async () => {
    await start();
    await group('/largepersongroups/big');
    const invoke = executeInvoke(
      'personGroupTrain',
      { personGroupId: 'big', kind: 'largePersonGroup' },
      { serviceUrl: serviceUrl(), conversation: 'channel' },
    );
    const res = await h.post(invoke);
    const body = res.json as { statusCode: number; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(JSON.stringify(body.value)).toContain('is being trained');
    const done = await h.connector.waitFor((c) => c.method === 'PUT' && says('Training succeeded')(c));
    expect(done.activityId).toBe('card-activity-1');
  });

  test('an Action.Submit of Train replaces the submitted card and follows the training there', async () => {
    await start();
    await group('/persongroups/team');
    await h.post(
      submitMessage(
        'personGroupTrain',
        { personGroupId: 'team', kind: 'personGroup' },
        { serviceUrl: serviceUrl() },
      ),
    );
    const first = await h.connector.waitFor((c) => c.method === 'PUT' && says('is being trained')(c));
    expect(first.activityId).toBe('card-activity-1');
    // Forms answering an Action.Submit keep submitting that way.
    expect(JSON.stringify(cardOf(first).actions)).toContain('Action.Submit');
    await h.connector.waitFor((c) => c.method === 'PUT' && says('Training succeeded')(c));
  });

  test('after the bounded wait the card says so and offers Check again', async () => {
    await start({ trainingMs: 600_000 }, { firstDelayMs: 10, maxDelayMs: 20, maxWaitMs: 60 });
    await group('/persongroups/slow');
    await h.post(textMessage('persongroup train slow', { serviceUrl: serviceUrl() }));
    const last = await h.connector.waitFor((c) => c.method === 'PUT' && says('stopped updating')(c));
    expect(cardOf(last).actions).toEqual([
      expect.objectContaining({ title: 'Check again', verb: 'personGroupTrainingStatus' }),
    ]);
  });

  test('a training already running shows running, and a group both kinds hold asks which', async () => {
    await start({ trainingMs: 600_000 }, { firstDelayMs: 10, maxDelayMs: 20, maxWaitMs: 40 });
    await group('/persongroups/busy');
    await faceCall(h.emulator, 'POST', '/persongroups/busy/train', { key: KEY });
    const res = await h.post(
      executeInvoke('personGroupTrain', { personGroupId: 'busy' }, { serviceUrl: serviceUrl() }),
    );
    expect(JSON.stringify(res.json)).toContain('was already running');
    await group('/persongroups/twin');
    await group('/largepersongroups/twin');
    const twin = await h.post(
      executeInvoke('personGroupTrain', { personGroupId: 'twin' }, { serviceUrl: serviceUrl() }),
    );
    const card = (twin.json as { value: { actions: { data: unknown }[] } }).value;
    expect(card.actions.map((a) => a.data)).toEqual([
      { verb: 'personGroupTrain', personGroupId: 'twin', kind: 'personGroup' },
      { verb: 'personGroupTrain', personGroupId: 'twin', kind: 'largePersonGroup' },
    ]);
  });

  test.each(['reject', 'fail'] as const)(
    'a group without persons (emulator %s) ends in the one "add persons and faces first" card',
    async (emptyGroupTraining) => {
      await start({ emptyGroupTraining });
      await group('/persongroups/empty', 0);
      await h.post(textMessage('persongroup train empty', { serviceUrl: serviceUrl() }));
      const card = await h.connector.waitFor(says('Add persons and faces first'));
      expect(JSON.stringify(cardOf(card))).toContain('nothing to train on');
    },
  );

  test('Check again on a stale card shows the current status of a training nobody followed', async () => {
    await start({ trainingMs: 1 });
    await group('/persongroups/team');
    await faceCall(h.emulator, 'POST', '/persongroups/team/train', { key: KEY });
    const res = await h.post(
      executeInvoke(
        'personGroupTrainingStatus',
        { personGroupId: 'team', kind: 'personGroup' },
        { serviceUrl: serviceUrl() },
      ),
    );
    expect(JSON.stringify(res.json)).toContain('Training succeeded');
  });

  test('an unknown id is "does not exist" with a next step, a missing id the usage', async () => {
    await start();
    await h.post(textMessage('persongroup train nobody', { serviceUrl: serviceUrl() }));
    await h.connector.waitFor(says('/persongroup list'));
    await h.post(textMessage('persongroup train', { serviceUrl: serviceUrl() }));
    await h.connector.waitFor(says('/persongroup train <id>'));
  });

  test('stopping the server aborts a card that follows a training', async () => {
    await start({ trainingMs: 600_000 }, { firstDelayMs: 10, maxDelayMs: 20, maxWaitMs: 600_000 });
    await group('/persongroups/slow');
    await h.post(textMessage('persongroup train slow', { serviceUrl: serviceUrl() }));
    await h.connector.waitFor(says('Training slow'));
    // Without the abort, close() would wait for the drain's bound (the Face budget + 5 s), past the timeout.
    await h.close();
    h = await startTeamsHarness();
  }, 6_000);
});
