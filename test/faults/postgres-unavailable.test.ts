import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { type BotHarness, SLACK_ADMIN, startBotHarness } from '../helpers/bot-harness';
import { expectSlackDatabaseAck, expectTeamsDatabaseCard, storeErrorLogs } from '../helpers/outage-checks';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { ADMIN, createInputs } from '../helpers/teams-activities';
import { cardText } from '../helpers/teams-cards';

/** The machine's PostgreSQL (CI starts it): never stopped here; the proxy in front of it is. */
const POSTGRES = { host: '127.0.0.1', port: 5432 };
const schema = `faults_pg_${randomBytes(6).toString('hex')}`;
const adminUrl = `postgres://postgres@${POSTGRES.host}:${POSTGRES.port}/test`;
const TENANT = 'tenant-pg';
const TEAMS_WS = `teams:${TENANT}`;
const SLACK_TEAM = 'TPG';
const SLACK_WS = `slack:${SLACK_TEAM}`;
const KEY = 'pg-fault-face-key-0123456789abcdef';
const NEW_KEY = 'pg-fault-new-key-0123456789abcdef-wxyz';
/** Teams shows "Unable to reach app" after about 15 s. */
const TEAMS_LIMIT_MS = 15_000;

async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL stopped in the middle of a run (a cut TCP proxy in front of it)', () => {
  let proxy: TcpProxy;
  let bot: BotHarness;
  let counter = 0;
  const createViaTeams = (id: string) => bot.teamsInvoke(TENANT, 'personGroupCreate', createInputs(id));
  const createViaSlack = (id: string) => {
    counter += 1;
    return bot.slackSubmit(SLACK_TEAM, 'persongroup_create', createInputs(id), {
      viewId: `VPG${counter}`,
      responseUrlId: `pg-${counter}`,
    });
  };
  const groupIds = () => bot.emulator.groups(KEY).map((group) => group.personGroupId);
  const auditedGroups = async () =>
    (await bot.app.store.listAudit({ limit: 1000 }))
      .filter((entry) => entry.action === 'create_person_group')
      .map((entry) => `${entry.personGroupId}:${entry.outcome}`)
      .sort();

  beforeAll(async () => {
    await withClient((client) => client.query(`CREATE SCHEMA ${schema}`));
    proxy = await startTcpProxy(POSTGRES);
    const searchPath = encodeURIComponent(`-c search_path=${schema}`);
    bot = await startBotHarness({
      databaseUrl: `postgres://postgres@127.0.0.1:${proxy.port}/test?options=${searchPath}`,
    });
    await bot.configure(TEAMS_WS, KEY);
    await bot.configure(SLACK_WS, KEY);
  });
  afterAll(async () => {
    await bot?.close();
    await proxy?.close();
    await withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  });

  it('creates through Teams and Slack while the database is up, and is ready', async () => {
    expect(cardText((await createViaTeams('pg-before-teams')).json)).toContain('Person group created');
    const ack = await createViaSlack('pg-before-slack');
    expect(ack.status).toBe(200);
    await bot.slack.waitFor('response_url', (call) => call.path.endsWith(`/pg-${counter}`));
    expect(await bot.readyz()).toBe(200);
    expect(proxy.openConnections).toBeGreaterThan(0);
  });

  it('tells the user the database is unavailable, in time, and is not ready while it is down', async () => {
    proxy.cut();
    const started = performance.now();
    expectTeamsDatabaseCard(await createViaTeams('pg-down-teams'));
    expect(performance.now() - started).toBeLessThan(TEAMS_LIMIT_MS);
    expectSlackDatabaseAck(await createViaSlack('pg-down-slack'));
    expect(await bot.readyz()).toBe(503);
    // Nothing reached the Face API: the store failed before the call.
    expect(groupIds()).not.toContain('pg-down-teams');
    expect(groupIds()).not.toContain('pg-down-slack');
    expect(storeErrorLogs(bot.logs).length).toBeGreaterThan(0);
  });

  it('refuses a configure it cannot save with the same message, through Teams and Slack', async () => {
    const values = { region: 'westeurope', endpoint: '', subscriptionKey: NEW_KEY };
    expectTeamsDatabaseCard(await bot.teamsInvoke(TENANT, 'workspaceConfigure', values, ADMIN));
    counter += 1;
    const ack = await bot.slackSubmit(SLACK_TEAM, 'workspace_configure', values, {
      viewId: `VPG${counter}`,
      responseUrlId: `pg-${counter}`,
      userId: SLACK_ADMIN,
    });
    expectSlackDatabaseAck(ack);
  });

  it('recovers once the database is back: ready again, creates work, and the outage left nothing half-written', async () => {
    proxy.restore();
    expect(await bot.readyz()).toBe(200);
    expect(cardText((await createViaTeams('pg-after-teams')).json)).toContain('Person group created');
    const ack = await createViaSlack('pg-after-slack');
    expect(ack.status).toBe(200);
    await bot.slack.waitFor('response_url', (call) => call.path.endsWith(`/pg-${counter}`));

    // The configure attempts saved nothing: the old key and region are still the workspace's.
    for (const workspaceId of [TEAMS_WS, SLACK_WS]) {
      expect(await bot.app.store.getWorkspace(workspaceId)).toMatchObject({
        region: 'westus',
        keyHint: 'cdef',
      });
    }
    const audit = await bot.app.store.listAudit({ limit: 1000 });
    expect(
      audit.filter((e) => e.action === 'configure_workspace' && e.outcome !== 'configured_unverified'),
    ).toEqual([]);
    // Exactly the creates that happened are audited: none of the refused ones, each real one once.
    expect(await auditedGroups()).toEqual(
      ['pg-after-slack', 'pg-after-teams', 'pg-before-slack', 'pg-before-teams'].map((id) => `${id}:created`),
    );
    expect(groupIds()).toEqual(['pg-after-slack', 'pg-after-teams', 'pg-before-slack', 'pg-before-teams']);
  });

  it('tells the truth when the database stops during the Face call: created, and the lost audit entry is in the log', async () => {
    bot.emulator.injectFaults({ kind: 'latency', ms: 800 }, 1);
    const pending = createViaTeams('pg-mid-call');
    // The claim is written before the Face call: once it is there, the call is under way.
    await withClient(async (client) => {
      for (;;) {
        const { rows } = await client.query(`SELECT 1 FROM ${schema}.claims WHERE person_group_id = $1`, [
          'pg-mid-call',
        ]);
        if (rows.length > 0) return;
        await sleep(10);
      }
    });
    proxy.cut();
    const response = await pending;
    proxy.restore();
    // The group exists, so the user hears so; claiming a failure would send them into "already exists".
    expect(cardText(response.json)).toContain('Person group created');
    expect(groupIds()).toContain('pg-mid-call');
    expect(await bot.readyz()).toBe(200);
    // No half-written row: the entry is missing from the audit as a whole, and the log holds it.
    expect((await auditedGroups()).filter((entry) => entry.startsWith('pg-mid-call'))).toEqual([]);
    expect(
      bot.logs.some(
        (line) => line.msg === 'could not write an audit entry' && line.personGroupId === 'pg-mid-call',
      ),
    ).toBe(true);
  });
});
