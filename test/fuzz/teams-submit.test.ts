import fc from 'fast-check';
import { validatePersonGroupFields } from '../../src/face/rules';
import { executeInvoke, submitMessage } from '../helpers/teams-activities';
import { cardOf } from '../helpers/teams-cards';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';
import { formData, generatedForm } from './arbitraries';
import { invalidFaceCalls } from './face-calls';
import { fuzzRuns, fuzzTimeoutMs } from './fuzz-runs';
import { elementById, expectFieldErrors, invokeAnswerCard } from './teams-answers';

const RUNS = fuzzRuns(150);
const ACTIVITY_LIMIT = 256 * 1024;

describe('the Teams create submit under generated field values', () => {
  let bot: TeamsHarness;
  let checkedFaceCalls = 0;
  beforeAll(async () => {
    bot = await startTeamsHarness({ faceBudgetMs: 3000 });
  });
  afterAll(() => bot.close());

  /** Throws when a Face request since the last check broke a rule. */
  function expectOnlyValidFaceCalls(): void {
    const fresh = bot.emulator.requests.slice(checkedFaceCalls);
    checkedFaceCalls += fresh.length;
    const invalid = invalidFaceCalls(fresh);
    if (invalid.length > 0) throw new Error(`invalid Face calls:\n${invalid.join('\n')}`);
  }

  async function expectAlive(): Promise<void> {
    const health = await fetch(bot.messagesUrl.replace('/api/messages', '/healthz'));
    expect(health.status).toBe(200);
  }

  it(
    'answers every Action.Execute with a card: field errors under each broken field, else the outcome; Face gets only valid data',
    async () => {
      await fc.assert(
        fc.asyncProperty(generatedForm, async (form) => {
          const data = formData(form);
          const activity = executeInvoke('personGroupCreate', data, { serviceUrl: bot.connector.serviceUrl });
          const response = await bot.post(activity);
          if (Buffer.byteLength(JSON.stringify(activity)) > ACTIVITY_LIMIT) {
            expect(response.status).toBe(413);
            return;
          }
          const card = invokeAnswerCard(response);
          const checked = validatePersonGroupFields(data);
          if (!checked.ok) {
            expectFieldErrors(
              card,
              checked.errors.map((error) => error.field),
            );
          } else {
            const text = JSON.stringify(card);
            const created = text.includes('Person group created');
            const taken = elementById(card, 'personGroupId-error') !== undefined;
            if (!created && !taken)
              throw new Error(`a valid form got neither outcome: ${text.slice(0, 400)}`);
          }
          expectOnlyValidFaceCalls();
        }),
        { numRuns: RUNS },
      );
      await expectAlive();
      // The generator must reach the Face API too, or "only valid calls" would hold vacuously.
      expect(bot.emulator.requests.some((request) => request.method === 'PUT')).toBe(true);
    },
    fuzzTimeoutMs(RUNS),
  );

  it(
    'updates the submitted card for every Action.Submit, with field errors under each broken field',
    async () => {
      await fc.assert(
        fc.asyncProperty(generatedForm, async (form) => {
          const data = formData(form);
          const activity = submitMessage('personGroupCreate', data, { serviceUrl: bot.connector.serviceUrl });
          const conversationId = (activity.conversation as { id: string }).id;
          const response = await bot.post(activity);
          if (Buffer.byteLength(JSON.stringify(activity)) > ACTIVITY_LIMIT) {
            expect(response.status).toBe(413);
            return;
          }
          expect(response.status).toBe(200);
          const call = await bot.connector.waitFor((c) => c.conversationId === conversationId, 5000);
          const checked = validatePersonGroupFields(data);
          if (!checked.ok)
            expectFieldErrors(
              cardOf(call),
              checked.errors.map((error) => error.field),
            );
          expectOnlyValidFaceCalls();
        }),
        { numRuns: RUNS },
      );
      await expectAlive();
    },
    fuzzTimeoutMs(RUNS),
  );
});
