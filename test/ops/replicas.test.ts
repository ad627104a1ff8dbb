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

/** The engine CI starts (trust auth, database `test`); this file's tables live in a schema of its own. */
const POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `ops_replicas_${randomBytes(6).toString('hex')}`;
const WORKSPACE = `teams:${TENANT_ID}`;
const FIRST_KEY = `replica-key-${randomBytes(8).toString('hex')}-one1`;
const SECOND_KEY = `replica-key-${randomBytes(8).toString('hex')}-two2`;
const SERVICE_URL = 'http://127.0.0.1:9/';

/**
 * Two `persongroup-bot serve` processes behind one PostgreSQL database, as two replicas behind a load
 * balancer: production mode (Slack credentials set, so no local shortcuts), the Teams endpoint open on
 * loopback, every Face call going to one test emulator.
 */
describe('two replicas on one PostgreSQL database', () => {
  const home = mkdtempSync(join(tmpdir(), 'ops-replicas-'));
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
      SLACK_SIGNING_SECRET: 'ops-replicas-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-ops-replicas',
      SLACK_API_URL: slack.apiUrl,
      HOST: '127.0.0.1',
      BOT_ADMINS: ADMIN.aadObjectId,
      DATA_DIR: join(home, 'data'),
    };
    // Started together: they also race for the migrations, which one advisory lock serialises.
    [replicaA, replicaB] = await Promise.all([startBot(env, { cwd: home }), startBot(env, { cwd: home })]);
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

  const create = (replica: RunningBot, personGroupId: string, from = USER) =>
    postActivity(
      replica.url,
      executeInvoke('personGroupCreate', createInputs(personGroupId), { serviceUrl: SERVICE_URL, from }),
    );
  const putsFor = (personGroupId: string) =>
    emulator.requests.filter(
      (request) => request.method === 'PUT' && request.path === `/face/v1.0/persongroups/${personGroupId}`,
    );

  it('are in production mode: an unconfigured workspace is not served by any emulator', async () => {
    const text = invokeAnswerText(await create(replicaB, 'before-config'));
    expect(text).toContain('/persongroup config');
    expect(text).not.toContain('Person group created');
    expect(putsFor('before-config')).toHaveLength(0);
  });

  it('use the key an admin set through replica A when replica B creates', async () => {
    const configured = await postActivity(
      replicaA.url,
      executeInvoke(
        'workspaceConfigure',
        { region: 'westus', endpoint: '', subscriptionKey: FIRST_KEY },
        { serviceUrl: SERVICE_URL, from: ADMIN },
      ),
    );
    expect(invokeAnswerText(configured)).toContain('Face API configured');

    const text = invokeAnswerText(await create(replicaB, 'made-on-b'));
    expect(text).toContain('Person group created');
    const [put, ...more] = putsFor('made-on-b');
    expect(more).toHaveLength(0);
    expect(put?.keyId).toBe(emulator.keyId(FIRST_KEY));
  });

  it('use a key the operator set with the CLI on the same DATABASE_URL at once, without a restart', async () => {
    const set = await runCliCommand(
      ['workspace', 'set', WORKSPACE, '--region', 'westeurope'],
      env,
      `${SECOND_KEY}\n`,
    );
    expect(set).toMatchObject({ code: 0, stderr: '' });

    for (const [replica, id] of [
      [replicaA, 'after-cli-on-a'],
      [replicaB, 'after-cli-on-b'],
    ] as const) {
      expect(invokeAnswerText(await create(replica, id))).toContain('Person group created');
      expect(putsFor(id).map((request) => request.keyId)).toEqual([emulator.keyId(SECOND_KEY)]);
    }
    const show = await runCliCommand(['workspace', 'show', WORKSPACE], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('two2');
    expect(show.stdout).not.toContain(SECOND_KEY);
  });

  it('make ONE Face call for the same submission (same card, user and values) sent to both at once, and both answer "created"', async () => {
    // The first call is slow, so the other replica's duplicate surely arrives while it runs.
    emulator.injectFaults({ kind: 'latency', ms: 1000 });
    const [onA, onB] = await Promise.all([
      create(replicaA, 'twin-submit', USER),
      create(replicaB, 'twin-submit', USER),
    ]);

    expect(putsFor('twin-submit')).toHaveLength(1);
    for (const answer of [onA, onB]) {
      const text = invokeAnswerText(answer);
      expect(text).toContain('Person group created');
      expect(text).toContain('twin-submit');
    }
  });

  it('keep settings and audit in the schema their DATABASE_URL names', async () => {
    const client = new Client({ connectionString: POSTGRES });
    await client.connect();
    try {
      const workspaces = await client.query(`SELECT workspace_id FROM ${schema}.workspaces`);
      expect(workspaces.rows).toEqual([{ workspace_id: WORKSPACE }]);
      const audit = await client.query(`SELECT count(*)::int AS n FROM ${schema}.audit`);
      expect(audit.rows[0].n).toBeGreaterThanOrEqual(6);
    } finally {
      await client.end();
    }
  });

  it('never write a Face key to their logs', () => {
    for (const replica of [replicaA, replicaB]) {
      const output = `${replica.stdout()}${replica.stderr()}`;
      for (const key of [FIRST_KEY, SECOND_KEY]) {
        expect(output).not.toContain(key);
        expect(output).not.toContain(Buffer.from(key).toString('base64'));
      }
    }
  });
});
