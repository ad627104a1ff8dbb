import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAllBots, spawnCli, startBot } from '../helpers/bot-process';
import { compiledCli } from '../helpers/compiled-cli';
import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { postActivity } from './bot-requests';

const home = mkdtempSync(join(tmpdir(), 'ops-startup-'));
const dataDir = join(home, 'data');

// Compiling (once per source state) can take a while on a busy 2-core machine: not inside a test's time.
beforeAll(() => compiledCli(), 180_000);

afterAll(async () => {
  await killAllBots();
  rmSync(home, { recursive: true, force: true });
});

/** Runs `serve` expecting it to refuse to start; resolves with its exit and output. */
async function refusedStart(env: Record<string, string>) {
  const bot = await spawnCli(['serve'], { PORT: '0', DATA_DIR: dataDir, ...env }, { cwd: home });
  bot.child.stdin.end();
  const exit = await bot.exited;
  return { exit, stdout: bot.stdout(), stderr: bot.stderr() };
}

describe('serve with a production setting missing', () => {
  it.each([
    [
      'a Slack credential and no SECRET_KEY',
      { SLACK_SIGNING_SECRET: 'sig', SLACK_BOT_TOKEN: 'xoxb-1' },
      /SECRET_KEY is required/,
    ],
    [
      'a Teams credential and no SECRET_KEY',
      { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'app-password-123' },
      /SECRET_KEY is required/,
    ],
    [
      'a malformed SECRET_KEY',
      { SLACK_SIGNING_SECRET: 'sig', SLACK_BOT_TOKEN: 'xoxb-1', SECRET_KEY: 'too-short' },
      /SECRET_KEY must be 32 random bytes in base64/,
    ],
    [
      'MicrosoftAppId without its password',
      { MicrosoftAppId: 'app-id', SECRET_KEY: randomBytes(32).toString('base64') },
      /MicrosoftAppPassword is missing/,
    ],
  ])('stops with exit code 1 and one clear line on stderr for %s', async (_case, env, reason) => {
    const { exit, stdout, stderr } = await refusedStart(env);
    expect(exit).toEqual({ code: 1, signal: null });
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^persongroup-bot serve: /);
    expect(lines[0]).toMatch(reason);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe('');
    for (const secret of ['app-password-123', 'xoxb-1']) expect(stderr).not.toContain(secret);
  });
});

describe('serve on HOST=0.0.0.0 without MicrosoftAppId', () => {
  it('turns the unauthenticated Teams endpoint off and says why in the log', async () => {
    const bot = await startBot({ HOST: '0.0.0.0', DATA_DIR: dataDir }, { cwd: home });
    const why = await bot.waitForLog((log) => String(log.msg).startsWith('Teams: off'));
    expect(why.msg).toContain('without MicrosoftAppId the endpoint only runs on a loopback HOST');
    expect(bot.logs.map((log) => String(log.msg)).join('\n')).not.toContain('loopback only,');

    const answer = await postActivity(
      bot.url,
      executeInvoke('personGroupCreate', createInputs('exposed-group'), {
        serviceUrl: 'http://127.0.0.1:9/',
      }),
    );
    expect(answer.status).toBe(404);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
