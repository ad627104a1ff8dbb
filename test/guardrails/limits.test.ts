import { type BotHarness, startBotHarness } from '../helpers/bot-harness';
import { ADMIN, createInputs, USER } from '../helpers/teams-activities';
import { cardText } from '../helpers/teams-cards';

const KEY = 'guardrails-key-0123456789abcdef';
const THIRD = { id: '29:user-alan', name: 'Alan Turing', aadObjectId: 'aad-alan' };

/**
 * The limits on Face-spending actions through the whole bot over loopback HTTP: 2 a minute per user,
 * 3 per workspace, counted in the store; and Face's own 429 pacing a workspace.
 */
describe('guardrails on Face-spending actions', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({
      config: { faceActionLimits: { perUserPerMinute: 2, perWorkspacePerMinute: 3 } },
    });
  });
  afterAll(() => bot?.close());

  const putsFor = (id: string) =>
    bot.emulator.requests.filter((request) => request.method === 'PUT' && request.path.endsWith(`/${id}`));
  async function teamsCreate(tenant: string, id: string, from = USER): Promise<string> {
    const response = await bot.teamsInvoke(tenant, 'personGroupCreate', createInputs(id), from);
    expect(response.status).toBe(200);
    return cardText((response.json as { value: unknown }).value);
  }

  it("refuses a user's third create within a minute, says when to try again, calls no Face API and audits it", async () => {
    await bot.configure('teams:tenant-limits', KEY);
    expect(await teamsCreate('tenant-limits', 'first-of-two')).toContain('Person group created');
    expect(await teamsCreate('tenant-limits', 'second-of-two')).toContain('Person group created');

    const refused = await teamsCreate('tenant-limits', 'one-too-many');
    expect(refused).toContain('Too many requests from you');
    expect(refused).toContain('You can run 2 actions that call the Face API a minute');
    expect(refused).toMatch(/Try again in \d+ seconds?\./);
    expect(putsFor('one-too-many')).toHaveLength(0);

    const [audit] = await bot.app.store.listAudit({
      workspaceId: 'teams:tenant-limits',
      actions: ['rate_limited'],
    });
    expect(audit).toMatchObject({
      action: 'rate_limited',
      outcome: 'user_limit',
      userId: USER.aadObjectId,
      userName: USER.name,
      platform: 'teams',
      personGroupId: 'one-too-many',
    });
  });

  it("refuses everyone in a workspace once the workspace's limit is reached, and no other workspace", async () => {
    // The workspace has 2 of its 3 from the test above; the refusal there was not counted.
    expect(await teamsCreate('tenant-limits', 'third-in-workspace', ADMIN)).toContain('Person group created');
    const refused = await teamsCreate('tenant-limits', 'fourth-in-workspace', THIRD);
    expect(refused).toContain('Too many requests in this workspace');
    expect(refused).toContain('This workspace can run 3 actions');
    expect(putsFor('fourth-in-workspace')).toHaveLength(0);
    const audits = await bot.app.store.listAudit({
      workspaceId: 'teams:tenant-limits',
      actions: ['rate_limited'],
    });
    expect(audits.map((entry) => entry.outcome)).toEqual(['workspace_limit', 'user_limit']);

    await bot.configure('teams:tenant-elsewhere', KEY);
    expect(await teamsCreate('tenant-elsewhere', 'other-workspace', THIRD)).toContain('Person group created');
  });

  it('answers a Slack user over the limit in the modal, saying when to try again', async () => {
    await bot.configure('slack:TLIMITS', KEY);
    const submit = (n: number) =>
      bot.slackSubmit('TLIMITS', 'persongroup_create', createInputs(`slack-limit-${n}`), {
        viewId: `VLIMIT${n}`,
        responseUrlId: `limit-${n}`,
      });
    await submit(1);
    await submit(2);
    const ack = await submit(3);
    expect(ack.status).toBe(200);
    const text = JSON.stringify(ack.json);
    expect(text).toContain('Too many requests from you');
    expect(text).toMatch(/Try again in \d+ seconds?\./);
    expect(putsFor('slack-limit-3')).toHaveLength(0);
    const [audit] = await bot.app.store.listAudit({
      workspaceId: 'slack:TLIMITS',
      actions: ['rate_limited'],
    });
    expect(audit).toMatchObject({ outcome: 'user_limit', platform: 'slack', personGroupId: 'slack-limit-3' });
  });

  it("answers the workspace's other users at once after a Face 429 with a wait, without calling the Face API", async () => {
    await bot.configure('teams:tenant-paced', KEY);
    await bot.configure('teams:tenant-unpaced', KEY);
    bot.emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 40 }, 20);
    expect(await teamsCreate('tenant-paced', 'meets-the-429')).toMatch(/rate limit|did not finish in time/);
    bot.emulator.reset();

    const held = await teamsCreate('tenant-paced', 'held-back', ADMIN);
    expect(held).toMatch(/The Face API asked to wait (39|40) seconds/);
    expect(held).toMatch(/Try again in (39|40) seconds\./);
    expect(bot.emulator.requests).toHaveLength(0);
    const [audit] = await bot.app.store.listAudit({
      workspaceId: 'teams:tenant-paced',
      actions: ['rate_limited'],
    });
    expect(audit).toMatchObject({ outcome: 'face_asked_to_wait', userId: ADMIN.aadObjectId });

    // Another workspace (another Face resource) is not slowed by this one's 429.
    expect(await teamsCreate('tenant-unpaced', 'not-held-back', ADMIN)).toContain('Person group created');
  });

  it('does not pace a workspace after a 429 that names no wait', async () => {
    await bot.configure('teams:tenant-bare-429', KEY);
    bot.emulator.injectFaults({ kind: 'rate_limit_bare' }, 20);
    expect(await teamsCreate('tenant-bare-429', 'bare-429')).toMatch(/rate limit|did not finish in time/);
    bot.emulator.reset();
    expect(await teamsCreate('tenant-bare-429', 'after-bare-429', ADMIN)).toContain('Person group created');
  });
});
