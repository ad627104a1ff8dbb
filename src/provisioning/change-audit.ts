import type { GroupKind } from '../face/types';
import type { AuditAction, AuditPlatform } from '../store/types';
import { elapsedMs, recordAudit } from './audit';
import type { ProvisioningDeps } from './deps';
import type { Actor } from './outcome';

/** One change to a group (edit, delete), as its single audit event records it. */
export interface GroupChangeRecord {
  workspaceId: string;
  actor: Actor;
  platform?: AuditPlatform | undefined;
  action: AuditAction;
  groupKind: GroupKind;
  personGroupId?: string | undefined;
  /** updated, deleted, forbidden, invalid, not_configured, failed:<kind> */
  outcome: string;
  errorCode?: string | undefined;
  requestId?: string | undefined;
  /** performance.now() when the request arrived. */
  start: number;
}

/** Writes the one audit event of a group change (workspace, actor, platform, group, outcome, request id). */
export function auditGroupChange(deps: ProvisioningDeps, change: GroupChangeRecord): Promise<void> {
  const { platform, personGroupId, errorCode, requestId } = change;
  return recordAudit(deps.store, deps.logger, {
    at: deps.clock(),
    workspaceId: change.workspaceId,
    userId: change.actor.id,
    userName: change.actor.name,
    ...(platform === undefined ? {} : { platform }),
    action: change.action,
    groupKind: change.groupKind,
    ...(personGroupId === undefined ? {} : { personGroupId }),
    outcome: change.outcome,
    ...(errorCode === undefined ? {} : { errorCode }),
    durationMs: elapsedMs(change.start),
    ...(requestId === undefined ? {} : { requestId }),
  });
}

/** The Face request id of an outcome that has one (a success's or a failure's). */
export function requestIdOf(
  outcome: { kind: string; requestId?: string } | { kind: 'failed'; failure: { requestId?: string } },
): string | undefined {
  if ('failure' in outcome) return outcome.failure.requestId;
  return 'requestId' in outcome ? outcome.requestId : undefined;
}
