import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { cardText, inputOf } from '../helpers/teams-cards';
import { type BotResponse, startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

/** The card of an invoke answer, after checking the answer is exactly what Teams needs to replace the form. */
function invokeCard(response: BotResponse): Record<string, unknown> {
  expect(response.status).toBe(200);
  const body = response.json as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['statusCode', 'type', 'value']);
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const card = body.value as Record<string, unknown>;
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  return card;
}

const facePuts = (bot: TeamsHarness) => bot.emulator.requests.filter((request) => request.method === 'PUT');

describe('Action.Execute personGroupCreate in local mode (the built-in emulator)', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({ faceBudgetMs: 1500 });
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    bot.connector.reset();
    bot.emulator.reset();
  });
  const invoke = (data: Record<string, unknown>) =>
    bot.post(executeInvoke('personGroupCreate', data, { serviceUrl: bot.connector.serviceUrl }));

  it('answers in the same HTTP response with exactly {statusCode: 200, type: adaptive card, value: card}', async () => {
    const response = await invoke(createInputs('front-door'));
    const card = invokeCard(response);
    expect(response.json).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: card,
    });
  });

  it('creates the group with the chosen model and answers with who created what, where', async () => {
    const card = invokeCard(
      await invoke(createInputs('lobby', { name: 'Lobby staff', recognitionModel: 'recognition_03' })),
    );
    const text = cardText(card);
    expect(text).toContain('Person group created');
    expect(text).toContain('Ada Lovelace created the person group lobby (Lobby staff).');
    expect(text).toContain('recognition_03');
    expect(text).toContain('built-in Face emulator');
    const puts = facePuts(bot);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe('/face/v1.0/persongroups/lobby');
    expect(JSON.parse(puts[0]?.body ?? '{}')).toMatchObject({
      name: 'Lobby staff',
      recognitionModel: 'recognition_03',
    });
  });

  it('does not post anything to a personal chat besides the invoke answer', async () => {
    invokeCard(await invoke(createInputs('personal-only')));
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('shows the form again with the values kept and the error under the id when the id breaks the rules', async () => {
    const card = invokeCard(
      await invoke(createInputs('Front Door', { name: 'Kept name', userData: 'kept data' })),
    );
    expect(inputOf(card, 'personGroupId')?.value).toBe('Front Door');
    expect(inputOf(card, 'name')?.value).toBe('Kept name');
    expect(inputOf(card, 'userData')?.value).toBe('kept data');
    expect(cardText(card)).toContain('Some fields need fixing');
    expect(JSON.stringify(card)).toMatch(/"id":"personGroupId-error","text":"[^"]+"/);
    expect(facePuts(bot)).toHaveLength(0);
  });

  it('shows the form again with the error under the id when the group already exists', async () => {
    invokeCard(await invoke(createInputs('taken')));
    const card = invokeCard(await invoke(createInputs('taken', { name: 'Second try' })));
    expect(cardText(card)).toContain('A person group with this ID already exists');
    expect(inputOf(card, 'name')?.value).toBe('Second try');
    expect(JSON.stringify(card)).toMatch(
      /"id":"personGroupId-error","text":"A person group with this ID already exists"/,
    );
  });

  it('answers a Face API without Limited Access approval with what to do', async () => {
    bot.emulator.injectFaults({ kind: 'limited_access' }, 5);
    const text = cardText(invokeCard(await invoke(createInputs('limited'))));
    expect(text).toContain('The Face resource needs Limited Access approval');
  });

  it('answers a rate-limited Face API with the form again and a wait, inside the budget', async () => {
    bot.emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 30 }, 20);
    const started = Date.now();
    // A tenant of its own: after this 429 the bot holds that workspace back for the 30 s it names.
    const card = invokeCard(
      await bot.post(
        executeInvoke('personGroupCreate', createInputs('busy'), {
          serviceUrl: bot.connector.serviceUrl,
          tenantId: 'tenant-rate-limited',
        }),
      ),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(cardText(card)).toMatch(/rate limit|did not finish in time/);
    expect(inputOf(card, 'personGroupId')?.value).toBe('busy');
  });

  it('answers a Face API failing with 5xx with the form again and a next step', async () => {
    bot.emulator.injectFaults({ kind: 'server_error', status: 503 }, 20);
    const card = invokeCard(await invoke(createInputs('down')));
    expect(cardText(card)).toMatch(/The Face API is unavailable|did not finish in time/);
    expect(inputOf(card, 'personGroupId')?.value).toBe('down');
  });

  it('answers a Face API that does not answer within the budget before Teams gives up', async () => {
    bot.emulator.injectFaults({ kind: 'latency', ms: 4000 }, 5);
    const started = Date.now();
    const card = invokeCard(await invoke(createInputs('slow')));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(cardText(card)).toMatch(/in time/);
  });

  it('makes one Face call for two identical submits at once and answers both with the success card', async () => {
    bot.emulator.injectFaults({ kind: 'latency', ms: 300 }, 1);
    const [first, second] = await Promise.all([invoke(createInputs('twice')), invoke(createInputs('twice'))]);
    for (const response of [first, second]) {
      expect(cardText(invokeCard(response as BotResponse))).toContain('created the person group twice');
    }
    expect(facePuts(bot)).toHaveLength(1);
  });

  it('answers an invoke with a verb it does not know with a notice card, not an error', async () => {
    const response = await bot.post(
      executeInvoke('somethingElse', {}, { serviceUrl: bot.connector.serviceUrl }),
    );
    expect(cardText(invokeCard(response))).toContain('This card is out of date');
  });

  it('takes the verb from the data when the action carries none (the Agents Playground)', async () => {
    const activity = executeInvoke('personGroupCreate', createInputs('no-verb'), {
      serviceUrl: bot.connector.serviceUrl,
    });
    delete ((activity.value as { action: Record<string, unknown> }).action as Record<string, unknown>).verb;
    expect(cardText(invokeCard(await bot.post(activity)))).toContain('Person group created');
  });

  it('answers an invoke without a tenant with a notice card', async () => {
    const activity = executeInvoke('personGroupCreate', createInputs('nowhere'), {
      serviceUrl: bot.connector.serviceUrl,
      tenantId: null,
    });
    expect(cardText(invokeCard(await bot.post(activity)))).toContain('No Microsoft 365 tenant');
    expect(facePuts(bot)).toHaveLength(0);
  });
});

describe('Action.Execute personGroupCreate with Face failures that need an admin', () => {
  it('answers a key the Face API refuses with the failure card', async () => {
    const bot = await startTeamsHarness({ emulatorKeys: ['the-only-valid-key'] });
    try {
      const response = await bot.post(
        executeInvoke('personGroupCreate', createInputs('refused'), { serviceUrl: bot.connector.serviceUrl }),
      );
      const text = cardText(invokeCard(response));
      expect(text).toContain('The Face API refused the key');
      expect(text).not.toContain('the-only-valid-key');
    } finally {
      await bot.close();
    }
  });

  it('answers a workspace without a key outside local mode with "not configured" and how to fix it', async () => {
    const bot = await startTeamsHarness({ localMode: false });
    try {
      const response = await bot.post(
        executeInvoke('personGroupCreate', createInputs('unconfigured'), {
          serviceUrl: bot.connector.serviceUrl,
        }),
      );
      const text = cardText(invokeCard(response));
      expect(text).toContain('This workspace is not configured yet');
      expect(text).toContain('/persongroup config');
      expect(facePuts(bot)).toHaveLength(0);
    } finally {
      await bot.close();
    }
  });
});
