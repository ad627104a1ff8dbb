import type { AuditEntry } from '../../src/store/types';

/**
 * What the code of schema version 1 wrote, for the "old database" tests: each engine builds a database
 * with only migration 1 applied and these rows, as a deployment made before version 2 holds them.
 */
export const VERSION1_AUDIT_COLUMNS =
  'at, workspace_id, user_id, action, person_group_id, outcome, error_code, duration_ms, request_id';

/** The columns after `at` of an entry as version 1 inserted it (it knew no name, platform or kind). */
export function version1AuditValues(entry: AuditEntry): (string | number | null)[] {
  return [
    entry.workspaceId,
    entry.userId,
    entry.action,
    entry.personGroupId ?? null,
    entry.outcome,
    entry.errorCode ?? null,
    entry.durationMs ?? null,
    entry.requestId ?? null,
  ];
}

/** A new database at schema version 1 holding `entries`; returns a store on it, not yet initialised. */
export type OpenVersion1Database<Store> = (entries: readonly AuditEntry[]) => Promise<Store>;
