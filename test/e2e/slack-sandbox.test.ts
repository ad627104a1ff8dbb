import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { FIELD_MESSAGES } from '../../src/face/messages';
import { createLogger } from '../../src/logger';
import { launchLoopbackBrowser } from './loopback-browser';
import { SlackSandboxPage } from './slack-sandbox-page';

/**
 * End to end in the Slack sandbox: the real app in local mode (SQLite in a temp dir, the built-in Face
 * emulator, Slack stood in for by the sandbox) on a random loopback port, and Debian's Chromium using
 * the page at /slack/sandbox as a person would.
 */

const TIMEOUT_MS = 90_000;
const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

let workDir: string;
let app: App;
let browser: BrowserContext | undefined;
let ui: SlackSandboxPage;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'persongroup-slack-sandbox-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: workDir, LOG_LEVEL: 'silent' });
  app = await createApp(config, createLogger({ level: 'silent' }));
  const address = await app.listen();
  const launched = await launchLoopbackBrowser(path.join(workDir, 'chromium-profile'));
  browser = launched.context;
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(30_000);
  ui = new SlackSandboxPage(page);
  await ui.open(`http://127.0.0.1:${address.port}/slack/sandbox`);
}, TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  app?.server.closeAllConnections();
  await app?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, TIMEOUT_MS);

async function createdGroupIds(): Promise<string[]> {
  const entries = await app.store.listAudit();
  return entries.filter((e) => e.outcome === 'created').map((e) => e.personGroupId ?? '');
}

describe('the Slack sandbox in Chromium against the local bot', () => {
  test(
    '/persongroup create opens the modal; an invalid id shows the field error; the fixed one is announced in the channel',
    async () => {
      await ui.type('/persongroup create');
      await ui.modal().getByRole('heading', { name: 'Create person group' }).waitFor();

      await ui.field('Person group id').fill('Bad Id!');
      await ui.field('Name').fill('Front lobby');
      await ui.modal().getByRole('button', { name: 'Create', exact: true }).click();
      await ui.modal().getByText(FIELD_MESSAGES.idRule).waitFor();
      expect(await ui.field('Person group id').inputValue()).toBe('Bad Id!');
      expect(await createdGroupIds()).not.toContain('Bad Id!');

      await ui.field('Person group id').fill('front-lobby');
      await ui.modal().getByRole('button', { name: 'Create', exact: true }).click();
      const announced = ui
        .messages()
        .filter({ hasText: 'Person group created' })
        .filter({ hasText: 'front-lobby' });
      await announced.waitFor();
      await ui.modal().waitFor({ state: 'hidden' });
      expect(await announced.getByText('Only visible to you').count()).toBe(0);
      expect(await createdGroupIds()).toContain('front-lobby');
      await ui.page.screenshot({ path: path.join(ARTIFACTS, 'slack-sandbox-created.png') });
    },
    TIMEOUT_MS,
  );

  test(
    'with a slow Face API the modal shows "Creating…" and is then updated with the result',
    async () => {
      await ui.page.getByRole('button', { name: 'Slow down the next Face API call' }).click();
      await ui.page.getByText('The next Face API call takes 3 s').waitFor();
      await ui.type('create slow-lobby Slow lobby');
      await ui.field('Person group id').waitFor();
      expect(await ui.field('Person group id').inputValue()).toBe('slow-lobby');

      await ui.modal().getByRole('button', { name: 'Create', exact: true }).click();
      await ui.modal().getByText('Creating…').waitFor();
      await ui.modal().getByText('Person group created').waitFor();
      await ui
        .messages()
        .filter({ hasText: 'slow-lobby' })
        .filter({ hasText: 'Person group created' })
        .waitFor();
      expect(await createdGroupIds()).toContain('slow-lobby');
    },
    TIMEOUT_MS,
  );

  test(
    'help is answered with the usage, visible only to you',
    async () => {
      await ui.page.keyboard.press('Escape');
      if (await ui.modal().isVisible())
        await ui.modal().getByRole('button', { name: 'Close' }).first().click();
      await ui.type('help');
      const reply = ui.messages().last();
      await reply.getByText('Only visible to you').waitFor();
      expect(await reply.textContent()).toContain('/persongroup create');
    },
    TIMEOUT_MS,
  );
});
