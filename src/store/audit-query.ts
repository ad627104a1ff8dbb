import type { AuditQuery } from './types';

/** Audit listings return at most this many entries, and this many when no limit is given. */
export const AUDIT_LIMIT_MAX = 1000;
export const AUDIT_LIMIT_DEFAULT = 100;

/** A requested audit limit brought into 1…AUDIT_LIMIT_MAX. */
export function auditLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return AUDIT_LIMIT_DEFAULT;
  return Math.min(AUDIT_LIMIT_MAX, Math.max(1, Math.floor(limit)));
}

/** A requested offset as a whole number ≥ 0 that both engines bind as an integer. */
export function auditOffset(offset: number | undefined): number {
  if (offset === undefined || Number.isNaN(offset)) return 0;
  return Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.floor(offset)));
}

/** SQL text with its bind values, in the order of its placeholders. */
export interface BoundSql {
  sql: string;
  values: (string | number)[];
}

/**
 * The one audit SELECT both engines run: every filter of the query, newest first (the id breaks ties of
 * the same time), one page. `placeholder(n)` writes the n-th (1-based) bind parameter in the engine's
 * style (`?` or `$n`). An empty `actions` or `outcomes` list matches nothing: it names no allowed value.
 */
export function auditSelect(query: AuditQuery, placeholder: (index: number) => string): BoundSql {
  const values: (string | number)[] = [];
  const bind = (value: string | number): string => {
    values.push(value);
    return placeholder(values.length);
  };
  const oneOf = (column: string, allowed: readonly string[]): string =>
    allowed.length === 0 ? '1 = 0' : `${column} IN (${allowed.map(bind).join(', ')})`;

  const conditions: string[] = [];
  if (query.workspaceId !== undefined) conditions.push(`workspace_id = ${bind(query.workspaceId)}`);
  if (query.personGroupId !== undefined) conditions.push(`person_group_id = ${bind(query.personGroupId)}`);
  if (query.actions !== undefined) conditions.push(oneOf('action', query.actions));
  if (query.outcomes !== undefined) conditions.push(oneOf('outcome', query.outcomes));

  const where = conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
  const page = `LIMIT ${bind(auditLimit(query.limit))} OFFSET ${bind(auditOffset(query.offset))}`;
  return { sql: `SELECT * FROM audit${where} ORDER BY at DESC, id DESC ${page}`, values };
}
