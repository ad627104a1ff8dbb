import { StoreConfigError } from './errors';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { WorkspaceStore } from './types';

export interface OpenStoreOptions {
  /** PostgreSQL only: keep the tables in this schema (created by init()). */
  schema?: string | undefined;
  /** PostgreSQL only: an idle pooled connection failed (see PostgresStoreOptions). */
  onPoolError?: ((error: Error) => void) | undefined;
}

/**
 * The store DATABASE_URL names: `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…` /
 * `postgresql://…`. Nothing is connected until init(). Anything else is a StoreConfigError whose message
 * never repeats the URL (it may hold a password).
 */
export function openStore(databaseUrl: string, options: OpenStoreOptions = {}): WorkspaceStore {
  const url = databaseUrl.trim();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '')
      throw new StoreConfigError(
        'DATABASE_URL sqlite: needs a file path, e.g. sqlite:data/persongroup-bot.db',
      );
    return new SqliteStore(path);
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return new PostgresStore(url, options);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new StoreConfigError(
    `DATABASE_URL must start with sqlite: or postgres:// (got ${scheme === undefined ? 'no scheme' : `"${scheme}:"`})`,
  );
}
