/**
 * The guardrail tables on SQLite (rate_windows, holds): one IMMEDIATE transaction per admission, so
 * several processes sharing the file count every event once. Times are epoch milliseconds.
 */
import type Database from 'better-sqlite3';
import { cachedTransaction, prepared } from './sqlite-statements';
import type { WindowAdmission, WindowLimit } from './types';

interface WindowRow {
  resets_at: number;
  count: number;
}

/** Counts one event against every limit, or none when one is reached (see WorkspaceStore). */
export function admitWithinLimits(db: Database.Database, limits: readonly WindowLimit[]): WindowAdmission {
  const read = prepared(db, 'SELECT resets_at, count FROM rate_windows WHERE key = ?');
  const write = prepared(
    db,
    `INSERT INTO rate_windows (key, resets_at, count) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET resets_at = excluded.resets_at, count = excluded.count`,
  );
  const admit = cachedTransaction(db, 'admitWithinLimits', () =>
    db.transaction((limits: readonly WindowLimit[]): WindowAdmission => {
      const now = Date.now();
      const windows = limits.map((limit) => {
        const row = read.get(limit.key) as WindowRow | undefined;
        const live = row !== undefined && row.resets_at > now;
        return { limit, resetsAt: live ? row.resets_at : now + limit.windowMs, count: live ? row.count : 0 };
      });
      const full = windows.find((window) => window.count >= window.limit.limit);
      if (full) return { admitted: false, key: full.limit.key, retryAfterMs: full.resetsAt - now };
      for (const window of windows) write.run(window.limit.key, window.resetsAt, window.count + 1);
      return { admitted: true };
    }),
  );
  return admit.immediate(limits);
}

/** Holds `key` back for `ms`, keeping a longer hold. */
export function holdBack(db: Database.Database, key: string, ms: number): void {
  prepared(
    db,
    `INSERT INTO holds (key, until) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET until = max(holds.until, excluded.until)`,
  ).run(key, Date.now() + ms);
}

/** Milliseconds left of `key`'s hold, 0 when none. */
export function heldBackFor(db: Database.Database, key: string): number {
  const until = prepared(db, 'SELECT until FROM holds WHERE key = ?').pluck().get(key) as number | undefined;
  return Math.max(0, (until ?? 0) - Date.now());
}

/** Drops windows and holds that have ended (start-up housekeeping). */
export function dropEndedGuardrails(db: Database.Database): void {
  const now = Date.now();
  prepared(db, 'DELETE FROM rate_windows WHERE resets_at <= ?').run(now);
  prepared(db, 'DELETE FROM holds WHERE until <= ?').run(now);
}
