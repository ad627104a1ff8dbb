import { StoreConfigError } from './errors';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { WorkspaceStore } from './types';

export interface OpenStoreOptions {
  /**
   * PostgreSQL only: keep the tables in this schema (created by init()). Default: the URL's `?schema=`
   * parameter, so each deployment (or test run) can name its schema in DATABASE_URL alone.
   */
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
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { connectionString, schema } = splitSchemaParam(url);
    return new PostgresStore(connectionString, { ...options, schema: options.schema ?? schema });
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new StoreConfigError(
    `DATABASE_URL must start with sqlite: or postgres:// (got ${scheme === undefined ? 'no scheme' : `"${scheme}:"`})`,
  );
}

/**
 * Takes `schema=<name>` out of a PostgreSQL URL's query (pg would silently ignore it) and leaves every
 * other parameter as written. The last `schema=` wins; an empty one counts as none.
 */
export function splitSchemaParam(url: string): { connectionString: string; schema: string | undefined } {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return { connectionString: url, schema: undefined };
  let schema: string | undefined;
  const kept: string[] = [];
  for (const part of url.slice(queryStart + 1).split('&')) {
    if (part.startsWith('schema=')) schema = decodeURIComponent(part.slice('schema='.length)) || undefined;
    else if (part !== '') kept.push(part);
  }
  const base = url.slice(0, queryStart);
  return { connectionString: kept.length === 0 ? base : `${base}?${kept.join('&')}`, schema };
}
