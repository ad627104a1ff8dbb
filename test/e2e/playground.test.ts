import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator } from 'playwright-core';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { FIELD_MESSAGES } from '../../src/face/messages';
import { createLogger } from '../../src/logger';
import { launchLoopbackBrowser } from './loopback-browser';
import { cardButton, cardRow, cardTextInput, PlaygroundPage } from './playground-page';
import { type PlaygroundProcess, startPlayground } from './playground-process';

/**
 * End to end in the Microsoft 365 Agents Playground: the real app in local mode (SQLite in a temp dir,
 * the built-in Face emulator) on a random loopback port, the Playground as a child process against it,
 * and Debian's Chromium driving the Playground's web UI offline.
 */

const TIMEOUT_MS = 120_000;
const ARTIFACTS = path.resolve(__dirname, '../../artifacts');

let workDir: string;
let app: App;
let playground: PlaygroundProcess | undefined;
let browser: BrowserContext | undefined;
let ui: PlaygroundPage;
const botLog: string[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'persongroup-playground-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: workDir,
    DATABASE_URL: `sqlite:${path.join(workDir, 'db.sqlite')}`,
    LOG_LEVEL: 'info',
  });
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => botLog.push(line) } });
  app = await createApp(config, logger);
  const address = await app.listen();

  playground = await startPlayground({
    botEndpoint: `http://127.0.0.1:${address.port}/api/messages`,
    workDir,
    logFile: path.join(ARTIFACTS, 'playground-tool.log'),
  });
  const launched = await launchLoopbackBrowser(path.join(workDir, 'chromium-profile'));
  browser = launched.context;
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(30_000);
  ui = new PlaygroundPage(page);
  await ui.open(playground.url);
}, TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  app?.server.closeAllConnections();
  await app?.close();
  // The bot's log lines stay next to the screenshot: they explain a failed run on CI.
  writeFileSync(path.join(ARTIFACTS, 'playground-bot.log'), botLog.join(''));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, TIMEOUT_MS);

/** Fills the create form's required fields (recognition_04 is pre-selected) and presses Create. */
async function submitCreateForm(form: Locator, personGroupId: string, name: string): Promise<void> {
  await cardTextInput(form, 'Person group id').fill(personGroupId);
  await cardTextInput(form, 'Name').fill(name);
  await cardButton(form, 'Create').click();
}

async function createdGroupIds(): Promise<string[]> {
  const entries = await app.store.listAudit();
  return entries.filter((e) => e.outcome === 'created').map((e) => e.personGroupId ?? '');
}

/** "persongroup create <id> <name>" opens the form filled in; Create must then report the group created. */
async function createThroughPrefilledForm(personGroupId: string, name: string): Promise<void> {
  const form = await ui.sendAndAwaitCard(`persongroup create ${personGroupId} ${name}`);
  await cardTextInput(form, 'Person group id').waitFor();
  expect(await cardTextInput(form, 'Person group id').inputValue()).toBe(personGroupId);
  expect(await cardTextInput(form, 'Name').inputValue()).toBe(name);
  await cardButton(form, 'Create').click();
  await form.getByText('Person group created').waitFor();
}

/** The first page of "persongroup list <prefix>", once its heading is shown. */
async function listGroups(prefix: string): Promise<Locator> {
  const list = await ui.sendAndAwaitCard(`persongroup list ${prefix}`);
  await list.getByText(`Person groups starting with "${prefix}"`).waitFor();
  return list;
}

describe('the Agents Playground against the local bot', () => {
  test(
    'in personal chat, "persongroup create" shows the form and Create replaces it with the success card',
    async () => {
      await ui.openPersonalChat();
      const form = await ui.sendAndAwaitCard('persongroup create');
      await cardTextInput(form, 'Person group id').waitFor();
      const cardsBefore = await ui.cards().count();

      await submitCreateForm(form, 'front-door-staff', 'Front door staff');

      await form.getByText('Person group created').waitFor();
      const text = (await form.textContent()) ?? '';
      expect(text).toContain('front-door-staff');
      expect(text).toContain('Front door staff');
      expect(await cardTextInput(form, 'Person group id').count()).toBe(0);
      expect(await ui.cards().count()).toBe(cardsBefore);
      expect(await createdGroupIds()).toContain('front-door-staff');
      await ui.page.screenshot({ path: path.join(ARTIFACTS, 'playground-success.png') });
    },
    TIMEOUT_MS,
  );

  test(
    'an invalid person group id is refused in the form with the id rule shown, and nothing is created',
    async () => {
      await ui.openPersonalChat();
      const form = await ui.sendAndAwaitCard('persongroup create');

      await submitCreateForm(form, 'Bad Id!', 'Bad id');

      // The card's own regex check (or, were it bypassed, the server's field error) states the rule.
      await form.getByText(FIELD_MESSAGES.idRule).first().waitFor();
      expect(await cardTextInput(form, 'Person group id').inputValue()).toBe('Bad Id!');
      expect(await form.getByText('Person group created').count()).toBe(0);
      expect(await createdGroupIds()).not.toContain('Bad Id!');
      expect(await createdGroupIds()).not.toContain('bad-id');
    },
    TIMEOUT_MS,
  );

  test(
    'in a team channel, "@bot persongroup create" shows the form and Create replaces it with the success card',
    async () => {
      await ui.openChannel('General');
      const form = await ui.postMentioningBotAndAwaitCard('persongroup create');
      await cardTextInput(form, 'Person group id').waitFor();
      const cardsBefore = await ui.cards().count();

      await submitCreateForm(form, 'team-entrance', 'Team entrance');

      await form.getByText('Person group created').waitFor();
      expect((await form.textContent()) ?? '').toContain('team-entrance');
      expect(await cardTextInput(form, 'Person group id').count()).toBe(0);
      expect(await ui.cards().count()).toBe(cardsBefore);
      expect(await createdGroupIds()).toContain('team-entrance');
      await ui.page.screenshot({ path: path.join(ARTIFACTS, 'playground-channel-success.png') });
    },
    TIMEOUT_MS,
  );

  test(
    'in a team channel, an invalid id after an @mention is refused with the id rule shown',
    async () => {
      await ui.openChannel('General');
      const form = await ui.postMentioningBotAndAwaitCard('persongroup create');

      await submitCreateForm(form, 'Bad Id!', 'Bad id');

      await form.getByText(FIELD_MESSAGES.idRule).first().waitFor();
      expect(await form.getByText('Person group created').count()).toBe(0);
    },
    TIMEOUT_MS,
  );

  test(
    'in personal chat, "persongroup list" shows the groups and Delete removes one once its id is typed in the confirmation',
    async () => {
      await ui.openPersonalChat();
      // The Playground user creates both, so as their creator (no BOT_ADMINS here) it may delete them.
      await createThroughPrefilledForm('e2e-lobby', 'Lobby visitors');
      await createThroughPrefilledForm('e2e-dock', 'Loading dock');

      const card = await listGroups('e2e-');
      await card.getByText("2 groups in this workspace's Face resource.").waitFor();
      await cardRow(card, 'e2e-lobby').getByText('Lobby visitors', { exact: false }).waitFor();
      await cardRow(card, 'e2e-dock').getByText('Loading dock', { exact: false }).waitFor();
      const cardsBefore = await ui.cards().count();

      await cardButton(cardRow(card, 'e2e-dock'), 'Delete').click();
      await card.getByText('Delete person group e2e-dock?').waitFor();
      await cardTextInput(card, 'Type the id to confirm').fill('e2e-lobby');
      await cardButton(card, 'Delete').click();
      // A mistyped id deletes nothing: the confirmation comes back and says so.
      await card.getByText(/^That is not the id/).waitFor();

      await cardTextInput(card, 'Type the id to confirm').fill('e2e-dock');
      await cardButton(card, 'Delete').click();
      await card.getByText('Person group deleted').waitFor();
      expect((await card.textContent()) ?? '').toContain('deleted the person group e2e-dock');
      expect(await ui.cards().count()).toBe(cardsBefore);
      const deletions = await app.store.listAudit({ actions: ['delete_person_group'] });
      expect(deletions.map((e) => [e.personGroupId, e.outcome])).toEqual(
        expect.arrayContaining([
          ['e2e-dock', 'invalid'],
          ['e2e-dock', 'deleted'],
        ]),
      );

      const after = await listGroups('e2e-');
      await after.getByText("1 group in this workspace's Face resource.").waitFor();
      expect(await cardRow(after, 'e2e-lobby').count()).toBe(1);
      expect(await after.getByText('e2e-dock', { exact: true }).count()).toBe(0);
      await ui.page.screenshot({ path: path.join(ARTIFACTS, 'playground-delete.png') });
    },
    TIMEOUT_MS,
  );
});
