import { describeFaceFailure, FaceEndpointError } from '../face/errors';
import { validatePersonGroupFields } from '../face/rules';
import type { FaceTarget, GroupKind, PersonGroupFields } from '../face/types';
import { StoreUnavailableError } from '../store/errors';
import { SecretDecryptError } from '../store/secret-box';
import type { AuditPlatform } from '../store/types';
import { type Attempt, sameSubmission } from './attempt';
import { elapsedMs, recordAuditAndClaim } from './audit';
import { type CoordinatedAttempt, coordinateCreate } from './claim-coordinator';
import type { ProvisioningDeps } from './deps';
import { earlierAttemptWentThrough } from './earlier-attempt';
import { auditErrorCode } from './error-code';
import { describeExisting } from './existing-group';
import { readGroupKind } from './group-kind';
import {
  stillInProgressFailure,
  storeUnavailableFailure,
  unansweredCreateRemedy,
  unreadableKeyFailure,
} from './messages';
import type { Actor, CreateOutcome, FormValues, TargetDescription } from './outcome';
import { describeWorkspaceTarget, resolveWorkspace } from './workspace-target';

/** A create form's submission, as an adapter hands it over. */
export interface CreateRequest {
  workspaceId: string;
  actor: Actor;
  /** The form's raw values by input id (personGroupId, name, userData, recognitionModel, kind). */
  values: Record<string, unknown>;
  /**
   * The submission's identity (the platform's form id and the user): the same submission arriving twice
   * makes one Face call. Absent, every request is its own submission.
   */
  submissionId?: string;
  /** Where the request came from, for the audit. */
  platform?: AuditPlatform;
}

const FORM_FIELDS = ['personGroupId', 'name', 'userData', 'recognitionModel', 'kind'] as const;

/** The form's values as text, so a form can be shown again exactly as the user left it. */
export function formValues(values: Record<string, unknown>): FormValues {
  const kept: FormValues = {};
  for (const field of FORM_FIELDS) {
    const value = values[field];
    if (typeof value === 'string') kept[field] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') kept[field] = String(value);
  }
  return kept;
}

function outcomeLabel(outcome: CreateOutcome): string {
  return outcome.kind === 'failed' ? `failed:${outcome.failure.kind}` : outcome.kind;
}

/** A valid create: the group's fields and which collection it goes to. */
interface Creation {
  fields: PersonGroupFields;
  kind: GroupKind;
}

interface InFlight {
  fields: PersonGroupFields;
  submissionId: string | undefined;
  promise: Promise<Attempt>;
}

/**
 * Builds the create use case. Validates, resolves the workspace, makes at most one Face call per
 * (workspace, personGroupId) at a time — in this process by sharing the in-flight promise, across
 * replicas through the store's claim — and audits every attempt. Face, validation and database problems
 * (a StoreUnavailableError, see store-guard) are outcomes.
 */
export function createPersonGroupUseCase(
  deps: ProvisioningDeps,
): (request: CreateRequest) => Promise<CreateOutcome> {
  const inFlight = new Map<string, InFlight>();

  async function callFace(
    target: FaceTarget,
    description: TargetDescription,
    request: CreateRequest,
    { fields, kind }: Creation,
    values: FormValues,
  ): Promise<Attempt> {
    const created = (extra: { requestId?: string; earlierAttempt?: true }): CreateOutcome => ({
      kind: 'created',
      group: fields,
      groupKind: kind,
      target: description,
      by: request.actor,
      at: deps.clock(),
      ...extra,
    });
    try {
      const result = await deps.faceClient.createGroup(target, kind, fields, { budgetMs: deps.budgetMs });
      return { outcome: created(result.requestId === undefined ? {} : { requestId: result.requestId }) };
    } catch (error) {
      const failure = describeFaceFailure(error);
      const errorCode = auditErrorCode(error);
      if (
        failure.kind === 'already_exists' &&
        (await earlierAttemptWentThrough(deps, target, request.workspaceId, fields, kind))
      ) {
        return { outcome: created({ earlierAttempt: true }), errorCode: 'confirmed_earlier_attempt' };
      }
      deps.logger.warn(
        {
          err: error,
          workspaceId: request.workspaceId,
          personGroupId: fields.personGroupId,
          kind: failure.kind,
          errorCode,
        },
        'person group create failed',
      );
      const told =
        failure.kind === 'timeout'
          ? { ...failure, remedy: unansweredCreateRemedy(failure.remedy, fields.personGroupId) }
          : failure;
      return { outcome: { kind: 'failed', failure: told, values, target: description }, errorCode };
    }
  }

  async function attemptOnce(
    request: CreateRequest,
    creation: Creation,
    values: FormValues,
  ): Promise<CoordinatedAttempt> {
    let resolved: Awaited<ReturnType<typeof resolveWorkspace>>;
    try {
      resolved = await resolveWorkspace(deps, request.workspaceId);
    } catch (error) {
      if (error instanceof FaceEndpointError) {
        // A stored region or endpoint this version no longer accepts: an admin must configure again.
        deps.logger.error(
          { err: error, workspaceId: request.workspaceId },
          'stored Face endpoint is not usable',
        );
        return {
          attempt: {
            outcome: { kind: 'failed', failure: describeFaceFailure(error), values },
            errorCode: 'endpoint_unusable',
          },
          shared: false,
        };
      }
      if (!(error instanceof SecretDecryptError)) throw error;
      deps.logger.error(
        { err: error, workspaceId: request.workspaceId },
        'stored Face key cannot be decrypted',
      );
      return {
        attempt: {
          outcome: { kind: 'failed', failure: unreadableKeyFailure(), values },
          errorCode: 'secret_unreadable',
        },
        shared: false,
      };
    }
    if (resolved.kind === 'not_configured') {
      return {
        attempt: { outcome: { kind: 'not_configured', workspaceId: request.workspaceId, values } },
        shared: false,
      };
    }
    return coordinateCreate({
      store: deps.store,
      logger: deps.logger,
      workspaceId: request.workspaceId,
      fields: creation.fields,
      submissionId: request.submissionId,
      budgetMs: deps.budgetMs,
      pollMs: deps.claimPollMs ?? 100,
      call: () => callFace(resolved.target, resolved.description, request, creation, values),
      onTimeout: () => ({
        outcome: {
          kind: 'failed',
          failure: stillInProgressFailure(creation.fields.personGroupId),
          values,
        },
        errorCode: 'duplicate_wait_timeout',
      }),
    });
  }

  /** Joins an identical request in flight in this process, or starts one (after a rival one ends). */
  async function joinOrStart(
    request: CreateRequest,
    creation: Creation,
    values: FormValues,
  ): Promise<CoordinatedAttempt> {
    const { fields } = creation;
    const key = `${request.workspaceId}\u0000${creation.kind}\u0000${fields.personGroupId}`;
    for (;;) {
      const running = inFlight.get(key);
      if (running === undefined) break;
      if (sameSubmission(running, { submissionId: request.submissionId, fields })) {
        return { attempt: await running.promise, shared: true };
      }
      // A different request for the same id: let it finish, then ask the service (it says "exists").
      await running.promise.catch(() => undefined);
    }
    const started = attemptOnce(request, creation, values);
    const entry: InFlight = {
      fields,
      submissionId: request.submissionId,
      promise: started.then((result) => result.attempt),
    };
    // Joiners see a rejection themselves; this only keeps an unjoined rejection from being "unhandled".
    entry.promise.catch(() => undefined);
    inFlight.set(key, entry);
    try {
      return await started;
    } finally {
      if (inFlight.get(key) === entry) inFlight.delete(key);
    }
  }

  /** Where the workspace's calls go, for a form shown again; undefined when the database cannot say. */
  async function describeForForm(workspaceId: string): Promise<TargetDescription | undefined> {
    try {
      return await describeWorkspaceTarget(deps, workspaceId);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      deps.logger.warn({ err: error, workspaceId }, 'the database failed while describing the workspace');
      return undefined;
    }
  }

  return async function createPersonGroup(request: CreateRequest): Promise<CreateOutcome> {
    const start = performance.now();
    const values = formValues(request.values);
    const checked = validatePersonGroupFields(request.values);
    const kind = readGroupKind(request.values.kind);
    const validation: typeof checked = kind.ok
      ? checked
      : { ok: false, errors: [...(checked.ok ? [] : checked.errors), kind.error] };
    const groupKind = kind.ok ? kind.kind : undefined;
    let result: CoordinatedAttempt;
    if (!validation.ok || groupKind === undefined) {
      const errors = validation.ok ? [] : validation.errors;
      const errorCode = `invalid:${errors.map((error) => error.field).join(',')}`;
      const target = await describeForForm(request.workspaceId);
      result = {
        attempt: {
          outcome: { kind: 'invalid', errors, values, ...(target ? { target } : {}) },
          errorCode,
        },
        shared: false,
      };
    } else {
      try {
        result = await joinOrStart(request, { fields: validation.value, kind: groupKind }, values);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        deps.logger.error(
          { err: error, workspaceId: request.workspaceId, personGroupId: validation.value.personGroupId },
          'the database failed; the create was not carried out',
        );
        result = {
          attempt: {
            outcome: { kind: 'failed', failure: storeUnavailableFailure(), values },
            errorCode: 'store_unavailable',
          },
          shared: false,
        };
      }
    }
    let outcome = result.attempt.outcome;
    if (outcome.kind === 'failed' && outcome.failure.kind === 'already_exists' && validation.ok) {
      outcome = {
        ...outcome,
        failure: await describeExisting(
          deps,
          request.workspaceId,
          validation.value.personGroupId,
          outcome.failure,
        ),
      };
    }
    // A shared result names the person who asked this time; the time stays the creation's.
    if (result.shared && outcome.kind === 'created') outcome = { ...outcome, by: request.actor, twin: true };
    if (outcome.kind !== 'created' && outcome.kind !== 'invalid') outcome = { ...outcome, values };

    const requestId =
      outcome.kind === 'created'
        ? outcome.requestId
        : outcome.kind === 'failed'
          ? outcome.failure.requestId
          : undefined;
    const personGroupId = validation.ok ? validation.value.personGroupId : values.personGroupId;
    await recordAuditAndClaim(deps.store, deps.logger, result.claimToFinish, {
      at: deps.clock(),
      workspaceId: request.workspaceId,
      userId: request.actor.id,
      userName: request.actor.name,
      ...(request.platform ? { platform: request.platform } : {}),
      action: 'create_person_group',
      ...(groupKind === undefined ? {} : { groupKind }),
      ...(personGroupId === undefined || personGroupId === '' ? {} : { personGroupId }),
      outcome: result.shared ? `duplicate:${outcomeLabel(outcome)}` : outcomeLabel(outcome),
      ...(result.attempt.errorCode === undefined ? {} : { errorCode: result.attempt.errorCode }),
      durationMs: elapsedMs(start),
      ...(requestId === undefined ? {} : { requestId }),
    });
    return outcome;
  };
}
