import { describeFaceFailure } from '../face/errors';
import { validatePersonGroupFields } from '../face/rules';
import type { GroupChanges, GroupKind } from '../face/types';
import type { AuditPlatform } from '../store/types';
import { auditGroupChange, requestIdOf } from './change-audit';
import type { UpdateOutcome } from './change-outcome';
import type { ProvisioningDeps } from './deps';
import { auditErrorCode } from './error-code';
import { isGroupKind } from './locate-group';
import type { Actor, FormValues } from './outcome';
import { accessWorkspace } from './workspace-access';

/** An edit form's submission: the group it is for (its carried data) and the inputs `name`, `userData`. */
export interface UpdateRequest {
  workspaceId: string;
  actor: Actor;
  platform?: AuditPlatform;
  /** personGroupId and kind (the form's data), name and userData (its inputs). */
  values: Record<string, unknown>;
}

function formValues(values: Record<string, unknown>): FormValues {
  const kept: FormValues = {};
  for (const field of ['personGroupId', 'kind', 'name', 'userData']) {
    const value = values[field];
    if (typeof value === 'string') kept[field] = value;
  }
  return kept;
}

function outcomeLabel(outcome: UpdateOutcome): string {
  return outcome.kind === 'failed' ? `failed:${outcome.failure.kind}` : outcome.kind;
}

/**
 * Builds the edit use case: the create rules check the id, name and user data (every broken rule at
 * once, nothing invalid is sent); then one PATCH of the name and, when the form had the input, the user
 * data ('' clears it; an absent input leaves it as it is). Every submission is one audit event.
 */
export function updateGroupUseCase(
  deps: ProvisioningDeps,
): (request: UpdateRequest) => Promise<UpdateOutcome> {
  async function decide(
    request: UpdateRequest,
    kind: GroupKind,
  ): Promise<{ outcome: UpdateOutcome; errorCode?: string; personGroupId?: string }> {
    const values = formValues(request.values);
    const checked = validatePersonGroupFields({
      personGroupId: request.values.personGroupId,
      name: request.values.name,
      userData: request.values.userData,
    });
    if (!checked.ok) {
      const errorCode = `invalid:${checked.errors.map((error) => error.field).join(',')}`;
      return { outcome: { kind: 'invalid', errors: checked.errors, values }, errorCode };
    }
    const { personGroupId, name, userData } = checked.value;
    const access = await accessWorkspace(deps, request.workspaceId);
    if (access.kind === 'not_configured') {
      return { outcome: { kind: 'not_configured', workspaceId: request.workspaceId }, personGroupId };
    }
    if (access.kind === 'failed') {
      const outcome: UpdateOutcome = { kind: 'failed', failure: access.failure, values };
      return { outcome, errorCode: access.errorCode, personGroupId };
    }
    const changes: GroupChanges = { name };
    if (typeof request.values.userData === 'string') changes.userData = userData ?? '';
    try {
      const result = await deps.faceClient.updateGroup(access.target, kind, personGroupId, changes, {
        budgetMs: deps.budgetMs,
      });
      const group = { personGroupId, kind, name, ...(userData === undefined ? {} : { userData }) };
      const outcome: UpdateOutcome = {
        kind: 'updated',
        group,
        target: access.description,
        by: request.actor,
        at: deps.clock(),
        ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
      };
      return { outcome, personGroupId };
    } catch (error) {
      const failure = describeFaceFailure(error);
      const errorCode = auditErrorCode(error);
      deps.logger.warn(
        { err: error, workspaceId: request.workspaceId, personGroupId, kind: failure.kind, errorCode },
        'group update failed',
      );
      return { outcome: { kind: 'failed', failure, values }, errorCode, personGroupId };
    }
  }

  return async function updateGroup(request: UpdateRequest): Promise<UpdateOutcome> {
    const start = performance.now();
    // A card without a (known) kind predates large person groups: its group is a person group.
    const kind = isGroupKind(request.values.kind) ? request.values.kind : 'personGroup';
    const { outcome, errorCode, personGroupId } = await decide(request, kind);
    await auditGroupChange(deps, {
      workspaceId: request.workspaceId,
      actor: request.actor,
      platform: request.platform,
      action: 'update_person_group',
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
