import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { openStore } from '../../src/store/open-store';
import { SecretBox } from '../../src/store/secret-box';
import { run } from './run';
import { parseTable } from './table';

const KEY = '0123456789abcdef0123456789abcdef';
const secret = randomBytes(32);
let emulator: FaceEmulator;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startFaceEmulator({ port: 0, keys: [KEY] });
  dir = mkdtempSync(join(tmpdir(), 'cli-'));
  env = {
    DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
    DATA_DIR: dir,
    SECRET_KEY: secret.toString('base64'),
    FACE_ENDPOINT_OVERRIDE: emulator.url,
    FACE_BUDGET_MS: '2000',
  };
});

afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  emulator.reset();
});

describe('persongroup-bot workspace', () => {
  it('sets a key read from stdin after checking it live, and never prints it', async () => {
    const result = await run(['workspace', 'set', 'slack:T1', '--region', 'westus'], env, `${KEY}\n`);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('••••cdef');
    expect(result.stdout).not.toContain(KEY);
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      expect.stringMatching(/^GET \/face\/v1\.0\/persongroups\?(.*&)?top=1(&|$)/),
    ]);
    const bytes = readFileSync(join(dir, 'bot.db'));
    expect(bytes.includes(KEY)).toBe(false);
    expect(bytes.includes(Buffer.from(KEY).toString('base64'))).toBe(false);
  });

  it('shows a workspace with its region and the key masked to its last 4', async () => {
    const result = await run(['workspace', 'show', 'slack:T1'], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/region\s+westus \(.*standing in for West US\)/);
    expect(result.stdout).toMatch(/key\s+••••cdef/);
    expect(result.stdout).not.toContain(KEY);
  });

  it('refuses a key the Face API rejects with exit code 1 and one line, saving nothing', async () => {
    const result = await run(
      ['workspace', 'set', 'slack:T-wrong', '--region', 'westus'],
      env,
      'ffffffffffffffffffffffff\n',
    );

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('nothing was saved');
    expect(result.stderr).not.toContain('ffffffffffff');
    const show = await run(['workspace', 'show', 'slack:T-wrong'], env);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('not configured');
  });

  it('saves an unchecked key with --no-verify, without calling the Face API', async () => {
    const result = await run(
      [
        'workspace',
        'set',
        'teams:tenant-2',
        '--endpoint',
        'https://my-face.cognitiveservices.azure.com/',
        '--no-verify',
      ],
      env,
      'another-key-wxyz\n',
    );

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('••••wxyz');
    expect(emulator.requests).toEqual([]);
  });

  it('lists every configured workspace in a table with masked keys', async () => {
    const result = await run(['workspace', 'list'], env);

    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^WORKSPACE\s+REGION\/ENDPOINT\s+KEY\s+UPDATED\s+BY$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(['slack:T1', 'teams:tenant-2']);
    expect(result.stdout).toContain('https://my-face.cognitiveservices.azure.com/');
    expect(result.stdout).not.toContain(KEY);
  });

  it('re-encrypts stored keys under a new SECRET_KEY with the old one as SECRET_KEY_PREVIOUS', async () => {
    const next = randomBytes(32);
    const rotated = {
      ...env,
      SECRET_KEY: next.toString('base64'),
      SECRET_KEY_PREVIOUS: secret.toString('base64'),
    };

    const result = await run(['rotate-secret'], rotated);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Re-encrypted 2 workspace key(s)');
    const store = openStore(env.DATABASE_URL as string);
    await store.init();
    const record = await store.getWorkspace('slack:T1');
    await store.close();
    expect(new SecretBox({ current: next }).open(record?.sealedKey ?? '')).toBe(KEY);
    // Put the original secret back for the tests after this one.
    const back = await run(['rotate-secret'], { ...env, SECRET_KEY_PREVIOUS: next.toString('base64') });
    expect(back.code).toBe(0);
  });

  it('removes a workspace, then says there is nothing to remove with exit code 1', async () => {
    const removed = await run(['workspace', 'remove', 'teams:tenant-2'], env);
    const again = await run(['workspace', 'remove', 'teams:tenant-2'], env);

    expect(removed).toMatchObject({ code: 0, stdout: 'Workspace teams:tenant-2 removed.\n' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not configured');
  });

  it('prints the audit newest first, filtered by workspace and limited', async () => {
    const all = await run(['audit'], env);
    const one = await run(['audit', '--workspace', 'teams:tenant-2', '--limit', '1'], env);

    expect(all.code).toBe(0);
    expect(all.stdout.split('\n')[0]).toMatch(
      /^TIME\s+WORKSPACE\s+PLATFORM\s+USER\s+NAME\s+ACTION\s+GROUP\s+KIND\s+OUTCOME/,
    );
    expect(all.stdout).toContain('failed:unauthorized');
    expect(all.stdout).toContain('configure_workspace');
    const rows = parseTable(one.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      WORKSPACE: 'teams:tenant-2',
      USER: 'cli',
      ACTION: 'remove_workspace',
      OUTCOME: 'not_found',
    });
  });
});

describe('persongroup-bot usage', () => {
  it('prints the usage for help and for no arguments', async () => {
    for (const argv of [[], ['help']]) {
      const result = await run(argv, env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('workspace set <workspaceId>');
    }
  });

  it.each([
    ['an unknown command', ['frobnicate']],
    ['workspace without a subcommand', ['workspace']],
    ['set without --region or --endpoint', ['workspace', 'set', 'slack:T9']],
    [
      'set with both --region and --endpoint',
      [
        'workspace',
        'set',
        'slack:T9',
        '--region',
        'westus',
        '--endpoint',
        'https://a.cognitiveservices.azure.com/',
      ],
    ],
    ['set without a workspace id', ['workspace', 'set', '--region', 'westus']],
    [
      'set with a key on the command line',
      ['workspace', 'set', 'slack:T9', '--region', 'westus', '--key', KEY],
    ],
    ['set with an unknown region', ['workspace', 'set', 'slack:T9', '--region', 'mars']],
    ['audit with a bad limit', ['audit', '--limit', 'ten']],
    ['show without an id', ['workspace', 'show']],
  ])('exits with code 2 and one line on stderr for %s', async (_what, argv) => {
    const result = await run(argv, env, `${KEY}\n`);

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain(KEY);
    expect(result.stdout).toBe('');
  });

  it('refuses an empty key on stdin with exit code 2 before touching anything', async () => {
    const result = await run(['workspace', 'set', 'slack:T9', '--region', 'westus'], env, '\n');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no Face API key on standard input');
    expect(emulator.requests).toEqual([]);
  });
});
