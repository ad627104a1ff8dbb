import {
  ADMIN,
  createInputs,
  executeInvoke,
  submitMessage,
  TENANT_ID,
  textMessage,
  USER,
} from '../helpers/teams-activities';
import { cardOf, cardText, inputOf } from '../helpers/teams-cards';
import { type BotResponse, startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

const GOOD_KEY = 'good-face-key-0000000000000000abcd';
const WORKSPACE = `teams:${TENANT_ID}`;

function answeredCard(response: BotResponse): Record<string, unknown> {
  expect(response.status).toBe(200);
  expect(response.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return (response.json as { value: Record<string, unknown> }).value;
}

describe('configuring the workspace from Teams (not local mode)', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({
      localMode: false,
      admins: [ADMIN.aadObjectId],
      emulatorKeys: [GOOD_KEY],
    });
  });
  afterAll(() => bot.close());
  beforeEach(async () => {
    bot.connector.reset();
    bot.emulator.reset();
    await bot.store.removeWorkspace(WORKSPACE);
  });
  const configure = (values: Record<string, string>, from = ADMIN) =>
    bot.post(executeInvoke('workspaceConfigure', values, { serviceUrl: bot.connector.serviceUrl, from }));

  it('checks the key live, saves it and answers without showing the key back', async () => {
    const response = await configure({ region: 'westus', endpoint: '', subscriptionKey: GOOD_KEY });
    const card = answeredCard(response);
    expect(cardText(card)).toContain('Face API configured');
    expect(cardText(card)).toContain('West US');
    expect(response.text).not.toContain(GOOD_KEY);
    expect(response.text).not.toContain(GOOD_KEY.slice(0, -4));
    expect(bot.emulator.requests.map((request) => request.method)).toEqual(['GET']);
    const saved = await bot.store.getWorkspace(WORKSPACE);
    expect(saved).toMatchObject({ region: 'westus', keyHint: 'abcd', updatedBy: ADMIN.aadObjectId });
    expect(saved?.sealedKey).not.toContain(GOOD_KEY);
  });

  it('shows the form again with the error under the key, without the key, when the Face API refuses it', async () => {
    const response = await configure({ region: 'westus', endpoint: '', subscriptionKey: 'wrong-key-123456' });
    const card = answeredCard(response);
    expect(cardText(card)).toContain('The Face API refused the key');
    expect(inputOf(card, 'region')?.value).toBe('westus');
    expect(inputOf(card, 'subscriptionKey')?.value ?? '').toBe('');
    expect(response.text).not.toContain('wrong-key-123456');
    expect(await bot.store.getWorkspace(WORKSPACE)).toBeUndefined();
  });

  it('decides again on submit whether the sender is an admin: a forwarded form does not let others in', async () => {
    const card = answeredCard(
      await configure({ region: 'westus', endpoint: '', subscriptionKey: GOOD_KEY }, USER),
    );
    expect(cardText(card)).toContain('Only admins can configure the Face API');
    expect(bot.emulator.requests).toHaveLength(0);
    expect(await bot.store.getWorkspace(WORKSPACE)).toBeUndefined();
  });

  it('shows field errors for a submit with neither region nor endpoint', async () => {
    const card = answeredCard(await configure({ region: '', endpoint: '', subscriptionKey: GOOD_KEY }));
    expect(inputOf(card, 'subscriptionKey')).toBeDefined();
    expect(JSON.stringify(card)).not.toContain(GOOD_KEY);
    expect(bot.emulator.requests).toHaveLength(0);
  });

  it('handles the Action.Submit of the config form by updating the card', async () => {
    const activity = submitMessage(
      'workspaceConfigure',
      { region: 'westeurope', endpoint: '', subscriptionKey: GOOD_KEY },
      { serviceUrl: bot.connector.serviceUrl, from: ADMIN, replyToId: 'config-card-1' },
    );
    expect((await bot.post(activity)).status).toBe(200);
    const update = bot.connector.calls[0];
    expect(update).toMatchObject({ method: 'PUT', activityId: 'config-card-1' });
    expect(cardText(cardOf(update))).toContain('West Europe');
    expect(JSON.stringify(update?.activity)).not.toContain(GOOD_KEY);
  });

  it('turns "not configured" into a created group once an admin has configured the workspace', async () => {
    const create = () =>
      bot.post(
        executeInvoke('personGroupCreate', createInputs('after-config'), {
          serviceUrl: bot.connector.serviceUrl,
        }),
      );
    expect(cardText(answeredCard(await create()))).toContain('This workspace is not configured yet');
    answeredCard(await configure({ region: 'westus', endpoint: '', subscriptionKey: GOOD_KEY }));
    const text = cardText(answeredCard(await create()));
    expect(text).toContain('Ada Lovelace created the person group after-config');
    expect(text).toContain('West US');
    expect(bot.emulator.groups(GOOD_KEY).map((group) => group.personGroupId)).toEqual(['after-config']);
  });

  it('shows an admin where the workspace points today when the config form opens', async () => {
    answeredCard(await configure({ region: 'westus', endpoint: '', subscriptionKey: GOOD_KEY }));
    await bot.post(textMessage('persongroup config', { serviceUrl: bot.connector.serviceUrl, from: ADMIN }));
    const card = cardOf(bot.connector.calls[0]);
    expect(cardText(card)).toMatch(
      /This workspace currently uses 127\.0\.0\.1:\d+ \(FACE_ENDPOINT_OVERRIDE, standing in for West US\)\./,
    );
    expect(JSON.stringify(card)).not.toContain(GOOD_KEY);
  });
});
