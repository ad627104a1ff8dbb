import type { EmulatorFault } from '../../src/emulator';
import { type BotHarness, startBotHarness } from '../helpers/bot-harness';
import { createInputs } from '../helpers/teams-activities';
import { cardText } from '../helpers/teams-cards';

/**
 * The emulator's fault kinds that test/teams and test/slack do not already play through that platform,
 * each through the whole bot over loopback HTTP. Every one must end in a message a person understands.
 */
interface FaultCase {
  name: string;
  fault: EmulatorFault;
  /** How many Face requests play it (enough to outlast the client's retries within the budget). */
  count: number;
  expected: RegExp;
}

const LATE = 'did not finish in time';
const TEAMS_CASES: FaultCase[] = [
  {
    name: 'a 429 with the wait only in its message',
    fault: { kind: 'rate_limit_message', seconds: 30 },
    count: 20,
    expected: new RegExp(`rate limit|${LATE}`),
  },
  {
    name: 'a 429 that names no wait at all',
    fault: { kind: 'rate_limit_bare' },
    count: 20,
    expected: new RegExp(`rate limit|${LATE}`),
  },
  {
    name: "a proxy's HTML error page",
    fault: { kind: 'html', status: 502 },
    count: 20,
    expected: new RegExp(`The Face API is unavailable|${LATE}`),
  },
  {
    name: 'a connection reset without an answer',
    fault: { kind: 'reset' },
    count: 20,
    expected: new RegExp(`could not be reached|${LATE}`),
  },
  {
    name: 'a 409 ConcurrentOperationConflict (any status)',
    fault: {
      kind: 'status',
      status: 409,
      body: {
        error: {
          code: 'ConcurrentOperationConflict',
          message: 'There is a conflict operation on resource x, please try later.',
        },
      },
    },
    count: 20,
    expected: new RegExp(`Another operation is running|${LATE}`),
  },
];
const SLACK_CASES: FaultCase[] = [
  {
    name: 'a 500 from the service',
    fault: { kind: 'server_error', status: 500 },
    count: 20,
    expected: new RegExp(`The Face API is unavailable|${LATE}`),
  },
  {
    name: "a proxy's HTML error page",
    fault: { kind: 'html', status: 504 },
    count: 20,
    expected: new RegExp(`The Face API is unavailable|${LATE}`),
  },
  {
    name: 'a connection reset without an answer',
    fault: { kind: 'reset' },
    count: 20,
    expected: new RegExp(`could not be reached|${LATE}`),
  },
  {
    name: 'a resource without Limited Access approval',
    fault: { kind: 'limited_access' },
    count: 5,
    expected: /Limited Access approval/,
  },
  {
    name: 'a 429 with "retry after" in its message',
    fault: { kind: 'rate_limit_message', seconds: 30, wording: 'retry_after' },
    count: 20,
    expected: new RegExp(`rate limit|${LATE}`),
  },
  {
    name: 'a 429 that names no wait at all',
    fault: { kind: 'rate_limit_bare' },
    count: 20,
    expected: new RegExp(`rate limit|${LATE}`),
  },
];
/** The PUT takes effect, then the answer fails: the bot must find the group and report it created, once. */
const COMMITTED: EmulatorFault[] = [
  { kind: 'commit_then_fail', answer: 'server_error' },
  { kind: 'commit_then_fail', answer: 'reset' },
];

const TENANT = 'tenant-faults';
const SLACK_TEAM = 'TFAULTS';
const KEY = 'face-faults-key-0123456789abcdef';

describe('Face API faults through the whole bot', () => {
  let bot: BotHarness;
  let counter = 0;
  beforeAll(async () => {
    bot = await startBotHarness({ faceBudgetMs: 2500 });
  });
  afterAll(() => bot?.close());
  beforeEach(() => bot.emulator.reset());

  /**
   * What the Teams user sees: the invoke's card (checked to be a card, never an error status). Each case
   * has a tenant of its own, since a 429 that names a wait holds its workspace back for that long.
   */
  async function teamsCreate(id: string): Promise<string> {
    counter += 1;
    const tenant = `${TENANT}-${counter}`;
    await bot.configure(`teams:${tenant}`, KEY);
    const response = await bot.teamsInvoke(tenant, 'personGroupCreate', createInputs(id));
    expect(response.status).toBe(200);
    expect((response.json as { type?: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    return cardText((response.json as { value: unknown }).value);
  }

  /** What the Slack user sees: the ack within 3 s, then the modal update or channel message it leads to. */
  async function slackCreate(id: string): Promise<string> {
    counter += 1;
    const submission = `fault-${counter}`;
    const team = `${SLACK_TEAM}${counter}`;
    await bot.configure(`slack:${team}`, KEY);
    const ack = await bot.slackSubmit(team, 'persongroup_create', createInputs(id), {
      viewId: `V-${submission}`,
      responseUrlId: submission,
    });
    expect(ack.status).toBe(200);
    expect(ack.elapsedMs).toBeLessThan(3000);
    const acked = JSON.stringify(ack.json ?? {});
    if (ack.json === undefined) {
      // Closed the modal: a created group is announced in the channel.
      const posted = await bot.slack.waitFor('response_url', (call) => call.path.endsWith(`/${submission}`));
      return JSON.stringify(posted.body);
    }
    if (!acked.includes('Creating')) return acked;
    const update = await bot.slack.waitFor('views.update', (call) => call.body.view_id === `V-${submission}`);
    return JSON.stringify(update.body.view);
  }

  it.each(TEAMS_CASES)(
    'Teams: $name gives a clear card, not an error',
    async ({ fault, count, expected }) => {
      bot.emulator.injectFaults(fault, count);
      const text = await teamsCreate(`teams-${fault.kind}`);
      expect(text).toMatch(expected);
      expect(text).not.toMatch(/nginx|<html|InternalServerError|ConcurrentOperationConflict/);
      expect(bot.emulator.groups(KEY)).toEqual([]);
    },
  );

  it.each(SLACK_CASES)(
    'Slack: $name gives a clear message, acked in time',
    async ({ fault, count, expected }) => {
      bot.emulator.injectFaults(fault, count);
      const text = await slackCreate(`slack-${fault.kind}`);
      expect(text).toMatch(expected);
      expect(text).not.toMatch(/nginx|<html|InternalServerError|UnsupportedFeature/);
      expect(bot.emulator.groups(KEY)).toEqual([]);
    },
  );

  it.each(COMMITTED)(
    'Teams and Slack: a PUT that took effect before a $answer is reported created, once',
    async (fault) => {
      bot.emulator.injectFaults(fault, 1);
      expect(
        await teamsCreate(`teams-committed-${fault.kind === 'commit_then_fail' ? fault.answer : ''}`),
      ).toContain('Person group created');
      bot.emulator.injectFaults(fault, 1);
      expect(
        await slackCreate(`slack-committed-${fault.kind === 'commit_then_fail' ? fault.answer : ''}`),
      ).toMatch(/created person group/);
      const puts = bot.emulator.requests.filter((request) => request.method === 'PUT');
      expect(new Set(puts.map((put) => put.path)).size).toBe(2);
      expect(bot.emulator.groups(KEY)).toHaveLength(2);
    },
  );

  it('is still healthy and ready after every fault', async () => {
    const health = await fetch(`${bot.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();
    expect(await bot.readyz()).toBe(200);
  });
});
