import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { AuditEntry } from '../../src/store/types';
import { describeWorkspaceStore } from './store-suite';
import { VERSION1_AUDIT_COLUMNS, version1AuditValues } from './version1';

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

/** A new file holding what version 1 of the schema, and the code of its time, wrote. */
async function openVersion1Database(entries: readonly AuditEntry[]): Promise<SqliteStore> {
  const file = join(dir, `version1-${randomUUID()}.db`);
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    db.exec(SQLITE_MIGRATIONS.find((migration) => migration.version === 1)?.sql ?? '');
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (1, ?)').run(Date.now());
    const insert = db.prepare(`INSERT INTO audit (${VERSION1_AUDIT_COLUMNS}) VALUES (${'?, '.repeat(8)}?)`);
    for (const entry of entries) insert.run(entry.at.getTime(), ...version1AuditValues(entry));
  } finally {
    db.close();
  }
  return new SqliteStore(file);
}

describeWorkspaceStore('SqliteStore', () => new SqliteStore(path), readDatabaseFiles, openVersion1Database);

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

  it("keeps an index that serves a group's history newest first", async () => {
    const db = new Database(path, { readonly: true });
    try {
      const columns = db
        .prepare("SELECT name, desc FROM pragma_index_xinfo('audit_workspace_group_at') WHERE key = 1")
        .all();
      expect(columns).toStrictEqual([
        { name: 'workspace_id', desc: 0 },
        { name: 'person_group_id', desc: 0 },
        { name: 'at', desc: 1 },
        { name: 'id', desc: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses calls before init() with a clear error', async () => {
    const store = new SqliteStore(join(dir, 'never.db'));
    await expect(store.ping()).rejects.toThrow('not open (call init())');
  });
});
