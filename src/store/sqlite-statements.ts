import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The compiled statement for `sql` on `db`, compiled once: better-sqlite3's prepare() compiles the SQL
 * on every call, which the bench's profile showed as a tenth of a create's CPU. The cache lives and dies
 * with its connection. A statement's pluck mode is per statement: a caller that plucks always plucks.
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

const transactions = new WeakMap<Database.Database, Map<string, unknown>>();

/** A db.transaction() wrapper built once per connection under `name` (building one costs per call too). */
export function cachedTransaction<F>(db: Database.Database, name: string, build: () => F): F {
  let cache = transactions.get(db);
  if (cache === undefined) {
    cache = new Map();
    transactions.set(db, cache);
  }
  let transaction = cache.get(name) as F | undefined;
  if (transaction === undefined) {
    transaction = build();
    cache.set(name, transaction);
  }
  return transaction;
}
