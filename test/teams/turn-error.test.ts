import { createInputs, executeInvoke, textMessage } from '../helpers/teams-activities';
import { cardText } from '../helpers/teams-cards';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

describe('a turn that fails inside the bot (here: the store is gone)', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness();
    await bot.store.close();
  });
  afterAll(() => bot.close());
  beforeEach(() => bot.connector.reset());

  it('answers a message with a short apology that names the request id and no internals', async () => {
    const response = await bot.post(
      textMessage('persongroup create', { serviceUrl: bot.connector.serviceUrl }),
      {
        'x-request-id': 'req-apology-1',
      },
    );
    expect(response.status).toBe(200);
    expect(bot.connector.calls).toHaveLength(1);
    const reply = bot.connector.calls[0]?.activity as { text?: string };
    expect(reply.text).toContain('Sorry, the bot could not finish that');
    expect(reply.text).toContain('req-apology-1');
    expect(reply.text).not.toMatch(/database|sqlite|Error|stack/i);
  });

  // A store failure in a create is an outcome of its own now (src/provisioning/store-guard.ts), not a turn error.
  it('answers an invoke with a card that says the database is unavailable, not with an error status', async () => {
    const response = await bot.post(
      executeInvoke('personGroupCreate', createInputs('doomed'), { serviceUrl: bot.connector.serviceUrl }),
      { 'x-request-id': 'req-apology-2' },
    );
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const text = cardText((response.json as { value: unknown }).value);
    expect(text).toContain('The bot’s database is unavailable');
    expect(text).toContain('Try again in a minute');
    expect(response.text).not.toMatch(/sqlite|StoreNotOpen|stack/i);
  });
});
