import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreConfigError } from '../../src/store/errors';
import { openStore } from '../../src/store/open-store';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'persongroup-bot-open-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('opens SQLite for sqlite:<path> and sqlite::memory:', async () => {
    const file = openStore(`sqlite:${join(dir, 'db', 'open.db')}`);
    expect(file).toBeInstanceOf(SqliteStore);
    const memory = openStore('sqlite::memory:');
    for (const store of [file, memory]) {
      await store.init();
      await store.ping();
      await store.close();
    }
  });

  it('opens PostgreSQL for postgres:// and postgresql://', async () => {
    for (const url of [
      'postgres://postgres@127.0.0.1:5432/test',
      'postgresql://postgres@127.0.0.1:5432/test',
    ]) {
      const store = openStore(url);
      expect(store).toBeInstanceOf(PostgresStore);
      await store.ping();
      await store.close();
    }
  });

  it('names the scheme but never repeats the URL when it does not know it', () => {
    expect(() => openStore('mysql://user:hunter2@db/x')).toThrow(StoreConfigError);
    expect(() => openStore('mysql://user:hunter2@db/x')).toThrow(
      /^DATABASE_URL must start with sqlite: or postgres:\/\/ \(got "mysql:"\)$/,
    );
    expect(() => openStore('data/bot.db')).toThrow(/got no scheme/);
    expect(() => openStore('sqlite:')).toThrow(/needs a file path/);
  });
});
