import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledCli } from '../helpers/compiled-cli';

// The shared build (test/helpers/compiled-cli.ts): compiled once per source state for every test file.
let cli = '';
const dataDir = mkdtempSync(join(tmpdir(), 'cli-bin-'));
const secretKey = randomBytes(32).toString('base64');

function runBin(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], {
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
  cli = await compiledCli();
}, 180_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled persongroup-bot bin', () => {
  it('is a node script that reads the key from stdin, masks it and exits with the contract codes', async () => {
    expect(existsSync(cli)).toBe(true);
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);

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
