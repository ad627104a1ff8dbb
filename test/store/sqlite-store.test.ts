import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite-store';
import { describeWorkspaceStore } from './store-suite';

const dir = mkdtempSync(join(tmpdir(), 'persongroup-bot-sqlite-'));
// A folder that does not exist yet: the store creates it.
const path = join(dir, 'nested', 'store.db');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The database file and its write-ahead log, where recent commits live until a checkpoint. */
async function readDatabaseFiles(): Promise<Buffer> {
  const files = [path, `${path}-wal`].filter((file) => existsSync(file));
  return Buffer.concat(files.map((file) => readFileSync(file)));
}

describeWorkspaceStore('SqliteStore', () => new SqliteStore(path), readDatabaseFiles);

describe('SqliteStore', () => {
  it('creates its folder and keeps the database in WAL mode', async () => {
    const file = join(dir, 'wal-check', 'deeper', 'wal.db');
    const store = new SqliteStore(file);
    await store.init();
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('drops dead claims at start-up and keeps live ones', async () => {
    const file = join(dir, 'purge.db');
    const store = new SqliteStore(file);
    await store.init();
    const dead = await store.claim('slack:T1', 'expired', 0);
    const live = await store.claim('slack:T1', 'live', 60_000);
    if (dead.status !== 'claimed' || live.status !== 'claimed') throw new Error('expected two claims');
    await store.close();
    await store.init();
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT person_group_id FROM claims').pluck().all()).toStrictEqual(['live']);
    } finally {
      db.close();
    }
  });

  it('works in memory', async () => {
    const store = new SqliteStore(':memory:');
    await store.init();
    await store.appendAudit({
      at: new Date(),
      workspaceId: 'teams:t',
      userId: 'cli',
      action: 'remove_workspace',
      outcome: 'removed',
    });
    expect(await store.listAudit()).toHaveLength(1);
    await store.close();
  });

  it('refuses calls before init() with a clear error', async () => {
    const store = new SqliteStore(join(dir, 'never.db'));
    await expect(store.ping()).rejects.toThrow('not open (call init())');
  });
});
