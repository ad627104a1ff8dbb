import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');
// Inside the repository's node_modules, so the compiled files resolve the installed packages.
const outDir = join(root, 'node_modules', '.cache', `cli-bin-test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'cli-bin-'));
const secretKey = randomBytes(32).toString('base64');

function runBin(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(outDir, 'cli.js'), ...args], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${join(dataDir, 'bot.db')}`,
        DATA_DIR: dataDir,
        SECRET_KEY: secretKey,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
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
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  // tsc may report errors in files other people are still writing; it emits regardless.
  await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      cwd: root,
    },
  ).catch((error: unknown) => error);
}, 180_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled persongroup-bot bin', () => {
  it('is a node script that reads the key from stdin, masks it and exits with the contract codes', async () => {
    expect(existsSync(join(outDir, 'cli.js'))).toBe(true);
    expect(readFileSync(join(outDir, 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);

    const key = 'bin-test-key-0123456789-wxyz';
    const set = await runBin(
      ['workspace', 'set', 'slack:TBIN', '--region', 'westus', '--no-verify'],
      `${key}\n`,
    );
    const show = await runBin(['workspace', 'show', 'slack:TBIN'], '');
    const bad = await runBin(['workspace', 'bogus'], '');

    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('••••wxyz');
    expect(`${set.stdout}${show.stdout}`).not.toContain(key);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
