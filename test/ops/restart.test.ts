import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { killAllBots, runCliCommand, startBot } from '../helpers/bot-process';
import { compiledCli } from '../helpers/compiled-cli';
import { ADMIN, createInputs, executeInvoke, TENANT_ID, USER } from '../helpers/teams-activities';
import { invokeAnswerText, postActivity } from './bot-requests';

const WORKSPACE = `teams:${TENANT_ID}`;
const FACE_KEY = `restart-key-${randomBytes(8).toString('hex')}-last`;
const SERVICE_URL = 'http://127.0.0.1:9/';

/**
 * Settings and audit outlive the process: local mode on one SQLite file with the generated secret key,
 * stopped with SIGTERM and started again on the same data folder.
 */
describe('serve restarted on the same SQLite file', () => {
  const home = mkdtempSync(join(tmpdir(), 'ops-restart-'));
  let emulator: FaceEmulator;
  let env: Record<string, string>;

  beforeAll(async () => {
    await compiledCli();
    emulator = await startFaceEmulator({ port: 0 });
    // No SECRET_KEY: the generated one in the data folder must survive the restart too.
    env = {
      DATA_DIR: join(home, 'data'),
      FACE_ENDPOINT_OVERRIDE: emulator.url,
      BOT_ADMINS: ADMIN.aadObjectId,
    };
  }, 180_000);

  afterAll(async () => {
    await killAllBots();
    await emulator?.close();
    rmSync(home, { recursive: true, force: true });
  });

  const create = (url: string, personGroupId: string) =>
    postActivity(
      url,
      executeInvoke('personGroupCreate', createInputs(personGroupId), {
        serviceUrl: SERVICE_URL,
        from: USER,
      }),
    );
  const keyIdsFor = (personGroupId: string) =>
    emulator.requests
      .filter(
        (request) => request.method === 'PUT' && request.path === `/face/v1.0/persongroups/${personGroupId}`,
      )
      .map((request) => request.keyId);

  it('keeps the workspace key and the audit, and creates with the stored key after the restart', async () => {
    const first = await startBot(env, { cwd: home });
    const configured = await postActivity(
      first.url,
      executeInvoke(
        'workspaceConfigure',
        { region: 'westus', endpoint: '', subscriptionKey: FACE_KEY },
        { serviceUrl: SERVICE_URL, from: ADMIN },
      ),
    );
    expect(invokeAnswerText(configured)).toContain('Face API configured');
    expect(invokeAnswerText(await create(first.url, 'before-restart'))).toContain('Person group created');
    expect(keyIdsFor('before-restart')).toEqual([emulator.keyId(FACE_KEY)]);

    expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    const second = await startBot(env, { cwd: home });
    const show = await runCliCommand(['workspace', 'show', WORKSPACE], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('West US');
    expect(show.stdout).toContain('••••last');
    expect(show.stdout).not.toContain(FACE_KEY);

    const audit = await runCliCommand(['audit', '--workspace', WORKSPACE], env);
    expect(audit.code).toBe(0);
    const auditRows = audit.stdout.split('\n');
    expect(
      auditRows.some((row) => row.includes('configure_workspace') && row.includes(ADMIN.aadObjectId)),
    ).toBe(true);
    expect(
      auditRows.some((row) => row.includes('create_person_group') && row.includes('before-restart')),
    ).toBe(true);

    expect(invokeAnswerText(await create(second.url, 'after-restart'))).toContain('Person group created');
    expect(keyIdsFor('after-restart')).toEqual([emulator.keyId(FACE_KEY)]);

    // A late double submit of the create made before the restart gets the kept creation, no new call.
    const replayed = invokeAnswerText(await create(second.url, 'before-restart'));
    expect(replayed).toContain('created the person group before-restart');
    expect(keyIdsFor('before-restart')).toHaveLength(1);

    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    for (const output of [first.stdout(), second.stdout(), show.stdout, audit.stdout]) {
      expect(output).not.toContain(FACE_KEY);
    }
  });
});
