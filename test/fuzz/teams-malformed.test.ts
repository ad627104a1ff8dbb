import fc from 'fast-check';
import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { type BotResponse, startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';
import { invalidFaceCalls } from './face-calls';
import { fuzzRuns, fuzzTimeoutMs } from './fuzz-runs';
import { malformedActivity, malformedInvokeValue, malformedJsonBody } from './malformed-activities';
import { expectClearRejection, invokeAnswerCard } from './teams-answers';

const RUNS = fuzzRuns(150);

describe('/api/messages under malformed requests', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({ faceBudgetMs: 3000 });
  });
  afterAll(() => bot.close());

  async function expectAliveAndClean(): Promise<void> {
    const health = await fetch(bot.messagesUrl.replace('/api/messages', '/healthz'));
    expect(health.status).toBe(200);
    expect(invalidFaceCalls(bot.emulator.requests)).toEqual([]);
  }

  it(
    'answers a body that is not a JSON activity with a 400 that says why, and stays up',
    async () => {
      await fc.assert(
        fc.asyncProperty(malformedJsonBody, async (body) => {
          const response = await bot.post(body);
          expectClearRejection(response);
          if (response.status === 200) throw new Error(`accepted ${JSON.stringify(body).slice(0, 200)}`);
        }),
        { numRuns: RUNS },
      );
      await expectAliveAndClean();
    },
    fuzzTimeoutMs(RUNS),
  );

  it(
    'answers an activity with missing or wrongly typed fields with a clear 4xx or a 200, never a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(malformedActivity(bot.connector.serviceUrl), async (activity) => {
          const response = await bot.post(activity);
          expectClearRejection(response);
          // A well-typed invoke that got through must still be answered with a card.
          if (
            response.status === 200 &&
            activity.type === 'invoke' &&
            activity.name === 'adaptiveCard/action'
          ) {
            invokeAnswerCard(response);
          }
        }),
        { numRuns: RUNS },
      );
      await expectAliveAndClean();
    },
    fuzzTimeoutMs(RUNS),
  );

  it(
    'answers an Action.Execute whose value is broken with a card, or a 4xx invoke error that says why',
    async () => {
      await fc.assert(
        fc.asyncProperty(malformedInvokeValue, async (value) => {
          const activity = {
            ...executeInvoke('personGroupCreate', createInputs('fuzzed'), {
              serviceUrl: bot.connector.serviceUrl,
            }),
            value,
          };
          const response: BotResponse = await bot.post(activity);
          if (response.status === 200) invokeAnswerCard(response);
          else expectClearRejection(response);
        }),
        { numRuns: RUNS },
      );
      await expectAliveAndClean();
    },
    fuzzTimeoutMs(RUNS),
  );

  it('answers a body over 1 MB with 413 and stays up', async () => {
    const activity = executeInvoke(
      'personGroupCreate',
      createInputs('huge', { userData: 'u'.repeat(1_100_000) }),
      {
        serviceUrl: bot.connector.serviceUrl,
      },
    );
    const response = await bot.post(activity);
    expect(response.status).toBe(413);
    expectClearRejection(response);
    await expectAliveAndClean();
  });
});
