/**
 * Training a group: start it (POST …/train, 202) and read its status (GET …/training). A training that is
 * already running is shown as running, not as an error; a group without persons or faces reaches the
 * user as one message whether the service refuses at once (400) or the status ends `failed`.
 */
import { describeFaceFailure, describeFailedTraining, InvalidPersonGroupFieldsError } from '../face/errors';
import { validGroupId } from '../face/group-operations';
import { checkPersonGroupId } from '../face/rules';
import type { FaceTarget, TrainingStatus } from '../face/types';
import { elapsedMs, recordAudit } from './audit';
import type { ProvisioningDeps } from './deps';
import { auditErrorCode } from './error-code';
import { locateGroup } from './locate-group';
import type { TargetDescription } from './outcome';
import type { TrainingGroup, TrainingOutcome, TrainingStatusRequest, TrainRequest } from './training';
import { recordTrainingEnd } from './training-audit';
import { accessWorkspace } from './workspace-access';

type Located =
  | { kind: 'located'; target: FaceTarget; description: TargetDescription; group: TrainingGroup }
  | { kind: 'answer'; outcome: TrainingOutcome; errorCode?: string };

/**
 * The workspace's target and which kind holds the id (locateGroup looks in both when no kind is given),
 * or the outcome that ends the request there.
 */
async function locate(deps: ProvisioningDeps, request: TrainingStatusRequest): Promise<Located> {
  const access = await accessWorkspace(deps, request.workspaceId);
  if (access.kind === 'not_configured') return { kind: 'answer', outcome: { kind: 'not_configured' } };
  if (access.kind === 'failed')
    return {
      kind: 'answer',
      outcome: { kind: 'failed', failure: access.failure },
      errorCode: access.errorCode,
    };
  const { target, description } = access;
  const personGroupId = validGroupId(request.personGroupId);
  if (request.kind)
    return { kind: 'located', target, description, group: { personGroupId, kind: request.kind } };
  const found = await locateGroup(deps, { workspaceId: request.workspaceId, personGroupId });
  if (found.kind === 'found')
    return { kind: 'located', target, description, group: { personGroupId, kind: found.group.kind } };
  if (found.kind === 'ambiguous') return { kind: 'answer', outcome: { kind: 'ambiguous', personGroupId } };
  if (found.kind === 'not_configured') return { kind: 'answer', outcome: { kind: 'not_configured' } };
  return {
    kind: 'answer',
    outcome: { kind: 'failed', failure: found.failure },
    errorCode: found.failure.kind,
  };
}

/** The service's status as an outcome. */
export function statusOutcome(
  group: TrainingGroup,
  target: TargetDescription,
  status: TrainingStatus,
): TrainingOutcome {
  const outcome: TrainingOutcome = { kind: 'status', group, target, state: status.status };
  const when =
    status.status === 'succeeded'
      ? (status.lastSuccessfulTrainingDateTime ?? status.lastActionDateTime)
      : status.lastActionDateTime;
  const at = when ? new Date(when) : undefined;
  if (at && !Number.isNaN(at.getTime())) outcome.at = at;
  if (status.status === 'failed') {
    outcome.failure = describeFailedTraining(group.kind);
    if (status.message) outcome.serviceMessage = status.message;
  }
  return outcome;
}

/** An id no group can have: answered without a Face call. */
function invalidId(personGroupId: string): TrainingOutcome | undefined {
  const checked = checkPersonGroupId(personGroupId);
  if (checked.ok) return undefined;
  return { kind: 'failed', failure: describeFaceFailure(new InvalidPersonGroupFieldsError([checked.error])) };
}

export function trainingUseCases(deps: ProvisioningDeps) {
  /** POST …/train: started (running), already running, refused, or why not; one audit event. */
  async function trainGroup(request: TrainRequest): Promise<TrainingOutcome> {
    const invalid = invalidId(request.personGroupId);
    if (invalid) return invalid;
    const start = performance.now();
    const located = await locate(deps, request);
    let outcome: TrainingOutcome;
    let auditOutcome: string;
    let errorCode: string | undefined;
    let requestId: string | undefined;
    let group: TrainingGroup | undefined;
    if (located.kind === 'answer') {
      outcome = located.outcome;
      errorCode = located.errorCode;
      auditOutcome = outcome.kind === 'failed' ? `failed:${outcome.failure.kind}` : outcome.kind;
    } else {
      group = located.group;
      try {
        const started = await deps.faceClient.train(located.target, group.kind, group.personGroupId);
        requestId = started.requestId;
        outcome = { kind: 'status', group, target: located.description, state: 'running', at: deps.clock() };
        auditOutcome = 'started';
      } catch (error) {
        const failure = describeFaceFailure(error);
        requestId = failure.requestId;
        errorCode = auditErrorCode(error);
        if (failure.kind === 'training_running') {
          outcome = {
            kind: 'status',
            group,
            target: located.description,
            state: 'running',
            alreadyRunning: true,
          };
          auditOutcome = 'already_running';
        } else if (failure.kind === 'nothing_to_train') {
          outcome = { kind: 'status', group, target: located.description, state: 'failed', failure };
          auditOutcome = 'failed:nothing_to_train';
        } else {
          outcome = { kind: 'failed', failure, group };
          auditOutcome = `failed:${failure.kind}`;
        }
      }
    }
    await recordAudit(deps.store, deps.logger, {
      at: deps.clock(),
      workspaceId: request.workspaceId,
      userId: request.actor.id,
      userName: request.actor.name,
      platform: request.platform,
      action: 'train_person_group',
      personGroupId: request.personGroupId,
      ...(group ? { groupKind: group.kind } : {}),
      outcome: auditOutcome,
      ...(errorCode ? { errorCode } : {}),
      ...(requestId ? { requestId } : {}),
      durationMs: elapsedMs(start),
    });
    return outcome;
  }

  /** GET …/training now; a training seen ending is recorded in the audit once (see training-audit.ts). */
  async function readTraining(
    request: TrainingStatusRequest,
    signal?: AbortSignal,
  ): Promise<TrainingOutcome> {
    const invalid = invalidId(request.personGroupId);
    if (invalid) return invalid;
    const located = await locate(deps, request);
    if (located.kind === 'answer') return located.outcome;
    const { group, target, description } = located;
    let status: TrainingStatus;
    try {
      status = await deps.faceClient.getTrainingStatus(
        target,
        group.kind,
        group.personGroupId,
        signal ? { signal } : undefined,
      );
    } catch (error) {
      signal?.throwIfAborted();
      const failure = describeFaceFailure(error);
      if (failure.kind === 'not_trained') return { kind: 'never_trained', group, target: description };
      return { kind: 'failed', failure, group };
    }
    const outcome = statusOutcome(group, description, status);
    if (status.status === 'succeeded' || status.status === 'failed') {
      await recordTrainingEnd(deps, request.workspaceId, group, status.status);
    }
    return outcome;
  }

  return { trainGroup, readTraining };
}
