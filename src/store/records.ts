import type { AuditAction, AuditEntry, SlackInstallationRecord, WorkspaceRecord } from './types';

/** What both engines share about turning rows into records. */

/** Audit listings return at most this many entries, and this many when no limit is given. */
export const AUDIT_LIMIT_MAX = 1000;
export const AUDIT_LIMIT_DEFAULT = 100;

/** A requested audit limit brought into 1…AUDIT_LIMIT_MAX. */
export function auditLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return AUDIT_LIMIT_DEFAULT;
  return Math.min(AUDIT_LIMIT_MAX, Math.max(1, Math.floor(limit)));
}

/** Dates come back as epoch milliseconds (SQLite) or Date (PostgreSQL timestamptz). */
type StoredDate = Date | number;

const toDate = (value: StoredDate): Date => (value instanceof Date ? value : new Date(value));

/** An audit row as both engines select it. */
export interface AuditRow {
  at: StoredDate;
  workspace_id: string;
  user_id: string;
  action: string;
  person_group_id: string | null;
  outcome: string;
  error_code: string | null;
  duration_ms: number | string | null;
  request_id: string | null;
}

/** Builds an AuditEntry, leaving absent optional fields out (exactOptionalPropertyTypes). */
export function auditEntryFromRow(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    at: toDate(row.at),
    workspaceId: row.workspace_id,
    userId: row.user_id,
    action: row.action as AuditAction,
    outcome: row.outcome,
  };
  if (row.person_group_id !== null) entry.personGroupId = row.person_group_id;
  if (row.error_code !== null) entry.errorCode = row.error_code;
  if (row.duration_ms !== null) entry.durationMs = Number(row.duration_ms);
  if (row.request_id !== null) entry.requestId = row.request_id;
  return entry;
}

/** The columns of an audit entry in insert order, absent values as NULL. */
export function auditValues(entry: AuditEntry): (string | number | null)[] {
  return [
    entry.workspaceId,
    entry.userId,
    entry.action,
    entry.personGroupId ?? null,
    entry.outcome,
    entry.errorCode ?? null,
    entry.durationMs === undefined ? null : Math.round(entry.durationMs),
    entry.requestId ?? null,
  ];
}

/** One schema step; applied once, recorded by version in schema_migrations. */
export interface Migration {
  version: number;
  sql: string;
}

export interface WorkspaceRow {
  workspace_id: string;
  region: string | null;
  endpoint: string | null;
  sealed_key: string;
  key_hint: string;
  updated_by: string;
  updated_at: StoredDate;
}

export function workspaceFromRow(row: WorkspaceRow): WorkspaceRecord {
  return {
    workspaceId: row.workspace_id,
    region: row.region ?? undefined,
    endpoint: row.endpoint ?? undefined,
    sealedKey: row.sealed_key,
    keyHint: row.key_hint,
    updatedBy: row.updated_by,
    updatedAt: toDate(row.updated_at),
  };
}

export interface InstallationRow {
  workspace_id: string;
  sealed_installation: string;
  updated_at: StoredDate;
}

export function installationFromRow(row: InstallationRow): SlackInstallationRecord {
  return {
    workspaceId: row.workspace_id,
    sealedInstallation: row.sealed_installation,
    updatedAt: toDate(row.updated_at),
  };
}
