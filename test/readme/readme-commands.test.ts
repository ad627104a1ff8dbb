import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { type BotProcess, killAllBots, type LogLine } from '../helpers/bot-process';
import { ROOT } from '../helpers/compiled-cli';
import { createFreshClone, type FreshClone } from '../helpers/fresh-clone';
import { readZip } from '../manifest/zip-read';
import { fillPlaceholders, readmeCommands } from './readme-commands';
import { runInShell, type ShellResult, startInShell, userEnvironment } from './user-shell';

// Every command README.md shows, run as a child process the way a user types it, in README order, in a
// copy of the repository as a fresh clone has it (no dist/ from another build).
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const COMMANDS = readmeCommands(README);
const SCRIPTS: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;

const APP_ID = randomUUID();
const TENANT_ID = randomUUID();
const HOST = 'bot.example.com';
/** What a user types for each placeholder the README shows. */
const PLACEHOLDERS = { '<app id>': APP_ID, '<tenant id>': TENANT_ID, '<your host>': HOST };
const FACE_KEY = `readme-key-${randomBytes(12).toString('hex')}`;
const SECRET_KEY = randomBytes(32).toString('base64');
const NEXT_SECRET_KEY = randomBytes(32).toString('base64');

/** Commands this file does not run, each with the reason. */
const NOT_RUN: Record<string, string> = {
  'npm ci': 'it installs node_modules; the copy links the installed ones and must not write through the link',
  'npm test': 'this file is part of it',
  'npm run test:fuzz': 'the property tests `npm test` runs, with more cases',
  'npm run bench': 'minutes of load; performance is measured by the bench, never asserted in tests',
  'npm run format': 'it rewrites files; `npm test` runs the same Biome configuration (`npm run lint`)',
  'npx persongroup-bot <command>': 'the pattern of the CLI lines that follow it',
  'npm run docs:sandbox':
    'it rewrites the committed pictures (one shows the time); test/e2e/slack-sandbox.test.ts drives the same page in Chromium',
};

let clone: FreshClone;
let home: string;
let face: FaceEmulator;
let user: Record<string, string>;
/** The CLI's environment: a temporary SQLite, the README's SECRET_KEY, and a Face API that knows FACE_KEY. */
let cli: Record<string, string>;
let built: Promise<void> | undefined;

const run = (command: string, env = user) => runInShell(command, env, clone.dir);
const message = (line: LogLine) => String(line.msg);
const printed = (result: ShellResult) => `${result.stdout}${result.stderr}`;

/** `npm run build`, once for the whole file: the README's "npm run build first" before the CLI lines. */
function ensureBuilt(): Promise<void> {
  built ??= run('npm run build').then((result) => {
    if (result.code !== 0) throw new Error(`npm run build failed: ${printed(result)}`);
  });
  return built;
}

beforeAll(async () => {
  clone = createFreshClone();
  home = mkdtempSync(join(tmpdir(), 'readme-home-'));
  face = await startFaceEmulator({ port: 0, keys: [FACE_KEY] });
  user = userEnvironment(home);
  cli = {
    ...user,
    DATABASE_URL: `sqlite:${join(home, 'bot.db')}`,
    SECRET_KEY,
    FACE_ENDPOINT_OVERRIDE: face.url,
    FACE_KEY,
  };
}, 60_000);

afterAll(async () => {
  await killAllBots();
  await face?.close();
  clone?.remove();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** Waits for the server's banner (its last line names /healthz), checks it, then stops it with SIGTERM. */
async function checkBannerThenStop(server: BotProcess): Promise<void> {
  await server.waitForLog((line) => message(line).startsWith('Health: '), 120_000);
  const banner = server.logs.map(message).join('\n');
  const url = /persongroup-bot listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
  expect(url).toBeDefined();
  expect(banner).toContain('Local mode: no Teams or Slack credentials are set');
  expect(banner).toContain('npm run playground');
  // The banner sends the reader to README sections by their headings: they must exist.
  const headings = [...(/see README\.md (.*)$/m.exec(banner)?.[1] ?? '').matchAll(/"([^"]+)"/g)];
  expect(headings.length).toBeGreaterThan(0);
  for (const [, heading] of headings) expect(README).toMatch(new RegExp(`^#+ ${heading}$`, 'm'));
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  await server.stop('SIGTERM');
  const after = server.logs.map(message);
  expect(after).toContain('SIGTERM received: finishing in-flight requests, then stopping');
  expect(after).toContain('stopped');
}

/** How to run and check each command the README shows (first match wins). */
const CHECKS: { matches: RegExp; check(command: string): Promise<void> }[] = [
  {
    matches: /^npm start$|^npx persongroup-bot serve$/,
    // PORT=0: the README's 3978 may be taken by another bot on this machine.
    check: (command) => checkBannerThenStop(startInShell(command, { ...user, PORT: '0' }, clone.dir)),
  },
  {
    matches: /^npm run build$/,
    async check(command) {
      expect(await run(command)).toMatchObject({ code: 0 });
      // npx runs dist/cli.js itself: without the x bit a rebuilt dist gives "Permission denied"
      expect(statSync(join(clone.dir, 'dist', 'cli.js')).mode & 0o111).toBe(0o111);
    },
  },
  {
    matches: /^npm run playground$/,
    async check(command) {
      await ensureBuilt();
      const bot = startInShell('node dist/cli.js serve', { ...user, PORT: '0' }, clone.dir);
      const listening = await bot.waitForLog((line) => message(line).includes(' listening on '));
      const endpoint = `${/http:\/\/\S+/.exec(message(listening))?.[0]}/api/messages`;
      const playground = startInShell(
        command,
        { ...user, BOT_ENDPOINT: endpoint, PLAYGROUND_PORT: '0', TEAMSAPPTESTER_BROWSER: 'none' },
        clone.dir,
      );
      const ready = await playground.waitForLog((line) => /Listening on \d+/.test(message(line)), 60_000);
      const port = /Listening on (\d+)/.exec(message(ready))?.[1];
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      expect(playground.stdout()).toContain(`playground: Teams client for ${endpoint}`);
      expect(playground.stderr()).not.toContain('nothing answers');
      await Promise.all([playground.stop(), bot.stop()]);
    },
  },
  {
    matches: /^MicrosoftAppId=\S+ BOT_DOMAIN=\S+ npm run package:teams$/,
    async check(command) {
      const result = await run(command);
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toContain(`wrote build/persongroup-bot-teams.zip for bot ${APP_ID}`);
      const zip = readZip(readFileSync(join(clone.dir, 'build', 'persongroup-bot-teams.zip')));
      expect([...zip.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      expect(JSON.parse(String(zip.get('manifest.json')))).toMatchObject({
        id: APP_ID,
        bots: [{ botId: APP_ID }],
        validDomains: [HOST],
      });
    },
  },
  {
    matches: /^npm run package:teams$/,
    async check(command) {
      // Without MicrosoftAppId it writes nothing and says what to set.
      const result = await run(command);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('package:teams: MicrosoftAppId is not set');
    },
  },
  {
    matches: /^npm run docs:cards$/,
    async check() {
      // Chromium is not on every machine that runs the tests, so this runs the script's compile step and
      // loads what it compiled up to the browser: the pictures it renders are the README's.
      const [compile, render] = (SCRIPTS['docs:cards'] ?? '').split(' && ');
      // npm run puts node_modules/.bin on PATH for tsc; npx finds it there the same way
      expect(await run(`npx ${compile}`)).toMatchObject({ code: 0 });
      const script = /^node (\S+\.js)$/.exec(render ?? '')?.[1] ?? '';
      const load = `const { cardPictures } = require('./${script}');
        const { createCardRenderer } = require('./${join(dirname(script), '..', 'src', 'cards')}');
        console.log(cardPictures(createCardRenderer({ dir: 'cards' })).map((p) => 'docs/cards/' + p.file).join(' '));`;
      const pictures = await run(`node -e "${load.replaceAll('"', '\\"')}"`);
      expect(pictures).toMatchObject({ code: 0, stderr: '' });
      const shown = [...README.matchAll(/\]\((docs\/cards\/[^)]+\.png)\)/g)].map((image) => image[1]);
      expect(shown.length).toBeGreaterThan(0);
      expect(pictures.stdout.trim().split(' ')).toEqual(expect.arrayContaining(shown));
    },
  },
  {
    matches: /^printf '%s\\n' "\$FACE_KEY" \| npx persongroup-bot workspace set /,
    async check(command) {
      await ensureBuilt();
      const result = await run(command, cli);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Workspace \S+ set: .*key ••••\S+ \(checked with the Face API\)\.\n$/);
      expect(result.stdout).not.toContain(FACE_KEY);
    },
  },
  {
    matches: /^npx persongroup-bot workspace show /,
    async check(command) {
      const result = await run(command, cli);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(`••••${FACE_KEY.slice(-4)}`);
      expect(result.stdout).not.toContain(FACE_KEY);
    },
  },
  {
    matches: /^npx persongroup-bot group (list|show) \S+/,
    async check(command) {
      // The README's example group, made the way the portal would: straight in the Face API.
      const made = await fetch(`${face.baseUrl}/persongroups/team-a`, {
        method: 'PUT',
        headers: { 'Ocp-Apim-Subscription-Key': FACE_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Team A', recognitionModel: 'recognition_04' }),
      });
      expect([200, 409]).toContain(made.status);
      await ensureBuilt();
      const result = await run(command, cli);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('team-a');
      expect(result.stdout).not.toContain(FACE_KEY);
    },
  },
  {
    matches: /^npx persongroup-bot (workspace list|workspace remove \S+|audit( --\S+ \S+)*)$/,
    async check(command) {
      const result = await run(command, cli);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).not.toContain(FACE_KEY);
    },
  },
  {
    matches: /^npx persongroup-bot group delete \S+ \S+( --large)? --yes$/,
    async check(command) {
      await ensureBuilt();
      const [, workspaceId = '', id = ''] = / group delete (\S+) (\S+)/.exec(command) ?? [];
      // The workspace as the README's `workspace set` leaves it, and the group to delete in its Face resource.
      const set = await run(
        `printf '%s\\n' "$FACE_KEY" | npx persongroup-bot workspace set ${workspaceId} --region westus --no-verify`,
        cli,
      );
      expect(set).toMatchObject({ code: 0 });
      const put = await fetch(
        `${face.baseUrl}/${command.includes('--large') ? 'large' : ''}persongroups/${id}`,
        {
          method: 'PUT',
          headers: { 'Ocp-Apim-Subscription-Key': FACE_KEY, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'README group', recognitionModel: 'recognition_04' }),
        },
      );
      expect(put.status).toBe(200);
      const result = await run(command, cli);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(`Deleted the person group ${id}`);
      expect(face.groups(FACE_KEY).map((group) => group.personGroupId)).not.toContain(id);
    },
  },
  {
    matches: /^npx persongroup-bot group train \S+ \S+ --wait$/,
    async check(command) {
      await ensureBuilt();
      const [, workspaceId, id] = /group train (\S+) (\S+)/.exec(command) ?? [];
      // The workspace and a group with one person to train, whatever the README removed before this line.
      const seeded = await run(
        `printf '%s\\n' '${FACE_KEY}' | npx persongroup-bot workspace set ${workspaceId} --region westus --no-verify`,
        cli,
      );
      expect(seeded).toMatchObject({ code: 0 });
      const headers = { 'content-type': 'application/json', 'ocp-apim-subscription-key': FACE_KEY };
      const group = `${face.baseUrl}/persongroups/${id}`;
      await fetch(group, { method: 'PUT', headers, body: JSON.stringify({ name: 'README' }) });
      await fetch(`${group}/persons`, { method: 'POST', headers, body: JSON.stringify({ name: 'Ada' }) });
      const result = await run(command, cli);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^succeeded at \d{4}-/);
    },
  },
  {
    matches: /^node -e ".*randomBytes\(32\).*"$/,
    async check(command) {
      const result = await run(command);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(Buffer.from(result.stdout.trim(), 'base64')).toHaveLength(32);
      // what it prints is a SECRET_KEY the bot accepts
      await ensureBuilt();
      const accepted = await run('npx persongroup-bot workspace list', {
        ...cli,
        SECRET_KEY: result.stdout.trim(),
        DATABASE_URL: `sqlite:${join(home, 'secret-key-check.db')}`,
      });
      expect(accepted).toMatchObject({ code: 0, stderr: '' });
    },
  },
  {
    matches: /^sed 's\/YOUR_HOST\/[^/]+\/g' manifest\/slack\/manifest\.yml$/,
    async check(command) {
      const result = await run(command);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).not.toContain('YOUR_HOST');
      const manifest = parseYaml(result.stdout);
      const events = `https://${HOST}/slack/events`;
      expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/persongroup', url: events });
      expect(manifest.settings.interactivity.request_url).toBe(events);
      expect(manifest.settings.event_subscriptions.request_url).toBe(events);
    },
  },
  {
    matches: /^npx persongroup-bot rotate-secret$/,
    async check(command) {
      // A key to re-encrypt, whatever the README showed before this line.
      const seeded = await run(
        `printf 'rotate-key-1234\\n' | npx persongroup-bot workspace set slack:TROTATE --region westus --no-verify`,
        cli,
      );
      expect(seeded).toMatchObject({ code: 0 });
      const rotated = await run(command, {
        ...cli,
        SECRET_KEY: NEXT_SECRET_KEY,
        SECRET_KEY_PREVIOUS: SECRET_KEY,
      });
      expect(rotated).toMatchObject({ code: 0, stderr: '' });
      expect(rotated.stdout).toMatch(/^Re-encrypted [1-9]\d* workspace key\(s\)/);
      cli = { ...cli, SECRET_KEY: NEXT_SECRET_KEY };
      // Nothing is left under the old key: the new one alone reads everything.
      expect((await run(command, cli)).stdout).toMatch(/^Re-encrypted 0 workspace key\(s\)/);
    },
  },
  {
    matches: /^npx persongroup-bot emulator --port \d+ --key \S+$/,
    async check(command) {
      await ensureBuilt();
      // --port 0: the README's port may be taken by another emulator on this machine.
      const emulator = startInShell(command.replace(/--port \d+/, '--port 0'), user, clone.dir);
      const line = await emulator.waitForLog((log) => message(log).startsWith('Face API emulator listening'));
      const url = /listening on (\S+)/.exec(message(line))?.[1];
      const key = / --key (\S+)$/.exec(command)?.[1] ?? '';
      const put = (subscriptionKey: string) =>
        fetch(`${url}/persongroups/readme-group`, {
          method: 'PUT',
          headers: { 'Ocp-Apim-Subscription-Key': subscriptionKey, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'README group' }),
        });
      expect((await put(`not-${key}`)).status).toBe(401);
      expect((await put(key)).status).toBe(200);
      await emulator.stop('SIGTERM');
      await expect(put(key)).rejects.toThrow(); // stopped: nothing listens any more
    },
  },
];

describe('every command README.md shows', () => {
  it('includes the commands a new user needs, so an emptied README cannot pass', () => {
    expect(COMMANDS).toEqual(
      expect.arrayContaining([
        'npm start',
        'npm run build',
        `MicrosoftAppId=<app id> BOT_DOMAIN=<your host> npm run package:teams`,
        'npm run docs:cards',
      ]),
    );
    expect(COMMANDS.filter((command) => command.startsWith('npx persongroup-bot ')).length).toBeGreaterThan(
      6,
    );
  });

  it('names only npm scripts that package.json defines', () => {
    const named = COMMANDS.flatMap((command) => /\bnpm run (\S+)/.exec(command)?.[1] ?? []);
    expect(named.filter((script) => SCRIPTS[script] === undefined)).toEqual([]);
  });

  for (const command of COMMANDS.filter((shown) => NOT_RUN[shown] === undefined)) {
    it(`\`${command}\` runs as the README says and leaves git status clean`, async () => {
      const typed = fillPlaceholders(command, PLACEHOLDERS);
      const check = CHECKS.find((candidate) => candidate.matches.test(typed));
      if (check === undefined) throw new Error(`README shows \`${command}\`: add how to check it to CHECKS`);
      await check.check(typed);
      expect(clone.status()).toBe('');
    }, 180_000);
  }
});

describe('the scripts compiled from scripts/', () => {
  it('npm run icons:teams redraws the committed icons byte for byte and writes only into dist/', async () => {
    const result = await run('npm run icons:teams');
    expect(result).toMatchObject({ code: 0 });
    expect(clone.status()).toBe('');
  }, 120_000);
});
