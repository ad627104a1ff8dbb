import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { killAllBots, type RunningBot, runCliCommand, startBot } from '../helpers/bot-process';
import { compiledCli } from '../helpers/compiled-cli';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api';
import { ADMIN, createInputs, executeInvoke, TENANT_ID, USER } from '../helpers/teams-activities';
import { invokeAnswerText, postActivity } from './bot-requests';

const POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `ops_limits_${randomBytes(6).toString('hex')}`;
const WORKSPACE = `teams:${TENANT_ID}`;
const KEY = `limits-key-${randomBytes(8).toString('hex')}`;
const SERVICE_URL = 'http://127.0.0.1:9/';

/**
 * Two `persongroup-bot serve` processes on one PostgreSQL database share the Face-spending limits set
 * in their environment (3 a minute per user) and a workspace's Face pace: a user cannot get twice the
 * limit by landing on both, and a 429 met on one holds the workspace back on the other.
 */
describe('two replicas on one PostgreSQL database share the guardrails', () => {
  const home = mkdtempSync(join(tmpdir(), 'ops-limits-'));
  let emulator: FaceEmulator;
  let slack: FakeSlackApi;
  let env: Record<string, string>;
  let replicaA: RunningBot;
  let replicaB: RunningBot;

  beforeAll(async () => {
    await compiledCli();
    emulator = await startFaceEmulator({ port: 0 });
    slack = await startFakeSlackApi();
    env = {
      DATABASE_URL: `${POSTGRES}?schema=${schema}`,
      SECRET_KEY: randomBytes(32).toString('base64'),
      FACE_ENDPOINT_OVERRIDE: emulator.url,
      FACE_BUDGET_MS: '3000',
      FACE_ACTIONS_PER_USER_PER_MINUTE: '3',
      SLACK_SIGNING_SECRET: 'ops-limits-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-ops-limits',
      SLACK_API_URL: slack.apiUrl,
      HOST: '127.0.0.1',
      BOT_ADMINS: ADMIN.aadObjectId,
      DATA_DIR: join(home, 'data'),
    };
    [replicaA, replicaB] = await Promise.all([startBot(env, { cwd: home }), startBot(env, { cwd: home })]);
    const set = await runCliCommand(
      ['workspace', 'set', WORKSPACE, '--region', 'westus', '--no-verify'],
      env,
      `${KEY}\n`,
    );
    expect(set).toMatchObject({ code: 0 });
  }, 180_000);

  afterAll(async () => {
    await killAllBots();
    await slack?.close();
    await emulator?.close();
    const client = new Client({ connectionString: POSTGRES });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
    rmSync(home, { recursive: true, force: true });
  });

  const create = async (replica: RunningBot, personGroupId: string, from = USER) =>
    invokeAnswerText(
      await postActivity(
        replica.url,
        executeInvoke('personGroupCreate', createInputs(personGroupId), { serviceUrl: SERVICE_URL, from }),
      ),
    );
  const puts = () => emulator.requests.filter((request) => request.method === 'PUT');

  it("count a user's creates on both together, and refuse the one over the limit on either", async () => {
    const answers = await Promise.all([
      create(replicaA, 'shared-1'),
      create(replicaB, 'shared-2'),
      create(replicaA, 'shared-3'),
      create(replicaB, 'shared-4'),
      create(replicaA, 'shared-5'),
    ]);
    expect(answers.filter((text) => text.includes('Person group created'))).toHaveLength(3);
    const refused = answers.filter((text) => text.includes('Too many requests from you'));
    expect(refused).toHaveLength(2);
    for (const text of refused) expect(text).toMatch(/Try again in \d+ seconds?\./);
    expect(puts()).toHaveLength(3);
  });

  it('hold a workspace back on replica B after replica A met a Face 429 with a wait', async () => {
    emulator.reset();
    emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 45 }, 20);
    expect(await create(replicaA, 'meets-429', ADMIN)).toMatch(/rate limit|did not finish in time/);
    emulator.reset();
    expect(await create(replicaB, 'held-on-b', ADMIN)).toMatch(/The Face API asked to wait 4[45] seconds/);
    expect(emulator.requests).toHaveLength(0);
  });

  it('show the refusals to the operator in `persongroup-bot audit`', async () => {
    const audit = await runCliCommand(['audit', '--workspace', WORKSPACE], env);
    expect(audit.code).toBe(0);
    const refusals = audit.stdout.split('\n').filter((line) => line.includes('rate_limited'));
    expect(refusals.filter((line) => line.includes('user_limit'))).toHaveLength(2);
    expect(refusals.filter((line) => line.includes('face_asked_to_wait'))).toHaveLength(1);
  });
});
