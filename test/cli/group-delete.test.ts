import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { openStore } from '../../src/store/open-store';
import { killAllBots, runCliCommand } from '../helpers/bot-process';
import { compiledCli } from '../helpers/compiled-cli';
import { seedGroup, TRAINING_RUNNING_FAULT } from '../helpers/group-seeds';

const KEY = '0123456789abcdef0123456789abcdef';
const WORKSPACE = 'slack:T1';
let emulator: FaceEmulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startFaceEmulator({ port: 0, keys: [KEY] });
  dir = mkdtempSync(join(tmpdir(), 'cli-group-'));
  env = {
    DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
    DATA_DIR: dir,
    SECRET_KEY: randomBytes(32).toString('base64'),
    FACE_ENDPOINT_OVERRIDE: emulator.url,
    FACE_BUDGET_MS: '2000',
  };
  await compiledCli();
  const set = await runCliCommand(
    ['workspace', 'set', WORKSPACE, '--region', 'westus', '--no-verify'],
    env,
    `${KEY}\n`,
  );
  expect(set.code).toBe(0);
}, 180_000);

afterAll(async () => {
  await killAllBots();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => emulator.reset());

const groupDelete = (...args: string[]) => runCliCommand(['group', 'delete', ...args], env);
const deletes = () => emulator.requests.filter((request) => request.method === 'DELETE').map((r) => r.path);

async function deleteAudit(id: string) {
  const store = openStore(env.DATABASE_URL as string);
  await store.init();
  try {
    return await store.listAudit({
      workspaceId: WORKSPACE,
      personGroupId: id,
      actions: ['delete_person_group'],
    });
  } finally {
    await store.close();
  }
}

describe('persongroup-bot group delete', () => {
  it('deletes the group with the stored key and audits it with platform cli', async () => {
    await seedGroup(emulator, KEY, 'old-lobby');
    const result = await groupDelete(WORKSPACE, 'old-lobby', '--yes');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Deleted the person group old-lobby');
    expect(deletes()).toEqual(['/face/v1.0/persongroups/old-lobby']);
    expect(await deleteAudit('old-lobby')).toMatchObject([
      { platform: 'cli', userId: 'cli', groupKind: 'personGroup', outcome: 'deleted' },
    ]);
  });

  it('deletes nothing without --yes and exits 2 saying so', async () => {
    await seedGroup(emulator, KEY, 'kept');
    const result = await groupDelete(WORKSPACE, 'kept');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nothing deleted: add --yes');
    expect(deletes()).toEqual([]);
    expect(emulator.groups(KEY).map((group) => group.personGroupId)).toContain('kept');
  });

  it('picks the large person group with --large where both kinds have the id', async () => {
    await seedGroup(emulator, KEY, 'twin');
    await seedGroup(emulator, KEY, 'twin', { large: true });
    const result = await groupDelete(WORKSPACE, 'twin', '--large', '--yes');
    expect(result.code).toBe(0);
    expect(deletes()).toEqual(['/face/v1.0/largepersongroups/twin']);
  });

  it('exits 2 with the usage for a missing or invalid id', async () => {
    expect((await groupDelete(WORKSPACE)).code).toBe(2);
    const invalid = await groupDelete(WORKSPACE, 'Not An Id', '--yes');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('is not a group id');
  });

  it('exits 1 with the mapped message for a group that does not exist', async () => {
    const result = await groupDelete(WORKSPACE, 'nobody', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The person group does not exist');
  });

  it('exits 1 saying to wait while a training runs (409), deleting nothing', async () => {
    await seedGroup(emulator, KEY, 'busy');
    emulator.injectFaults({ kind: 'latency', ms: 0 }, 2); // the two lookups pass untouched
    emulator.injectFaults(TRAINING_RUNNING_FAULT, 1);
    const result = await groupDelete(WORKSPACE, 'busy', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The person group is being trained');
    expect((await deleteAudit('busy'))[0]?.outcome).toBe('failed:training_running');
  });
});
