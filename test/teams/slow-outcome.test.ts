import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { cardOf, cardText, submitActionOf } from '../helpers/teams-cards';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

/**
 * Teams shows "Unable to reach app" when an invoke takes ~15 s: an outcome that is not ready in time is
 * answered "still working" and replaces the card by an update when it arrives. Here the bot waits 300 ms
 * (the product waits 8 s) and the Face API takes 1.5 s.
 */
describe('a Teams card action whose outcome is slower than Teams allows', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({ teamsAnswerWithinMs: 300, faceBudgetMs: 10_000 });
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    bot.connector.reset();
    bot.emulator.reset();
  });

  const invoke = (personGroupId: string, options: Record<string, unknown> = {}) =>
    bot.post(
      executeInvoke('personGroupCreate', createInputs(personGroupId), {
        serviceUrl: bot.connector.serviceUrl,
        replyToId: `form-${personGroupId}`,
        ...options,
      }),
    );

  it('answers at once with a "Creating…" card, then replaces the form with the outcome in a personal chat', async () => {
    bot.emulator.injectFaults({ kind: 'latency', ms: 1500 }, 1);
    const response = await invoke('slow-personal');
    const answered = (response.json as { value: Record<string, unknown> }).value;
    expect(cardText(answered)).toContain('Creating');
    expect(bot.connector.calls).toHaveLength(0);

    const update = await bot.connector.waitFor((call) => call.method === 'PUT', 10_000);
    expect(update.activityId).toBe('form-slow-personal');
    expect(cardText(cardOf(update))).toContain('Person group created');
  });

  it('replaces the card for everyone in a channel with the created group when it arrives', async () => {
    bot.emulator.injectFaults({ kind: 'latency', ms: 1500 }, 1);
    await invoke('slow-channel', { conversation: 'channel' });
    const update = await bot.connector.waitFor((call) => call.method === 'PUT', 10_000);
    expect(update.activityId).toBe('form-slow-channel');
    expect(cardText(cardOf(update))).toContain('created the person group slow-channel');
  });

  it('replaces the card with the failure when the slow answer is a failure', async () => {
    // Every attempt fails, and the retries with their back-off outlast the bot's wait.
    bot.emulator.injectFaults({ kind: 'server_error', status: 503 }, 20);
    await invoke('slow-failure');
    const update = await bot.connector.waitFor((call) => call.method === 'PUT', 15_000);
    const text = cardText(cardOf(update));
    expect(text).not.toContain('Person group created');
    expect(text).toMatch(/unavailable|try again/i);
  });
});

describe('the create form for clients without Universal Actions', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness();
  });
  afterAll(() => bot.close());

  it('carries an Action.Submit fallback with the same verb on its Action.Execute', async () => {
    const response = await bot.post(
      executeInvoke('personGroupCreate', createInputs('Bad Id'), { serviceUrl: bot.connector.serviceUrl }),
    );
    const card = (response.json as { value: Record<string, unknown> }).value;
    const submit = submitActionOf(card) as { type: string; fallback?: Record<string, unknown> };
    expect(submit.type).toBe('Action.Execute');
    expect(submit.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: 'personGroupCreate' } });
  });
});
