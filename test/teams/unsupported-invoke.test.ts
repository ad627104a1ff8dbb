import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

interface InvokeError {
  statusCode?: unknown;
  type?: unknown;
  value?: { code?: unknown; message?: unknown };
}

/** Found by fuzzing (test/fuzz): these used to get botbuilder's 501 with an empty body. */
describe('invokes the bot does not implement', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness();
  });
  afterAll(() => bot.close());

  const invoke = (name: unknown) => {
    const activity: Record<string, unknown> = {
      ...executeInvoke('personGroupCreate', createInputs('x'), { serviceUrl: bot.connector.serviceUrl }),
    };
    if (name === undefined) delete activity.name;
    else activity.name = name;
    return bot.post(activity);
  };

  for (const name of ['no/such', 'task/fetch', 'composeExtension/query']) {
    it(`answers an invoke named ${name} with 400 and an invoke error that names it`, async () => {
      const response = await invoke(name);
      expect(response.status).toBe(400);
      const body = response.json as InvokeError;
      expect(body.statusCode).toBe(400);
      expect(body.type).toBe('application/vnd.microsoft.error');
      expect(body.value?.code).toBe('BadRequest');
      expect(body.value?.message).toContain(`"${name}"`);
      expect(body.value?.message).toContain('adaptiveCard/action');
    });
  }

  it('answers an invoke without a name with 400 and says it has none', async () => {
    const response = await invoke(undefined);
    expect(response.status).toBe(400);
    expect((response.json as InvokeError).value?.message).toContain('without a name');
  });

  it('still answers an Action.Execute (adaptiveCard/action) with a card', async () => {
    const response = await invoke('adaptiveCard/action');
    expect(response.status).toBe(200);
    expect((response.json as { type?: unknown }).type).toBe('application/vnd.microsoft.card.adaptive');
  });
});
