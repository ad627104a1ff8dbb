import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { auditSelect } from './audit-query';
import { StoreNotOpenError } from './errors';
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
import * as guardrails from './sqlite-guardrails';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { cachedTransaction, prepared } from './sqlite-statements';
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

const INSERT_AUDIT = auditInsertSql(() => '?');
// Matching the token means a claim taken over after expiry is never overwritten by its old owner.
const FINISH_CLAIM = `UPDATE claims SET token = NULL, expires_at = NULL, result = ?, result_expires_at = ?
  WHERE workspace_id = ? AND person_group_id = ? AND token = ?`;

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

interface ClaimRow {
  token: string | null;
  expires_at: number | null;
  result: string | null;
  result_expires_at: number | null;
}

/**
 * The embedded store: one SQLite file in WAL mode. Dates are epoch milliseconds. better-sqlite3 is
 * synchronous; claims run in IMMEDIATE transactions so several processes sharing the file stay correct.
 */
export class SqliteStore implements WorkspaceStore {
  private database: Database.Database | undefined;

  /** `path` is a file path (its folder is created) or `:memory:`. Nothing is opened before init(). */
  constructor(readonly path: string) {}

  private get db(): Database.Database {
    if (this.database === undefined)
      throw new StoreNotOpenError('the SQLite store is not open (call init())');
    return this.database;
  }

  async init(): Promise<void> {
    if (this.database === undefined) {
      if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
      const db = new Database(this.path);
      try {
        db.pragma('journal_mode = WAL');
        // With WAL, NORMAL syncs at checkpoints instead of every commit: a commit survives a crash of the
        // process and loses at most the last moments only on power loss, and each create no longer waits
        // for the disk (measured by npm run bench).
        db.pragma('synchronous = NORMAL');
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        db.pragma('foreign_keys = ON');
      } catch (error) {
        db.close();
        throw error;
      }
      this.database = db;
    }
    this.migrate();
    // Claims nobody holds and whose result is no longer kept are dead weight: drop them at start-up.
    prepared(
      this.db,
      `DELETE FROM claims WHERE (token IS NULL OR expires_at <= @now)
         AND (result IS NULL OR result_expires_at <= @now)`,
    ).run({ now: Date.now() });
    guardrails.dropEndedGuardrails(this.db);
  }

  private migrate(): void {
    const db = this.db;
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    const apply = db.transaction(() => {
      const applied = new Set(
        prepared(db, 'SELECT version FROM schema_migrations')
          .pluck()
          .all()
          .map((v) => Number(v)),
      );
      for (const migration of SQLITE_MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        db.exec(migration.sql);
        prepared(db, 'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
          migration.version,
          Date.now(),
        );
      }
    });
    apply.immediate();
  }

  async ping(): Promise<void> {
    prepared(this.db, 'SELECT 1').get();
  }

  async close(): Promise<void> {
    const db = this.database;
    this.database = undefined;
    db?.close();
  }

  async getWorkspace(workspaceId: string): Promise<WorkspaceRecord | undefined> {
    const row = prepared(this.db, 'SELECT * FROM workspaces WHERE workspace_id = ?').get(workspaceId) as
      | WorkspaceRow
      | undefined;
    return row && workspaceFromRow(row);
  }

  async putWorkspace(record: WorkspaceRecord): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO workspaces (workspace_id, region, endpoint, sealed_key, key_hint, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (workspace_id) DO UPDATE SET region = excluded.region, endpoint = excluded.endpoint,
           sealed_key = excluded.sealed_key, key_hint = excluded.key_hint, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
    ).run(
      record.workspaceId,
      record.region ?? null,
      record.endpoint ?? null,
      record.sealedKey,
      record.keyHint,
      record.updatedBy,
      record.updatedAt.getTime(),
    );
  }

  async removeWorkspace(workspaceId: string): Promise<boolean> {
    return prepared(this.db, 'DELETE FROM workspaces WHERE workspace_id = ?').run(workspaceId).changes > 0;
  }

  async listWorkspaces(): Promise<WorkspaceRecord[]> {
    const rows = prepared(this.db, 'SELECT * FROM workspaces ORDER BY workspace_id').all() as WorkspaceRow[];
    return rows.map(workspaceFromRow);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    appendAuditNow(this.db, entry);
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { sql, values } = auditSelect(query, () => '?');
    return (prepared(this.db, sql).all(...values) as AuditRow[]).map(auditEntryFromRow);
  }

  async claim(workspaceId: string, personGroupId: string, ttlMs: number): Promise<ClaimResult> {
    const db = this.db;
    const attempt = cachedTransaction(db, 'claim', () =>
      db.transaction((workspaceId: string, personGroupId: string, ttlMs: number): ClaimResult => {
        const now = Date.now();
        const row = prepared(
          db,
          'SELECT token, expires_at, result, result_expires_at FROM claims WHERE workspace_id = ? AND person_group_id = ?',
        ).get(workspaceId, personGroupId) as ClaimRow | undefined;
        if (row?.token != null && (row.expires_at ?? 0) > now) return { status: 'busy' };
        if (row?.result != null && (row.result_expires_at ?? 0) > now)
          return { status: 'done', result: row.result };
        const token = randomUUID();
        prepared(
          db,
          `INSERT INTO claims (workspace_id, person_group_id, token, expires_at, result, result_expires_at)
         VALUES (?, ?, ?, ?, NULL, NULL)
         ON CONFLICT (workspace_id, person_group_id) DO UPDATE SET token = excluded.token,
           expires_at = excluded.expires_at, result = NULL, result_expires_at = NULL`,
        ).run(workspaceId, personGroupId, token, now + ttlMs);
        return { status: 'claimed', token };
      }),
    );
    return attempt.immediate(workspaceId, personGroupId, ttlMs);
  }

  async finishClaim(
    workspaceId: string,
    personGroupId: string,
    token: string,
    result: string,
    keepMs: number,
  ): Promise<void> {
    finishClaimNow(this.db, { workspaceId, personGroupId, token, result, keepMs });
  }

  async finishClaimAndAudit(claim: FinishedClaim, entry: AuditEntry): Promise<void> {
    const db = this.db;
    const write = cachedTransaction(db, 'finishClaimAndAudit', () =>
      db.transaction((claim: FinishedClaim, entry: AuditEntry) => {
        finishClaimNow(db, claim);
        appendAuditNow(db, entry);
      }),
    );
    write.immediate(claim, entry);
  }

  async releaseClaim(workspaceId: string, personGroupId: string, token: string): Promise<void> {
    prepared(this.db, 'DELETE FROM claims WHERE workspace_id = ? AND person_group_id = ? AND token = ?').run(
      workspaceId,
      personGroupId,
      token,
    );
  }

  async claimResult(workspaceId: string, personGroupId: string): Promise<string | undefined> {
    const result = prepared(
      this.db,
      `SELECT result FROM claims WHERE workspace_id = ? AND person_group_id = ?
         AND result IS NOT NULL AND result_expires_at > ?`,
    )
      .pluck()
      .get(workspaceId, personGroupId, Date.now()) as string | undefined;
    return result;
  }

  async admitWithinLimits(limits: readonly WindowLimit[]): Promise<WindowAdmission> {
    return guardrails.admitWithinLimits(this.db, limits);
  }

  async holdBack(key: string, ms: number): Promise<void> {
    guardrails.holdBack(this.db, key, ms);
  }

  async heldBackFor(key: string): Promise<number> {
    return guardrails.heldBackFor(this.db, key);
  }

  async getSlackInstallation(workspaceId: string): Promise<SlackInstallationRecord | undefined> {
    const row = prepared(this.db, 'SELECT * FROM slack_installations WHERE workspace_id = ?').get(
      workspaceId,
    ) as InstallationRow | undefined;
    return row && installationFromRow(row);
  }

  async putSlackInstallation(record: SlackInstallationRecord): Promise<void> {
    prepared(
      this.db,
      `INSERT INTO slack_installations (workspace_id, sealed_installation, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (workspace_id) DO UPDATE SET sealed_installation = excluded.sealed_installation,
           updated_at = excluded.updated_at`,
    ).run(record.workspaceId, record.sealedInstallation, record.updatedAt.getTime());
  }

  async removeSlackInstallation(workspaceId: string): Promise<void> {
    prepared(this.db, 'DELETE FROM slack_installations WHERE workspace_id = ?').run(workspaceId);
  }

  async listSlackInstallations(): Promise<SlackInstallationRecord[]> {
    const rows = prepared(
      this.db,
      'SELECT * FROM slack_installations ORDER BY workspace_id',
    ).all() as InstallationRow[];
    return rows.map(installationFromRow);
  }
}

function finishClaimNow(db: Database.Database, claim: FinishedClaim): void {
  const { workspaceId, personGroupId, token, result, keepMs } = claim;
  prepared(db, FINISH_CLAIM).run(result, Date.now() + keepMs, workspaceId, personGroupId, token);
}

function appendAuditNow(db: Database.Database, entry: AuditEntry): void {
  prepared(db, INSERT_AUDIT).run(entry.at.getTime(), ...auditValues(entry));
}
