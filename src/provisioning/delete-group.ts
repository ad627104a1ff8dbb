import { describeFaceFailure, InvalidPersonGroupFieldsError } from '../face/errors';
import { checkPersonGroupId } from '../face/rules';
import type { GroupKind } from '../face/types';
import { StoreUnavailableError } from '../store/errors';
import type { AuditPlatform } from '../store/types';
import { auditGroupChange, requestIdOf } from './change-audit';
import type { DeleteOutcome, DeleteRights } from './change-outcome';
import type { ProvisioningDeps } from './deps';
import { auditErrorCode } from './error-code';
import { creatorOf } from './group-creator';
import { isGroupKind } from './locate-group';
import { storeUnavailableFailure } from './messages';
import type { Actor } from './outcome';
import { accessWorkspace } from './workspace-access';

/** Who asks to delete which group. `isAdmin` is decided by the adapter (the CLI operator is one). */
export interface RightsRequest {
  workspaceId: string;
  actor: Actor;
  isAdmin: boolean;
  personGroupId: string;
}

/** A delete confirmation's submission: the group (its carried data) and the typed `confirmId`. */
export interface DeleteRequest extends RightsRequest {
  kind: unknown;
  confirmId: unknown;
  platform?: AuditPlatform;
}

/** Admins may delete any group; others only one they created through this bot (per the audit). */
export async function deleteRights(deps: ProvisioningDeps, request: RightsRequest): Promise<DeleteRights> {
  if (request.isAdmin) return { kind: 'allowed' };
  try {
    const creator = await creatorOf(deps, request.workspaceId, request.personGroupId);
    if (creator?.userId === request.actor.id) return { kind: 'allowed' };
    return creator ? { kind: 'forbidden', creator } : { kind: 'forbidden' };
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    deps.logger.error(
      { err: error, workspaceId: request.workspaceId },
      'the audit could not say who may delete',
    );
    return { kind: 'failed', failure: storeUnavailableFailure() };
  }
}

function outcomeLabel(outcome: DeleteOutcome): string {
  if (outcome.kind === 'failed') return `failed:${outcome.failure.kind}`;
  return outcome.kind === 'mistyped' ? 'invalid' : outcome.kind;
}

/**
 * Builds the delete use case. Rights are decided again here (a confirmation can be forwarded), then the
 * typed confirmation must be the id (trimmed), then one DELETE; each submission is one audit event.
 */
export function deleteGroupUseCase(
  deps: ProvisioningDeps,
): (request: DeleteRequest) => Promise<DeleteOutcome> {
  async function decide(
    request: DeleteRequest,
    personGroupId: string,
    kind: GroupKind,
  ): Promise<{ outcome: DeleteOutcome; errorCode?: string }> {
    const rights = await deleteRights(deps, { ...request, personGroupId });
    if (rights.kind === 'failed') return { outcome: rights, errorCode: 'store_unavailable' };
    if (rights.kind === 'forbidden') {
      const outcome: DeleteOutcome = { kind: 'forbidden', personGroupId };
      if (rights.creator) outcome.creator = rights.creator;
      return { outcome };
    }
    const typed = typeof request.confirmId === 'string' ? request.confirmId.trim() : '';
    if (typed !== personGroupId) {
      return {
        outcome: { kind: 'mistyped', personGroupId, groupKind: kind },
        errorCode: 'confirmation_mismatch',
      };
    }
    const access = await accessWorkspace(deps, request.workspaceId);
    if (access.kind === 'not_configured')
      return { outcome: { kind: 'not_configured', workspaceId: request.workspaceId } };
    if (access.kind === 'failed')
      return { outcome: { kind: 'failed', failure: access.failure }, errorCode: access.errorCode };
    try {
      const result = await deps.faceClient.deleteGroup(access.target, kind, personGroupId, {
        budgetMs: deps.budgetMs,
      });
      const outcome: DeleteOutcome = {
        kind: 'deleted',
        personGroupId,
        groupKind: kind,
        target: access.description,
        by: request.actor,
        at: deps.clock(),
        ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
      };
      return { outcome };
    } catch (error) {
      const failure = describeFaceFailure(error);
      const errorCode = auditErrorCode(error);
      deps.logger.warn(
        { err: error, workspaceId: request.workspaceId, personGroupId, kind: failure.kind, errorCode },
        'group delete failed',
      );
      return { outcome: { kind: 'failed', failure }, errorCode };
    }
  }

  return async function deleteGroup(request: DeleteRequest): Promise<DeleteOutcome> {
    const start = performance.now();
    // A card without a (known) kind predates large person groups: its group is a person group.
    const kind = isGroupKind(request.kind) ? request.kind : 'personGroup';
    const checked = checkPersonGroupId(request.personGroupId);
    const personGroupId = checked.ok ? checked.value : undefined;
    const { outcome, errorCode } = checked.ok
      ? await decide(request, checked.value, kind)
      : {
          // Only a tampered or broken card carries a bad id: the forms never let one be typed.
          outcome: {
            kind: 'failed' as const,
            failure: describeFaceFailure(new InvalidPersonGroupFieldsError([checked.error])),
          },
          errorCode: 'invalid:personGroupId',
        };
    await auditGroupChange(deps, {
      workspaceId: request.workspaceId,
      actor: request.actor,
      platform: request.platform,
      action: 'delete_person_group',
      groupKind: kind,
      personGroupId,
      outcome: outcomeLabel(outcome),
      errorCode,
      requestId: requestIdOf(outcome),
      start,
    });
    return outcome;
  };
}
