import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { openStore } from '../../src/store/open-store';
import { faceCall } from '../emulator/face-call';
import { run } from './run';

const KEY = 'cli-train-face-key-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'cli-train-'));
let emulator: FaceEmulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startFaceEmulator({ trainingMs: 200 });
  env = {
    DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
    DATA_DIR: dir,
    SECRET_KEY: randomBytes(32).toString('base64'),
    FACE_ENDPOINT_OVERRIDE: emulator.url,
  };
  const set = await run(
    ['workspace', 'set', 'slack:T1', '--region', 'westus', '--no-verify'],
    env,
    `${KEY}\n`,
  );
  if (set.code !== 0) throw new Error(`test setup: ${set.stderr}`);
  for (const path of ['/persongroups/team', '/largepersongroups/team', '/persongroups/empty']) {
    await faceCall(emulator, 'PUT', path, { key: KEY, body: { name: 'Team' } });
  }
  await faceCall(emulator, 'POST', '/largepersongroups/team/persons', { key: KEY, body: { name: 'Ada' } });
});

afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('persongroup-bot group train', () => {
  test('asks for --large where both kinds have the id, and starts nothing', async () => {
    const result = await run(['group', 'train', 'slack:T1', 'team'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/both kinds have the id team: add --large/);
  });

  test('with --large --wait follows the training and prints its final status', async () => {
    const result = await run(['group', 'train', 'slack:T1', 'team', '--large', '--wait'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('running');
    expect(lines.at(-1)).toMatch(/^succeeded at \d{4}-\d\d-\d\dT/);
  });

  test('a group without persons ends failed with what to do, exit 1', async () => {
    const result = await run(['group', 'train', 'slack:T1', 'empty', '--wait'], env);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^failed: Add persons and faces first/);
  });

  test('the audit names the operator on the CLI as the one who trained, and how it ended', async () => {
    const store = openStore(env.DATABASE_URL ?? '');
    await store.init();
    const events = await store.listAudit({ personGroupId: 'team', actions: ['train_person_group'] });
    await store.close();
    expect(events.map((e) => [e.outcome, e.userId, e.platform, e.groupKind])).toEqual([
      ['succeeded', 'cli', 'cli', 'largePersonGroup'],
      ['started', 'cli', 'cli', 'largePersonGroup'],
      ['ambiguous', 'cli', 'cli', undefined],
    ]);
  });

  test('a missing id is bad usage (exit 2)', async () => {
    const result = await run(['group', 'train', 'slack:T1'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: persongroup-bot group train/);
  });
});
