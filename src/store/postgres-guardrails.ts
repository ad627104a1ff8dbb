/**
 * The guardrail tables on PostgreSQL (rate_windows, holds), on the database clock so replicas with
 * drifting clocks agree. An admission locks its windows' rows (in key order, so two admissions never
 * deadlock) for one short transaction: concurrent replicas count every event once.
 */
import type { Pool } from 'pg';
import type { WindowAdmission, WindowLimit } from './types';

/** SQL for an interval of `param` milliseconds (a bind parameter such as `$2`). */
const milliseconds = (param: string) => `(${param}::double precision * interval '1 millisecond')`;

interface WindowRow {
  count: number;
  remaining_ms: number;
}

/** Counts one event against every limit, or none when one is reached (see WorkspaceStore). */
export async function admitWithinLimits(
  pool: Pool,
  limits: readonly WindowLimit[],
): Promise<WindowAdmission> {
  const ordered = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    let full: WindowAdmission | undefined;
    for (const limit of ordered) {
      // Creates, renews (an ended window starts again at 0) and locks the row in one statement.
      const { rows } = await client.query<WindowRow>(
        `INSERT INTO rate_windows (key, resets_at, count) VALUES ($1, now() + ${milliseconds('$2')}, 0)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN rate_windows.resets_at <= now() THEN 0 ELSE rate_windows.count END,
           resets_at = CASE WHEN rate_windows.resets_at <= now() THEN EXCLUDED.resets_at
                            ELSE rate_windows.resets_at END
         RETURNING count, (extract(epoch FROM resets_at - now()) * 1000)::float8 AS remaining_ms`,
        [limit.key, limit.windowMs],
      );
      const row = rows[0];
      if (row && row.count >= limit.limit && !full) {
        full = { admitted: false, key: limit.key, retryAfterMs: Math.max(0, Math.ceil(row.remaining_ms)) };
      }
    }
    if (!full) {
      await client.query('UPDATE rate_windows SET count = count + 1 WHERE key = ANY($1::text[])', [
        ordered.map((limit) => limit.key),
      ]);
    }
    await client.query('COMMIT');
    return full ?? { admitted: true };
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query('ROLLBACK').catch(() => undefined); // the connection is destroyed below anyway
    throw error;
  } finally {
    client.release(failure);
  }
}

/** Holds `key` back for `ms`, keeping a longer hold. */
export async function holdBack(pool: Pool, key: string, ms: number): Promise<void> {
  await pool.query(
    `INSERT INTO holds (key, until) VALUES ($1, now() + ${milliseconds('$2')})
     ON CONFLICT (key) DO UPDATE SET until = GREATEST(holds.until, EXCLUDED.until)`,
    [key, ms],
  );
}

/** Milliseconds left of `key`'s hold, 0 when none. */
export async function heldBackFor(pool: Pool, key: string): Promise<number> {
  const { rows } = await pool.query<{ remaining_ms: number }>(
    `SELECT (extract(epoch FROM until - now()) * 1000)::float8 AS remaining_ms FROM holds WHERE key = $1`,
    [key],
  );
  return Math.max(0, Math.ceil(rows[0]?.remaining_ms ?? 0));
}

/** Drops windows and holds that have ended (start-up housekeeping). */
export async function dropEndedGuardrails(pool: Pool): Promise<void> {
  await pool.query('DELETE FROM rate_windows WHERE resets_at <= now()');
  await pool.query('DELETE FROM holds WHERE until <= now()');
}
