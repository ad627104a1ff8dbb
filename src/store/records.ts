import type { AuditAction, AuditEntry } from './types';

/** What both engines share about turning rows into records. */

/** Audit listings return at most this many entries, and this many when no limit is given. */
export const AUDIT_LIMIT_MAX = 1000;
export const AUDIT_LIMIT_DEFAULT = 100;

/** A requested audit limit brought into 1…AUDIT_LIMIT_MAX. */
export function auditLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return AUDIT_LIMIT_DEFAULT;
  return Math.min(AUDIT_LIMIT_MAX, Math.max(1, Math.floor(limit)));
}

/** An audit row as both engines select it (dates already converted). */
export interface AuditRow {
  at: Date;
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
    at: row.at,
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
