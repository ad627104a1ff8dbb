import type {
  AuditAction,
  AuditEntry,
  AuditGroupKind,
  AuditPlatform,
  SlackInstallationRecord,
  WorkspaceRecord,
} from './types';

/** What both engines share about turning rows into records. */

/** Dates come back as epoch milliseconds (SQLite) or Date (PostgreSQL timestamptz). */
type StoredDate = Date | number;

const toDate = (value: StoredDate): Date => (value instanceof Date ? value : new Date(value));

/** An audit row as both engines select it. */
export interface AuditRow {
  /** INTEGER in SQLite; bigserial, which pg returns as a string. */
  id: number | string;
  at: StoredDate;
  workspace_id: string;
  user_id: string;
  /** The columns of migration 2 are NULL in rows written before it. */
  user_name: string | null;
  platform: string | null;
  action: string;
  person_group_id: string | null;
  group_kind: string | null;
  outcome: string;
  error_code: string | null;
  duration_ms: number | string | null;
  request_id: string | null;
}

/** Builds an AuditEntry, leaving absent optional fields out (exactOptionalPropertyTypes). */
export function auditEntryFromRow(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    id: Number(row.id),
    at: toDate(row.at),
    workspaceId: row.workspace_id,
    userId: row.user_id,
    action: row.action as AuditAction,
    outcome: row.outcome,
  };
  if (row.user_name !== null) entry.userName = row.user_name;
  if (row.platform !== null) entry.platform = row.platform as AuditPlatform;
  if (row.person_group_id !== null) entry.personGroupId = row.person_group_id;
  if (row.group_kind !== null) entry.groupKind = row.group_kind as AuditGroupKind;
  if (row.error_code !== null) entry.errorCode = row.error_code;
  if (row.duration_ms !== null) entry.durationMs = Number(row.duration_ms);
  if (row.request_id !== null) entry.requestId = row.request_id;
  return entry;
}

/** The columns an audit INSERT fills: `at`, then those of auditValues in their order. */
const AUDIT_COLUMNS = [
  'at',
  'workspace_id',
  'user_id',
  'user_name',
  'platform',
  'action',
  'person_group_id',
  'group_kind',
  'outcome',
  'error_code',
  'duration_ms',
  'request_id',
];

/** The audit INSERT, `placeholder(n)` writing the n-th (1-based) bind parameter in the engine's style. */
export function auditInsertSql(placeholder: (index: number) => string): string {
  const params = AUDIT_COLUMNS.map((_, index) => placeholder(index + 1));
  return `INSERT INTO audit (${AUDIT_COLUMNS.join(', ')}) VALUES (${params.join(', ')})`;
}

/** The columns of an audit entry after `at`, in AUDIT_COLUMNS order, absent values as NULL. */
export function auditValues(entry: AuditEntry): (string | number | null)[] {
  return [
    entry.workspaceId,
    entry.userId,
    entry.userName ?? null,
    entry.platform ?? null,
    entry.action,
    entry.personGroupId ?? null,
    entry.groupKind ?? null,
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
