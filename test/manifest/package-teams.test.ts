import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPackageTeams } from '../../scripts/package-teams';
import { encodeRgbaPng } from '../../scripts/png';
import { LOCAL_APP_ID } from '../../scripts/teams-manifest';
import { readZip } from './zip-read';

const BOT_ID = '11111111-2222-3333-4444-555555555555';

/** A throw-away copy of the repository's manifest/teams, so packaging never writes into the tree. */
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'package-teams-'));
  cpSync(join(__dirname, '../../manifest/teams'), join(root, 'manifest/teams'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs the command line and collects what it prints. */
async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const lines = { log: [] as string[], error: [] as string[] };
  const out = {
    log: (line: string) => lines.log.push(line),
    error: (line: string) => lines.error.push(line),
  };
  const code = await runPackageTeams(argv, env, root, out);
  return { code, ...lines };
}

describe('npm run package:teams', () => {
  it('writes a zip holding exactly manifest.json, color.png and outline.png at its root', async () => {
    const { code, log } = await run([], { MicrosoftAppId: BOT_ID });
    expect(code).toBe(0);
    expect(log).toEqual([`package:teams: wrote build/persongroup-bot-teams.zip for bot ${BOT_ID}`]);
    const entries = readZip(readFileSync(join(root, 'build/persongroup-bot-teams.zip')));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(entries.get('color.png')).toEqual(readFileSync(join(root, 'manifest/teams/color.png')));
  });

  it('fills the app id and bot id from MicrosoftAppId into the packaged manifest', async () => {
    await run([], { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'bot.example.com' });
    const zip = readZip(readFileSync(join(root, 'build/persongroup-bot-teams.zip')));
    const manifest = JSON.parse(String(zip.get('manifest.json')));
    expect(manifest).toMatchObject({
      id: BOT_ID,
      bots: [{ botId: BOT_ID }],
      validDomains: ['bot.example.com'],
    });
  });

  it('produces the same bytes on every run', async () => {
    await run([], { MicrosoftAppId: BOT_ID });
    const first = readFileSync(join(root, 'build/persongroup-bot-teams.zip'));
    await run([], { MicrosoftAppId: BOT_ID });
    expect(readFileSync(join(root, 'build/persongroup-bot-teams.zip'))).toEqual(first);
  });

  it('stops with exit code 2 and one line when MicrosoftAppId is missing', async () => {
    const { code, log, error } = await run([], {});
    expect(code).toBe(2);
    expect(log).toEqual([]);
    expect(error).toEqual([
      "package:teams: MicrosoftAppId is not set: set it to your Azure Bot's Microsoft App ID, or pass --local for a check-only package with placeholder ids",
    ]);
  });

  it('writes a separate local package with the placeholder ids when given --local', async () => {
    const { code } = await run(['--local'], {});
    expect(code).toBe(0);
    const zip = readZip(readFileSync(join(root, 'build/persongroup-bot-teams-local.zip')));
    expect(JSON.parse(String(zip.get('manifest.json')))).toMatchObject({ id: LOCAL_APP_ID });
  });

  it('stops with exit code 2 on an unknown argument', async () => {
    const { code, error } = await run(['--prod'], { MicrosoftAppId: BOT_ID });
    expect(code).toBe(2);
    expect(error).toEqual([
      'package:teams: unknown argument --prod (usage: npm run package:teams [-- --local])',
    ]);
  });

  it('stops with exit code 1 and names the problem when an icon has the wrong size', async () => {
    writeFileSync(
      join(root, 'manifest/teams/outline.png'),
      encodeRgbaPng(16, 16, new Uint8Array(16 * 16 * 4)),
    );
    const { code, error } = await run([], { MicrosoftAppId: BOT_ID });
    expect(code).toBe(1);
    expect(error.join('\n')).toContain('outline.png is 16×16, Teams needs 32×32');
  });

  it('stops with exit code 1 and lists the schema error when the manifest breaks the schema', async () => {
    const file = join(root, 'manifest/teams/manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"#3B5BDB"', '"blue"'));
    const { code, error } = await run([], { MicrosoftAppId: BOT_ID });
    expect(code).toBe(1);
    expect(error.join('\n')).toContain('/accentColor');
  });
});
