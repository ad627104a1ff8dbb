import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAllBots, type RunningBot, startBot } from '../helpers/bot-process';
import { createInputs, executeInvoke } from '../helpers/teams-activities';
import { invokeAnswerText, postActivity } from './bot-requests';

/** `persongroup-bot serve` as a newcomer runs it: a fresh folder, no .env, no credentials, no override. */
describe('serve in local mode with a fresh data folder and no .env', () => {
  const home = mkdtempSync(join(tmpdir(), 'ops-local-'));
  const dataDir = join(home, 'bot-state');
  let bot: RunningBot;

  beforeAll(async () => {
    bot = await startBot({ DATA_DIR: dataDir }, { cwd: home });
  }, 120_000);

  afterAll(async () => {
    await killAllBots();
    rmSync(home, { recursive: true, force: true });
  });

  const messages = () => bot.logs.map((line) => String(line.msg));

  it('prints a banner saying what runs where, how to try it and how to switch to real credentials', () => {
    const banner = messages().join('\n');
    expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toContain(`persongroup-bot listening on ${bot.url}`);
    expect(banner).toContain('listens on loopback only');
    expect(banner).toContain(`SQLite at ${dataDir}/persongroup-bot.db`);
    expect(banner).toContain(`generated secret key (${join(dataDir, 'secret.key')})`);
    expect(banner).toMatch(/built-in Face emulator \(http:\/\/127\.0\.0\.1:\d+\)/);
    expect(banner).toContain('npm run playground');
    expect(banner).toContain(`${bot.url}/api/messages`);
    expect(banner).toMatch(/set MicrosoftAppId\/MicrosoftAppPassword \(Teams\) or SLACK_SIGNING_SECRET/);
    expect(banner).toContain('SECRET_KEY');
    expect(banner).not.toContain(' data/');
  });

  it('starts its built-in emulator without the fault-control route, so nothing can make it misbehave', async () => {
    const emulatorUrl = /built-in Face emulator \((http:\/\/127\.0\.0\.1:\d+)\)/.exec(
      messages().join('\n'),
    )?.[1];
    expect(emulatorUrl).toBeDefined();
    const faults = await fetch(`${emulatorUrl}/_emulator/faults`, {
      method: 'POST',
      body: '{"kind":"reset"}',
    });
    expect(faults.status).toBe(404);
  });

  it('answers /healthz with 200 {"status":"ok"} and /readyz with 200', async () => {
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('generates a 32-byte secret key file that only its owner can read or write', () => {
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('creates a person group end to end through /api/messages with the in-process emulator', async () => {
    const answer = await postActivity(
      bot.url,
      executeInvoke('personGroupCreate', createInputs('newcomer-group'), {
        serviceUrl: 'http://127.0.0.1:9/',
      }),
    );
    const text = invokeAnswerText(answer);
    expect(text).toContain('Person group created');
    expect(text).toContain('newcomer-group');
    expect(text).toContain('built-in Face emulator');
  });

  it('logs JSON lines, one per request under the caller x-request-id, with no secret in them', async () => {
    const answer = await postActivity(
      bot.url,
      executeInvoke('personGroupCreate', createInputs('correlated-group'), {
        serviceUrl: 'http://127.0.0.1:9/',
      }),
      { 'x-request-id': 'ops-correlation-1' },
    );
    expect(answer.requestId).toBe('ops-correlation-1');
    const line = await bot.waitForLog(
      (log) => log.requestId === 'ops-correlation-1' && log.msg === 'request',
    );
    expect(line).toMatchObject({ method: 'POST', path: '/api/messages', status: 200 });
    expect(typeof line.durationMs).toBe('number');

    // A request without an id gets a fresh one, in its answer and in its log line.
    const generated = await fetch(`${bot.url}/nowhere`);
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await bot.waitForLog((log) => log.requestId === id && log.status === 404);

    expect(bot.logs.filter((log) => log.raw === true)).toEqual([]);
    const secret = readFileSync(join(dataDir, 'secret.key'), 'utf8').trim();
    expect(bot.stdout()).not.toContain(secret);
    expect(bot.stderr()).toBe('');
  });
});
