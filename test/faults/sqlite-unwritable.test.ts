import { type BotHarness, SLACK_ADMIN, startBotHarness } from '../helpers/bot-harness';
import { expectSlackDatabaseAck, expectTeamsDatabaseCard, storeErrorLogs } from '../helpers/outage-checks';
import { ADMIN, createInputs } from '../helpers/teams-activities';
import { cardText } from '../helpers/teams-cards';
import { makeSqliteUnwritable, type UnwritableSqlite } from '../helpers/unwritable-sqlite';

const TENANT = 'tenant-sqlite';
const TEAMS_WS = `teams:${TENANT}`;
const SLACK_TEAM = 'TSQL';
const SLACK_WS = `slack:${SLACK_TEAM}`;
const KEY = 'sqlite-fault-face-key-0123456789abcdef';
const TEAMS_LIMIT_MS = 15_000;

describe('the SQLite file cannot be written', () => {
  let bot: BotHarness;
  let unwritable: UnwritableSqlite | undefined;
  let counter = 0;
  const createViaTeams = (id: string) => bot.teamsInvoke(TENANT, 'personGroupCreate', createInputs(id));
  const submitViaSlack = (
    callbackId: 'persongroup_create' | 'workspace_configure',
    values: Record<string, string>,
  ) => {
    counter += 1;
    return bot.slackSubmit(SLACK_TEAM, callbackId, values, {
      viewId: `VSQL${counter}`,
      responseUrlId: `sql-${counter}`,
      userId: SLACK_ADMIN,
    });
  };
  const groupIds = () => bot.emulator.groups(KEY).map((group) => group.personGroupId);

  beforeAll(async () => {
    bot = await startBotHarness();
    await bot.configure(TEAMS_WS, KEY);
    await bot.configure(SLACK_WS, KEY);
    expect(cardText((await createViaTeams('sql-before')).json)).toContain('Person group created');
  });
  afterAll(async () => {
    unwritable?.restore();
    await bot?.close();
  });

  it('tells the user the database is unavailable, in time, and saves nothing, then recovers', async () => {
    unwritable = makeSqliteUnwritable(bot.sqlitePath as string);
    const started = performance.now();
    expectTeamsDatabaseCard(await createViaTeams('sql-down-teams'));
    expect(performance.now() - started).toBeLessThan(TEAMS_LIMIT_MS);
    const configValues = {
      region: 'westeurope',
      endpoint: '',
      subscriptionKey: 'sqlite-new-key-0123456789-wxyz',
    };
    expectTeamsDatabaseCard(await bot.teamsInvoke(TENANT, 'workspaceConfigure', configValues, ADMIN));
    if (unwritable.mode === 'immutable') {
      // A lock makes every write wait its busy timeout (5 s, blocking): only a failing write answers
      // within Slack's 3 s, so Slack is checked where the file itself refuses writes.
      expectSlackDatabaseAck(await submitViaSlack('persongroup_create', createInputs('sql-down-slack')));
      expectSlackDatabaseAck(await submitViaSlack('workspace_configure', configValues));
    }
    // The database still answers reads, so the process stays ready: /readyz asks "does the store answer".
    expect(await bot.readyz()).toBe(200);
    expect(groupIds()).toEqual(['sql-before']);
    expect(storeErrorLogs(bot.logs).length).toBeGreaterThan(0);

    unwritable.restore();
    unwritable = undefined;
    expect(cardText((await createViaTeams('sql-after-teams')).json)).toContain('Person group created');
    const ack = await submitViaSlack('persongroup_create', createInputs('sql-after-slack'));
    expect(ack.status).toBe(200);
    await bot.slack.waitFor('response_url', (call) => call.path.endsWith(`/sql-${counter}`));

    expect(groupIds()).toEqual(['sql-after-slack', 'sql-after-teams', 'sql-before']);
    for (const workspaceId of [TEAMS_WS, SLACK_WS]) {
      expect(await bot.app.store.getWorkspace(workspaceId)).toMatchObject({
        region: 'westus',
        keyHint: 'cdef',
      });
    }
    const audit = await bot.app.store.listAudit({ limit: 1000 });
    expect(
      audit
        .filter((entry) => entry.action === 'create_person_group')
        .map((entry) => `${entry.personGroupId}:${entry.outcome}`)
        .sort(),
    ).toEqual(['sql-after-slack:created', 'sql-after-teams:created', 'sql-before:created']);
    expect(
      audit.filter((e) => e.action === 'configure_workspace' && e.outcome !== 'configured_unverified'),
    ).toEqual([]);
  }, 40_000);
});
