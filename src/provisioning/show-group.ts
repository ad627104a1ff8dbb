import { describeFaceFailure } from '../face/errors';
import type { FaceFailure } from '../face/failure';
import {
  type FaceGroup,
  type FaceTarget,
  GROUP_KINDS,
  type GroupKind,
  type TrainingStatus,
} from '../face/types';
import { StoreUnavailableError } from '../store/errors';
import type { ProvisioningDeps } from './deps';
import type { GroupCreator, ShowOutcome, TrainingView } from './group-outcomes';
import { accessWorkspace } from './workspace-access';

/** `/persongroup show <id>`: `kind` when the user already picked one (a button, `--large`). */
export interface ShowRequest {
  workspaceId: string;
  groupId: string;
  kind?: GroupKind;
}

/** Persons are counted to this many ("1,000+" beyond): one list call. */
export const PERSON_COUNT_CAP = 1000;

type Lookup = { found: FaceGroup } | { missing: FaceFailure };

/** A failure the show cannot go on from (anything but "no such group"). */
class LookupFailed extends Error {
  override name = 'LookupFailed';
  constructor(readonly failure: FaceFailure) {
    super(failure.title);
  }
}

/**
 * Builds the show use case: the group (either kind, or the one asked for), its person count, its training
 * and, from the audit, who created it through this bot. Two kinds with the same id are "ambiguous".
 */
export function showGroupUseCase(deps: ProvisioningDeps) {
  const opts = () => ({ budgetMs: deps.budgetMs });

  async function lookup(target: FaceTarget, kind: GroupKind, id: string): Promise<Lookup> {
    try {
      return { found: await deps.faceClient.getGroup(target, kind, id, opts()) };
    } catch (error) {
      const failure = describeFaceFailure(error);
      if (failure.kind === 'not_found') return { missing: failure };
      throw new LookupFailed(failure);
    }
  }

  async function training(target: FaceTarget, group: FaceGroup): Promise<TrainingView> {
    let status: TrainingStatus;
    try {
      status = await deps.faceClient.getTrainingStatus(target, group.kind, group.groupId, opts());
    } catch (error) {
      const failure = describeFaceFailure(error);
      if (failure.kind === 'not_trained') return { state: 'never' };
      throw new LookupFailed(failure);
    }
    if (status.status === 'succeeded') {
      const at = parseDate(status.lastSuccessfulTrainingDateTime ?? status.lastActionDateTime);
      return at ? { state: 'succeeded', at } : { state: 'succeeded' };
    }
    if (status.status === 'failed') {
      return status.message ? { state: 'failed', message: status.message } : { state: 'failed' };
    }
    return { state: status.status };
  }

  async function creator(workspaceId: string, group: FaceGroup): Promise<GroupCreator | undefined> {
    try {
      const entries = await deps.store.listAudit({
        workspaceId,
        personGroupId: group.groupId,
        actions: ['create_person_group'],
        outcomes: ['created'],
        limit: 10,
      });
      const entry = entries.find((e) => (e.groupKind ?? 'personGroup') === group.kind);
      if (!entry) return undefined;
      return {
        name: entry.userName || entry.userId,
        at: entry.at,
        ...(entry.platform ? { platform: entry.platform } : {}),
      };
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      deps.logger.warn({ err: error, workspaceId }, 'the audit could not say who created a group');
      return undefined;
    }
  }

  return async function showGroup(request: ShowRequest): Promise<ShowOutcome> {
    const access = await accessWorkspace(deps, request.workspaceId);
    if (access.kind !== 'target') return access;
    const { target } = access;
    try {
      const kinds = request.kind ? [request.kind] : GROUP_KINDS;
      const lookups = await Promise.all(kinds.map((kind) => lookup(target, kind, request.groupId)));
      const found = lookups.flatMap((l) => ('found' in l ? [l.found] : []));
      const [group] = found;
      if (found.length > 1) {
        return { kind: 'ambiguous', groupId: request.groupId, kinds: found.map((g) => g.kind) };
      }
      if (!group) {
        const [firstMissing] = lookups.flatMap((l) => ('missing' in l ? [l.missing] : []));
        return { kind: 'failed', failure: firstMissing ?? describeFaceFailure(undefined) };
      }
      const [persons, trained, createdBy] = await Promise.all([
        deps.faceClient.countPersons(target, group.kind, group.groupId, PERSON_COUNT_CAP, opts()),
        training(target, group),
        creator(request.workspaceId, group),
      ]);
      return {
        kind: 'shown',
        group,
        persons: { count: persons.count, capped: persons.capped },
        training: trained,
        ...(createdBy ? { creator: createdBy } : {}),
        target: access.description,
        now: deps.clock(),
      };
    } catch (error) {
      const failure = error instanceof LookupFailed ? error.failure : describeFaceFailure(error);
      deps.logger.warn({ err: error, workspaceId: request.workspaceId, kind: failure.kind }, 'show failed');
      return { kind: 'failed', failure };
    }
  };
}

function parseDate(text: string | null | undefined): Date | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
