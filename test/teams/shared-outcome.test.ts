import { createInputs, executeInvoke, submitMessage } from '../helpers/teams-activities';
import { cardOf, cardText, inputOf, submitActionOf } from '../helpers/teams-cards';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

describe('the outcome replaces the submitted card', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness();
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    bot.connector.reset();
    bot.emulator.reset();
  });

  describe('Action.Execute in a channel or group chat', () => {
    it.each(['channel', 'groupChat'] as const)(
      'updates the card for everyone in a %s after a success, so it shows who created what',
      async (conversation) => {
        const activity = executeInvoke(
          'personGroupCreate',
          createInputs(`shared-${conversation.toLowerCase()}`),
          {
            serviceUrl: bot.connector.serviceUrl,
            conversation,
            replyToId: 'form-activity-7',
          },
        );
        const response = await bot.post(activity);
        expect(response.status).toBe(200);
        const [update, ...more] = await bot.connector.waitForCalls(1);
        expect(more).toHaveLength(0);
        expect(update).toMatchObject({
          method: 'PUT',
          activityId: 'form-activity-7',
          conversationId: (activity.conversation as { id: string }).id,
        });
        expect(update?.activity.id).toBe('form-activity-7');
        const shared = cardOf(update);
        expect(cardText(shared)).toContain('Ada Lovelace created the person group');
        expect(shared).toEqual((response.json as { value: unknown }).value);
      },
    );

    it('leaves the channel card alone when the submit fails: the form with errors is for the submitter only', async () => {
      const response = await bot.post(
        executeInvoke('personGroupCreate', createInputs('Bad Id'), {
          serviceUrl: bot.connector.serviceUrl,
          conversation: 'channel',
        }),
      );
      expect(cardText((response.json as { value: unknown }).value)).toContain('Some fields need fixing');
      expect(bot.connector.calls).toHaveLength(0);
    });

    it('answers the invoke at once and then posts the success in the channel when the card cannot be updated', async () => {
      bot.connector.failUpdates(500, 10);
      const started = Date.now();
      const response = await bot.post(
        executeInvoke('personGroupCreate', createInputs('channel-fallback'), {
          serviceUrl: bot.connector.serviceUrl,
          conversation: 'channel',
        }),
      );
      expect(response.json).toMatchObject({ statusCode: 200 });
      expect(Date.now() - started).toBeLessThan(1000);
      const posted = await bot.connector.waitFor((call) => call.method === 'POST');
      const updates = bot.connector.calls.filter((call) => call.method === 'PUT');
      expect(updates.length).toBeGreaterThan(0);
      expect(updates.every((call) => call.status === 500)).toBe(true);
      expect(cardText(cardOf(posted))).toContain('created the person group channel-fallback');
    });
  });

  describe('Action.Submit (older clients): a message with value and replyToId', () => {
    const submit = (data: Record<string, unknown>, conversation: 'personal' | 'channel' = 'personal') =>
      bot.post(
        submitMessage('personGroupCreate', data, {
          serviceUrl: bot.connector.serviceUrl,
          conversation,
          replyToId: 'form-activity-9',
        }),
      );

    it('creates the group and updates the original card with the result', async () => {
      const response = await submit(createInputs('submitted'));
      expect(response.status).toBe(200);
      expect(bot.connector.calls).toHaveLength(1);
      const update = bot.connector.calls[0];
      expect(update).toMatchObject({ method: 'PUT', activityId: 'form-activity-9' });
      expect(cardText(cardOf(update))).toContain('created the person group submitted');
      expect(bot.emulator.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
    });

    it('updates the original card with the form again, still submitting with Action.Submit, on field errors', async () => {
      await submit(createInputs('UPPER', { name: '' }));
      const card = cardOf(bot.connector.calls[0]);
      expect(bot.connector.calls[0]?.method).toBe('PUT');
      expect(inputOf(card, 'personGroupId')?.value).toBe('UPPER');
      expect(submitActionOf(card)).toMatchObject({
        type: 'Action.Submit',
        data: { verb: 'personGroupCreate' },
      });
    });

    it('posts the result as a new message when the connector answers the update with 500', async () => {
      bot.connector.failUpdates(500, 10);
      const response = await submit(createInputs('update-fails'));
      expect(response.status).toBe(200);
      const [update, ...rest] = bot.connector.calls;
      expect(update).toMatchObject({ method: 'PUT', status: 500 });
      const posted = rest.filter((call) => call.method === 'POST');
      expect(posted).toHaveLength(1);
      expect(cardText(cardOf(posted[0]))).toContain('created the person group update-fails');
    });

    it('updates the card in a channel for everyone too', async () => {
      await submit(createInputs('channel-submit'), 'channel');
      expect(bot.connector.calls).toHaveLength(1);
      expect(bot.connector.calls[0]?.method).toBe('PUT');
    });

    it('answers a submit with a verb it does not know by replacing the card with a notice', async () => {
      await bot.post(
        submitMessage('oldVerb', {}, { serviceUrl: bot.connector.serviceUrl, replyToId: 'form-activity-9' }),
      );
      expect(cardText(cardOf(bot.connector.calls[0]))).toContain('This card is out of date');
    });
  });
});
