import { FORM, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { postSigned } from '../helpers/slack-requests';
import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';
import { MISSING } from './arbitraries';
import { createSubmissionPayload, payloadBody } from './slack-payloads';

/**
 * Minimal reproductions of the bugs the fuzz tests found and steer around. Each is `it.failing`: it
 * states the behaviour we want, fails today, and turns red (as "passed unexpectedly") once the bug is
 * fixed, so whoever fixes it drops `.failing` and widens the generators in slack-payloads.ts and
 * teams-malformed.test.ts. Not reproduced here because it leaves the request unanswered and an
 * unhandled rejection behind: a signed `payload=null` (see the fuzz report).
 */
describe('known bugs found by fuzzing the Slack submission', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ faceBudgetMs: 3000 });
    await h.configure('T1');
  });
  afterAll(() => h.close());

  const form = {
    personGroupId: 'known-bug',
    name: 'Known',
    userData: MISSING,
    recognitionModel: '',
    extra: {},
  };
  const submit = (payload: Record<string, unknown>) => postSigned(h.eventsUrl, payloadBody(payload), FORM);
  const base = () => createSubmissionPayload(form, h.slack.responseUrl('known'));

  for (const part of ['view', 'user'] as const) {
    it.failing(`answers a create submission without \`${part}\` with a 4xx or an ack, not a 500`, async () => {
      const payload = base();
      delete payload[part];
      expect((await submit(payload)).status).toBeLessThan(500);
    });
  }

  it.failing('answers a create submission without view.state with a 4xx or an ack, not a 500', async () => {
    const payload = base();
    delete (payload.view as Record<string, unknown>).state;
    expect((await submit(payload)).status).toBeLessThan(500);
  });

  it.failing('acks a create submission whose response_urls is null, not a 500', async () => {
    const payload = base();
    payload.response_urls = null;
    expect((await submit(payload)).status).toBe(200);
  });

  it.failing('acks a create submission with a null block in view.state.values, not a 500', async () => {
    const payload = base();
    const values = (payload.view as { state: { values: Record<string, unknown> } }).state.values;
    values.personGroupId = null;
    expect((await submit(payload)).status).toBe(200);
  });
});

describe('known bugs found by fuzzing the Teams activities', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness();
  });
  afterAll(() => bot.close());

  it.failing('answers an invoke whose name the bot does not implement with a 4xx, not a 501', async () => {
    const activity = executeInvoke('personGroupCreate', createInputs('x'), {
      serviceUrl: bot.connector.serviceUrl,
    });
    const response = await bot.post({ ...activity, name: 'no/such' });
    expect(response.status).toBeLessThan(500);
  });
});
