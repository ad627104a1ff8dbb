import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { auditSelect } from './audit-query';
import { StoreConfigError, StoreNotOpenError } from './errors';
import * as guardrails from './postgres-guardrails';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import {
  type AuditRow,
  auditEntryFromRow,
  auditInsertSql,
  auditValues,
  type InstallationRow,
  installationFromRow,
  type WorkspaceRow,
  workspaceFromRow,
} from './records';
import type {
  AuditEntry,
  AuditQuery,
  ClaimResult,
  FinishedClaim,
  SlackInstallationRecord,
  WindowAdmission,
  WindowLimit,
  WorkspaceRecord,
  WorkspaceStore,
} from './types';

export interface PostgresStoreOptions {
  /** Tables live in this schema (created by init()); default: the connection's search_path. */
  schema?: string | undefined;
  /**
   * An idle pooled connection failed (e.g. the server restarted). pg drops that client and the next
   * query reconnects; readiness shows through ping(). Default: ignored, as there is nothing to retry.
   */
  onPoolError?: ((error: Error) => void) | undefined;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INSERT_AUDIT = auditInsertSql((index) => `$${index}`);
/** A claim that keeps losing races (taken, then released or expired in between) is reported busy. */
const CLAIM_ATTEMPTS = 5;
/** SQL for an interval of `param` milliseconds (a bind parameter such as `$4`). */
const milliseconds = (param: string) => `(${param}::double precision * interval '1 millisecond')`;
// Matching the token means a claim taken over after expiry is never overwritten by its old owner.
const FINISH_CLAIM = `UPDATE claims SET token = NULL, expires_at = NULL, result = $4,
  result_expires_at = now() + ${milliseconds('$5')} WHERE workspace_id = $1 AND person_group_id = $2 AND token = $3`;
/** FINISH_CLAIM, then the audit INSERT with its parameters after the claim's: one statement, one round trip. */
const FINISH_CLAIM_AND_AUDIT = `WITH finished AS (${FINISH_CLAIM})
  ${auditInsertSql((index) => `$${index + 5}`)}`;

/**
 * The shared store for several replicas: a pg Pool, migrations under an advisory lock, claims decided by
 * one atomic INSERT … ON CONFLICT DO UPDATE … WHERE expired, on the database clock.
 */
export class PostgresStore implements WorkspaceStore {
  private readonly pool: Pool;
  private readonly schema: string | undefined;
  private closed = false;

  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new StoreConfigError(
        `PostgreSQL schema name must match ${SCHEMA_NAME} (got "${options.schema}")`,
      );
    }
    this.schema = options.schema;
    this.pool = new Pool({
      connectionString,
      connectionTimeoutMillis: 5000,
      // Every pooled connection resolves unqualified table names in our schema.
      ...(this.schema === undefined ? {} : { options: `-c search_path=${this.schema}` }),
    });
    const onPoolError = options.onPoolError ?? (() => undefined);
    this.pool.on('error', onPoolError);
  }

  private async query<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
    if (this.closed) throw new StoreNotOpenError('the PostgreSQL store is closed');
    return (await this.pool.query(sql, values)).rows as Row[];
  }

  private get openPool(): Pool {
    if (this.closed) throw new StoreNotOpenError('the PostgreSQL store is closed');
    return this.pool;
  }

  async init(): Promise<void> {
    if (this.closed) throw new StoreNotOpenError('the PostgreSQL store is closed');
    const client = await this.pool.connect();
    let failure: unknown;
    try {
      // Replicas starting together take turns; the lock is per schema so test runs do not wait on each other.
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`persongroup-bot:${this.schema ?? ''}`]);
      await this.migrate(client);
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`persongroup-bot:${this.schema ?? ''}`]);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      // After a failure the session may still hold the lock: destroying the connection releases it.
      client.release(failure instanceof Error ? failure : undefined);
    }
    // Claims nobody holds and whose result is no longer kept are dead weight: drop them at start-up.
    await this.query(
      `DELETE FROM claims WHERE (token IS NULL OR expires_at <= now())
       AND (result IS NULL OR result_expires_at <= now())`,
    );
    await guardrails.dropEndedGuardrails(this.openPool);
  }

  private async migrate(client: PoolClient): Promise<void> {
    if (this.schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  async getWorkspace(workspaceId: string): Promise<WorkspaceRecord | undefined> {
    const [row] = await this.query<WorkspaceRow>('SELECT * FROM workspaces WHERE workspace_id = $1', [
      workspaceId,
    ]);
    return row && workspaceFromRow(row);
  }

  async putWorkspace(record: WorkspaceRecord): Promise<void> {
    await this.query(
      `INSERT INTO workspaces (workspace_id, region, endpoint, sealed_key, key_hint, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace_id) DO UPDATE SET region = EXCLUDED.region, endpoint = EXCLUDED.endpoint,
         sealed_key = EXCLUDED.sealed_key, key_hint = EXCLUDED.key_hint, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at`,
      [
        record.workspaceId,
        record.region ?? null,
        record.endpoint ?? null,
        record.sealedKey,
        record.keyHint,
        record.updatedBy,
        record.updatedAt,
      ],
    );
  }

  async removeWorkspace(workspaceId: string): Promise<boolean> {
    const removed = await this.query('DELETE FROM workspaces WHERE workspace_id = $1 RETURNING 1', [
      workspaceId,
    ]);
    return removed.length > 0;
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    // COLLATE "C" sorts by code point, as SQLite does, whatever the database's locale.
    const rows = await this.query<WorkspaceRow>('SELECT * FROM workspaces ORDER BY workspace_id COLLATE "C"');
    return rows.map(workspaceFromRow);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.query(INSERT_AUDIT, [entry.at, ...auditValues(entry)]);
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { sql, values } = auditSelect(query, (index) => `$${index}`);
    return (await this.query<AuditRow>(sql, values)).map(auditEntryFromRow);
  }

  async claim(workspaceId: string, personGroupId: string, ttlMs: number): Promise<ClaimResult> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const token = randomUUID();
      // One statement decides: a free or expired row is (re)taken; a live claim or live result is left alone.
      const taken = await this.query(
        `INSERT INTO claims (workspace_id, person_group_id, token, expires_at)
         VALUES ($1, $2, $3, now() + ${milliseconds('$4')})
         ON CONFLICT (workspace_id, person_group_id) DO UPDATE
           SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at, result = NULL, result_expires_at = NULL
           WHERE (claims.token IS NULL OR claims.expires_at <= now())
             AND (claims.result IS NULL OR claims.result_expires_at <= now())
         RETURNING token`,
        [workspaceId, personGroupId, token, ttlMs],
      );
      if (taken.length > 0) return { status: 'claimed', token };

      const [row] = await this.query<{ busy: boolean; result: string | null }>(
        `SELECT (token IS NOT NULL AND expires_at > now()) AS busy,
                CASE WHEN result_expires_at > now() THEN result END AS result
         FROM claims WHERE workspace_id = $1 AND person_group_id = $2`,
        [workspaceId, personGroupId],
      );
      if (row?.busy) return { status: 'busy' };
      if (row?.result != null) return { status: 'done', result: row.result };
      // Released or expired between the two statements: try to take it again.
    }
    return { status: 'busy' };
  }

  async finishClaim(
    workspaceId: string,
    personGroupId: string,
    token: string,
    result: string,
    keepMs: number,
  ): Promise<void> {
    await this.query(FINISH_CLAIM, [workspaceId, personGroupId, token, result, keepMs]);
  }

  async finishClaimAndAudit(claim: FinishedClaim, entry: AuditEntry): Promise<void> {
    const { workspaceId, personGroupId, token, result, keepMs } = claim;
    const values = [workspaceId, personGroupId, token, result, keepMs, entry.at, ...auditValues(entry)];
    await this.query(FINISH_CLAIM_AND_AUDIT, values);
  }

  async releaseClaim(workspaceId: string, personGroupId: string, token: string): Promise<void> {
    await this.query('DELETE FROM claims WHERE workspace_id = $1 AND person_group_id = $2 AND token = $3', [
      workspaceId,
      personGroupId,
      token,
    ]);
  }

  async claimResult(workspaceId: string, personGroupId: string): Promise<string | undefined> {
    const [row] = await this.query<{ result: string }>(
      `SELECT result FROM claims WHERE workspace_id = $1 AND person_group_id = $2
       AND result IS NOT NULL AND result_expires_at > now()`,
      [workspaceId, personGroupId],
    );
    return row?.result;
  }

  admitWithinLimits(limits: readonly WindowLimit[]): Promise<WindowAdmission> {
    return guardrails.admitWithinLimits(this.openPool, limits);
  }

  holdBack(key: string, ms: number): Promise<void> {
    return guardrails.holdBack(this.openPool, key, ms);
  }

  heldBackFor(key: string): Promise<number> {
    return guardrails.heldBackFor(this.openPool, key);
  }

  async getSlackInstallation(workspaceId: string): Promise<SlackInstallationRecord | undefined> {
    const [row] = await this.query<InstallationRow>(
      'SELECT * FROM slack_installations WHERE workspace_id = $1',
      [workspaceId],
    );
    return row && installationFromRow(row);
  }

  async putSlackInstallation(record: SlackInstallationRecord): Promise<void> {
    await this.query(
      `INSERT INTO slack_installations (workspace_id, sealed_installation, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id) DO UPDATE SET sealed_installation = EXCLUDED.sealed_installation,
         updated_at = EXCLUDED.updated_at`,
      [record.workspaceId, record.sealedInstallation, record.updatedAt],
    );
  }

  async removeSlackInstallation(workspaceId: string): Promise<void> {
    await this.query('DELETE FROM slack_installations WHERE workspace_id = $1', [workspaceId]);
  }

  async listSlackInstallations(): Promise<SlackInstallationRecord[]> {
    const rows = await this.query<InstallationRow>(
      'SELECT * FROM slack_installations ORDER BY workspace_id COLLATE "C"',
    );
    return rows.map(installationFromRow);
  }
}
