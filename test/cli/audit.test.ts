import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore } from '../../src/store/open-store';
import type { AuditEntry } from '../../src/store/types';
import { killAllBots, runCliCommand } from '../helpers/bot-process';
import { compiledCli } from '../helpers/compiled-cli';
import { parseTable } from './table';

const dir = mkdtempSync(join(tmpdir(), 'cli-audit-'));
const POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
const pgSchema = `cli_audit_${randomBytes(6).toString('hex')}`;
const engines: [string, string][] = [
  ['SQLite', `sqlite:${join(dir, 'bot.db')}`],
  ['PostgreSQL', `${POSTGRES}?schema=${pgSchema}`],
];

const at = (minute: number) => new Date(Date.UTC(2031, 4, 6, 7, minute, 0));
/** What the lead's use cases write: a Teams delete, a Slack train of a large group, an old-style entry. */
const ENTRIES: AuditEntry[] = [
  {
    at: at(1),
    workspaceId: 'teams:tenant-a',
    userId: 'aad-1',
    action: 'create_person_group',
    personGroupId: 'team-a',
    outcome: 'created',
  },
  {
    at: at(2),
    workspaceId: 'teams:tenant-a',
    userId: 'aad-2',
    userName: 'Ada Lovelace',
    platform: 'teams',
    action: 'delete_person_group',
    personGroupId: 'team-a',
    groupKind: 'personGroup',
    outcome: 'deleted',
    requestId: 'req-del',
  },
  {
    at: at(3),
    workspaceId: 'slack:T1',
    userId: 'U1',
    // A display name is whatever the user typed: escapes and line breaks must not reach the terminal.
    userName: 'Mallory\u001b[2J\nfake row\u202e',
    platform: 'slack',
    action: 'train_person_group',
    personGroupId: 'team-a',
    groupKind: 'largePersonGroup',
    outcome: 'failed:not_found',
    errorCode: 'LargePersonGroupNotFound',
    durationMs: 85,
  },
  {
    at: at(4),
    workspaceId: 'teams:tenant-a',
    userId: 'aad-1',
    platform: 'teams',
    action: 'create_person_group',
    personGroupId: 'team-b',
    groupKind: 'largePersonGroup',
    outcome: 'created',
  },
];

beforeAll(async () => {
  await compiledCli();
  for (const [, url] of engines) {
    const store = openStore(url);
    await store.init();
    for (const entry of ENTRIES) await store.appendAudit(entry);
    await store.close();
  }
}, 180_000);

afterAll(async () => {
  await killAllBots();
  rmSync(dir, { recursive: true, force: true });
  const client = new Client({ connectionString: POSTGRES });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
  await client.end();
});

describe.each(engines)('persongroup-bot audit on %s', (_engine, databaseUrl) => {
  const audit = (...args: string[]) =>
    runCliCommand(['audit', ...args], {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      SECRET_KEY: randomBytes(32).toString('base64'),
    });

  it('shows platform, user name and group kind for every event, newest first, blank where unknown', async () => {
    const result = await audit();

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const rows = parseTable(result.stdout);
    expect(
      rows.map((row) => [row.PLATFORM, row.USER, row.NAME, row.ACTION, row.GROUP, row.KIND]),
    ).toStrictEqual([
      ['teams', 'aad-1', '', 'create_person_group', 'team-b', 'largePersonGroup'],
      ['slack', 'U1', 'Mallory?[2J?fake row?', 'train_person_group', 'team-a', 'largePersonGroup'],
      ['teams', 'aad-2', 'Ada Lovelace', 'delete_person_group', 'team-a', 'personGroup'],
      ['', 'aad-1', '', 'create_person_group', 'team-a', ''],
    ]);
    expect(rows[1]).toMatchObject({
      TIME: '2031-05-06 07:03:00Z',
      WORKSPACE: 'slack:T1',
      OUTCOME: 'failed:not_found',
      ERROR: 'LargePersonGroupNotFound',
      MS: '85',
    });
    expect(rows[2]?.['REQUEST ID']).toBe('req-del');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).not.toContain('\u202e');
  });

  it('shows one group history with --group, within a workspace or across workspaces', async () => {
    const inWorkspace = await audit('--workspace', 'teams:tenant-a', '--group', 'team-a');
    const everywhere = await audit('--group', 'team-a');
    const limited = await audit('--group', 'team-a', '--limit', '1');

    expect(inWorkspace.code).toBe(0);
    expect(parseTable(inWorkspace.stdout).map((row) => row.ACTION)).toStrictEqual([
      'delete_person_group',
      'create_person_group',
    ]);
    expect(parseTable(everywhere.stdout).map((row) => row.WORKSPACE)).toStrictEqual([
      'slack:T1',
      'teams:tenant-a',
      'teams:tenant-a',
    ]);
    expect(parseTable(limited.stdout).map((row) => row.ACTION)).toStrictEqual(['train_person_group']);
  });

  it('says so when no event matches', async () => {
    const result = await audit('--workspace', 'slack:T1', '--group', 'team-b');

    expect(result).toStrictEqual({ code: 0, stdout: 'No audit entries.\n', stderr: '' });
  });

  it('exits with code 2 and one line on stderr when --group has no value', async () => {
    const result = await audit('--group');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--group');
  });
});
