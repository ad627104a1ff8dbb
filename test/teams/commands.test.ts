import { ADMIN, type ConversationKind, textMessage, USER } from '../helpers/teams-activities';
import { cardOf, cardText, inputOf, submitActionOf } from '../helpers/teams-cards';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

describe('Teams commands typed in a message', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({ admins: [ADMIN.aadObjectId] });
  });
  afterAll(() => bot.close());
  beforeEach(() => bot.connector.reset());

  /** Sends one message and returns the one card the bot answered with. */
  async function answerTo(text: string, conversation: ConversationKind = 'personal', extra = {}) {
    const activity = textMessage(text, { serviceUrl: bot.connector.serviceUrl, conversation, ...extra });
    const response = await bot.post(activity);
    expect(response.status).toBe(200);
    expect(bot.connector.calls).toHaveLength(1);
    const call = bot.connector.calls[0];
    expect(call?.method).toBe('POST');
    expect(call?.activityId).toBe(activity.id);
    expect(call?.conversationId).toBe((activity.conversation as { id: string }).id);
    bot.connector.reset();
    return cardOf(call);
  }

  const createForms: [string, ConversationKind][] = [
    ['persongroup create', 'personal'],
    ['/persongroup create', 'personal'],
    ['  PersonGroup CREATE  ', 'personal'],
    ['persongroup create', 'groupChat'],
    ['persongroup create', 'channel'],
    ['/persongroup create', 'channel'],
  ];
  it.each(createForms)(
    'answers "%s" in a %s conversation with the create form',
    async (text, conversation) => {
      const card = await answerTo(text, conversation);
      expect(cardText(card)).toContain('Create a person group');
      expect(inputOf(card, 'personGroupId')).toMatchObject({ isRequired: true, regex: '^[a-z0-9_-]{1,64}$' });
      expect(inputOf(card, 'recognitionModel')?.value).toBe('recognition_04');
      expect(submitActionOf(card)).toMatchObject({ type: 'Action.Execute', verb: 'personGroupCreate' });
    },
  );

  it('removes the @mention of the bot in a channel before reading the command', async () => {
    const card = await answerTo('persongroup create front-door', 'channel');
    expect(inputOf(card, 'personGroupId')?.value).toBe('front-door');
  });

  it('reads a command separated from the @mention by a non-breaking space', async () => {
    const activity = textMessage('persongroup create', {
      serviceUrl: bot.connector.serviceUrl,
      conversation: 'channel',
    });
    activity.text = (activity.text as string).replace('</at> ', '</at>&nbsp;');
    expect((await bot.post(activity)).status).toBe(200);
    expect(cardText(cardOf(bot.connector.calls[0]))).toContain('Create a person group');
  });

  it('reads a command after an @mention in a group chat too', async () => {
    const card = await answerTo('persongroup create', 'groupChat', { mention: true });
    expect(cardText(card)).toContain('Create a person group');
  });

  it('prefills the id and the name from "/persongroup create <id> [name…]"', async () => {
    const card = await answerTo('/persongroup create front-door Front door staff');
    expect(inputOf(card, 'personGroupId')?.value).toBe('front-door');
    expect(inputOf(card, 'name')?.value).toBe('Front door staff');
  });

  it('keeps an upper-case prefilled id as typed, so the form can say why it is refused', async () => {
    const card = await answerTo('persongroup create Front-Door');
    expect(inputOf(card, 'personGroupId')?.value).toBe('Front-Door');
  });

  it('says in the form that local mode creates groups in the built-in emulator', async () => {
    const card = await answerTo('persongroup create');
    expect(cardText(card)).toContain('Using the built-in Face emulator');
  });

  it('gives the Bot Framework Emulator a form that submits with Action.Submit', async () => {
    const card = await answerTo('persongroup create', 'personal', { channelId: 'emulator' });
    expect(submitActionOf(card)).toMatchObject({
      type: 'Action.Submit',
      data: { verb: 'personGroupCreate' },
    });
  });

  it.each([
    'persongroup help',
    '/persongroup help',
    'persongroup',
    '/persongroup',
    'persongroup destroy everything',
    'hello',
  ])('answers "%s" with the usage card', async (text) => {
    const card = await answerTo(text);
    expect(cardText(card)).toMatch(/persongroup create/);
    expect(cardText(card)).toMatch(/persongroup config/);
  });

  it('tells a channel in the usage card to mention the bot', async () => {
    const card = await answerTo('persongroup help', 'channel');
    expect(cardText(card)).toContain('@PersonGroup Bot persongroup create');
  });

  it('answers "persongroup config" from an admin listed in BOT_ADMINS with the config form', async () => {
    const card = await answerTo('persongroup config', 'personal', { from: ADMIN });
    expect(inputOf(card, 'subscriptionKey')).toMatchObject({ style: 'password' });
    expect(inputOf(card, 'region')).toBeDefined();
    expect(submitActionOf(card)).toMatchObject({ verb: 'workspaceConfigure' });
  });

  it('answers "persongroup config" from anyone else with a notice saying who can', async () => {
    const card = await answerTo('persongroup config', 'channel', { from: USER });
    expect(inputOf(card, 'subscriptionKey')).toBeUndefined();
    const text = cardText(card);
    expect(text).toContain('BOT_ADMINS');
    expect(text).toContain(`Your object id is ${USER.aadObjectId}`);
  });

  it('does not take a user without an Entra object id for an admin, whatever their channel id', async () => {
    const card = await answerTo('persongroup config', 'personal', {
      from: { id: ADMIN.aadObjectId, name: 'Impostor' },
    });
    expect(inputOf(card, 'subscriptionKey')).toBeUndefined();
  });

  it('answers a command from an activity without a tenant with a clear notice', async () => {
    const card = await answerTo('persongroup create', 'personal', { tenantId: null });
    expect(cardText(card)).toContain('No Microsoft 365 tenant');
    expect(inputOf(card, 'personGroupId')).toBeUndefined();
  });

  it('reads the tenant from channelData when the conversation has none', async () => {
    const activity = textMessage('persongroup create', { serviceUrl: bot.connector.serviceUrl });
    delete (activity.conversation as Record<string, unknown>).tenantId;
    expect((await bot.post(activity)).status).toBe(200);
    expect(cardText(cardOf(bot.connector.calls[0]))).toContain('Create a person group');
  });
});
