import { textMessage } from '../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

describe('POST /api/messages without Bot Framework credentials (local clients)', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness();
  });
  afterAll(() => bot.close());
  beforeEach(() => bot.connector.reset());

  it('accepts an activity without a token and replies through the serviceUrl without one', async () => {
    const response = await bot.post(
      textMessage('persongroup help', { serviceUrl: bot.connector.serviceUrl }),
    );
    expect(response.status).toBe(200);
    expect(bot.connector.calls).toHaveLength(1);
    expect(bot.connector.calls[0]?.authorization).toBeUndefined();
  });

  it('answers a body that is not JSON with 400, not 500', async () => {
    const response = await bot.post('{"type": "message", ');
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'the body is not valid JSON' });
    expect(bot.connector.calls).toHaveLength(0);
  });

  it.each([
    ['a JSON array', '[]', 'the body is not a JSON object'],
    ['JSON null', 'null', 'the body is not a JSON object'],
    ['an object without a type', '{"text":"hi"}', 'the activity has no type'],
    ['an activity without a serviceUrl', '{"type":"message","text":"hi"}', 'the activity has no serviceUrl'],
  ])('answers %s with 400 and the reason', async (_what, body, reason) => {
    const response = await bot.post(body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: reason });
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await bot.post(
      textMessage('x'.repeat(300 * 1024), { serviceUrl: bot.connector.serviceUrl }),
    );
    expect(response.status).toBe(413);
  });

  it('answers GET with 405', async () => {
    const response = await fetch(bot.messagesUrl);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('POST /api/messages with Bot Framework credentials', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({
      localMode: false,
      teams: {
        appId: '00000000-0000-0000-0000-00000000a11d',
        appPassword: 'not-a-real-secret',
        appType: 'MultiTenant',
        tenantId: undefined,
      },
    });
  });
  afterAll(() => bot.close());

  it('answers an activity without a token with 401 and does not run the bot', async () => {
    const response = await bot.post(
      textMessage('persongroup help', { serviceUrl: bot.connector.serviceUrl }),
    );
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: 'unauthorized' });
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers an activity with a token that is not a JWT with 401', async () => {
    const response = await bot.post(
      textMessage('persongroup help', { serviceUrl: bot.connector.serviceUrl }),
      {
        authorization: 'Bearer not-a-token',
      },
    );
    expect(response.status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers an invoke without a token with 401 rather than 500', async () => {
    const response = await bot.post({
      ...textMessage('', { serviceUrl: bot.connector.serviceUrl }),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'personGroupCreate', data: {} } },
    });
    expect(response.status).toBe(401);
  });
});
