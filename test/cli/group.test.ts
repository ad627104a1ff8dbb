import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { compiledCli } from '../helpers/compiled-cli';
import { seedGroups, seedPersons } from '../provisioning/group-seed';
import { run } from './run';
import { parseTable } from './table';

const KEY = 'cli-group-key-0123456789abcdef';
let emulator: FaceEmulator;
let dir: string;
let env: NodeJS.ProcessEnv;
let cli = '';

/** The compiled CLI as a child process, as an operator runs it. */
function runBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end();
  });
}

beforeAll(async () => {
  emulator = await startFaceEmulator({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'cli-group-'));
  env = {
    DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
    DATA_DIR: dir,
    SECRET_KEY: randomBytes(32).toString('base64'),
    FACE_ENDPOINT_OVERRIDE: emulator.url,
    FACE_BUDGET_MS: '1000',
  };
  const set = await run(
    ['workspace', 'set', 'slack:T1', '--region', 'westus', '--no-verify'],
    env,
    `${KEY}\n`,
  );
  if (set.code !== 0) throw new Error(set.stderr);
  await seedGroups(emulator, KEY, ['beta', 'twin']);
  await seedGroups(emulator, KEY, ['alpha', 'twin'], 'largePersonGroup');
  await seedPersons(emulator, KEY, 'largePersonGroup', 'twin', 2);
  cli = await compiledCli();
}, 180_000);

afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('persongroup-bot group', () => {
  it('lists both kinds in id order with a kind column and the count', async () => {
    const result = await runBin(['group', 'list', 'slack:T1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [tableText = '', count] = result.stdout.trimEnd().split(/\n(?=\d+ groups?$)/);
    expect(parseTable(tableText).map((r) => `${r.ID} ${r.KIND}`)).toEqual([
      'alpha largePersonGroup',
      'beta personGroup',
      'twin personGroup',
      'twin largePersonGroup',
    ]);
    expect(count).toBe('4 groups');
  });

  it('narrows the list with --prefix', async () => {
    const result = await runBin(['group', 'list', 'slack:T1', '--prefix', 'tw']);
    expect(result.code).toBe(0);
    expect(parseTable(result.stdout.split('\n2 groups')[0] ?? '').map((r) => r.ID)).toEqual(['twin', 'twin']);
  });

  it('shows a group, the person group where both kinds have the id, and the large one with --large', async () => {
    const plain = await runBin(['group', 'show', 'slack:T1', 'twin']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^kind\s+personGroup \(person group\)$/m);
    expect(plain.stdout).toContain('add --large');
    const large = await runBin(['group', 'show', 'slack:T1', 'twin', '--large']);
    expect(large.stdout).toMatch(/^kind\s+largePersonGroup/m);
    expect(large.stdout).toMatch(/^persons\s+2$/m);
    expect(large.stdout).toMatch(/^training\s+never trained$/m);
  });

  it('exits 1 with one line for a missing group or an unconfigured workspace', async () => {
    const missing = await runBin(['group', 'show', 'slack:T1', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('does not exist')]);
    const unconfigured = await runBin(['group', 'list', 'slack:T9']);
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.stderr).toContain('slack:T9 is not configured');
  });

  it.each([
    [['group']],
    [['group', 'list']],
    [['group', 'show', 'slack:T1']],
    [['group', 'show', 'slack:T1', 'Bad-Id']],
    [['group', 'list', 'slack:T1', '--prefix', 'no way']],
    [['group', 'list', 'slack:T1', '--bogus']],
  ])('exits 2 on bad usage: %j', async (args) => {
    const result = await runBin(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(emulator.requests.filter((r) => r.method === 'GET' && r.path.includes('Bad-Id'))).toEqual([]);
  });

  it('exits 1 with the mapped message when the Face API refuses the key', async () => {
    emulator.injectFaults(
      { kind: 'status', status: 401, body: { error: { code: '401', message: 'Access denied.' } } },
      5,
    );
    const result = await runBin(['group', 'list', 'slack:T1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The Face API refused the key');
  });
});
