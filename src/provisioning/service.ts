import { elapsedMs, recordAudit } from './audit';
import type { DeleteOutcome, DeleteRights, GroupRef, LocateOutcome, UpdateOutcome } from './change-outcome';
import { type ConfigureRequest, configureWorkspaceUseCase } from './configure-workspace';
import { type CreateRequest, createPersonGroupUseCase } from './create-person-group';
import { type DeleteRequest, deleteGroupUseCase, deleteRights, type RightsRequest } from './delete-group';
import type { ProvisioningDeps } from './deps';
import { groupHistoryUseCase, type HistoryRequest } from './group-history';
import type { HistoryOutcome, ListOutcome, ShowOutcome } from './group-outcomes';
import { type ListRequest, listGroupsUseCase } from './list-groups';
import { locateGroup } from './locate-group';
import type { Actor, ConfigureOutcome, CreateOutcome, TargetDescription } from './outcome';
import { type ShowRequest, showGroupUseCase } from './show-group';
import { guardStore } from './store-guard';
import { trainingUseCases } from './train-group';
import type { TrainingOutcome, TrainingStatusRequest, TrainRequest } from './training';
import { watchTraining } from './training-watch';
import { type UpdateRequest, updateGroupUseCase } from './update-group';
import { describePlacement, EMULATOR_DESCRIPTION, placementOf } from './workspace-target';

/** What a workspace is set up with, for people (the form's "uses the emulator" banner, `workspace show`). */
export interface WorkspaceDescription {
  configured: boolean;
  /** Where creates go; absent when they cannot go anywhere (not configured, outside local mode). */
  target?: TargetDescription;
}

/** The provisioning use cases, free of any chat platform. Adapters call these and render the outcomes. */
export interface Provisioning {
  createPersonGroup(request: CreateRequest): Promise<CreateOutcome>;
  configureWorkspace(request: ConfigureRequest): Promise<ConfigureOutcome>;
  describeWorkspace(workspaceId: string): Promise<WorkspaceDescription>;
  /** Forgets a workspace's key and region (audited); false when there was none. */
  removeWorkspace(workspaceId: string, actor: Actor): Promise<boolean>;
  /** Finds a group of either kind (or of the given kind) by id. */
  locateGroup(ref: GroupRef): Promise<LocateOutcome>;
  /** PATCHes a group's name and user data from an edit form (audited). */
  updateGroup(request: UpdateRequest): Promise<UpdateOutcome>;
  /** Whether the actor may delete the group (admins, and its creator through this bot). */
  deleteRights(request: RightsRequest): Promise<DeleteRights>;
  /** Deletes a group after its typed confirmation, rights checked again (audited). */
  deleteGroup(request: DeleteRequest): Promise<DeleteOutcome>;
  /** Groups of both kinds in id order, a page at a time (the first page counts them). */
  listGroups(request: ListRequest): Promise<ListOutcome>;
  /** One group of either kind: details, persons, training, who created it. */
  showGroup(request: ShowRequest): Promise<ShowOutcome>;
  /** The workspace's audit events, newest first, a page at a time. */
  groupHistory(request: HistoryRequest): Promise<HistoryOutcome>;
  /** Starts training a group (audited): running, already running, nothing to train, or why not. */
  trainGroup(request: TrainRequest): Promise<TrainingOutcome>;
  /** The training status now; a training seen ending is recorded in the audit once. */
  readTraining(request: TrainingStatusRequest, signal?: AbortSignal): Promise<TrainingOutcome>;
  /** Follows a training with back-off until it settles or the bounded wait ends (see training-watch.ts). */
  watchTraining(request: TrainingStatusRequest, signal: AbortSignal): AsyncIterable<TrainingOutcome>;
}

/** Builds the use cases over the given store, Face client, secret box, clock and logger. */
export function createProvisioning(given: ProvisioningDeps): Provisioning {
  // A failing database reaches the use cases as StoreUnavailableError, which they answer as an outcome.
  const deps: ProvisioningDeps = { ...given, store: guardStore(given.store) };
  const createPersonGroup = createPersonGroupUseCase(deps);
  const configureWorkspace = configureWorkspaceUseCase(deps);

  async function describeWorkspace(workspaceId: string): Promise<WorkspaceDescription> {
    const record = await deps.store.getWorkspace(workspaceId);
    if (record !== undefined)
      return { configured: true, target: describePlacement(placementOf(record), deps.faceEndpointOverride) };
    if (deps.localMode) return { configured: false, target: EMULATOR_DESCRIPTION };
    return { configured: false };
  }

  async function removeWorkspace(workspaceId: string, actor: Actor): Promise<boolean> {
    const start = performance.now();
    const removed = await deps.store.removeWorkspace(workspaceId);
    await recordAudit(deps.store, deps.logger, {
      at: deps.clock(),
      workspaceId,
      userId: actor.id,
      action: 'remove_workspace',
      outcome: removed ? 'removed' : 'not_found',
      durationMs: elapsedMs(start),
    });
    return removed;
  }

  const { trainGroup, readTraining } = trainingUseCases(deps);
  const watch = (request: TrainingStatusRequest, signal: AbortSignal) =>
    watchTraining(
      {
        read: readTraining,
        clock: deps.clock,
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.trainingPoll ? { poll: deps.trainingPoll } : {}),
      },
      request,
      signal,
    );

  return {
    createPersonGroup,
    configureWorkspace,
    describeWorkspace,
    removeWorkspace,
    locateGroup: (ref) => locateGroup(deps, ref),
    updateGroup: updateGroupUseCase(deps),
    deleteRights: (request) => deleteRights(deps, request),
    deleteGroup: deleteGroupUseCase(deps),
    listGroups: listGroupsUseCase(deps),
    showGroup: showGroupUseCase(deps),
    groupHistory: groupHistoryUseCase(deps),
    trainGroup,
    readTraining,
    watchTraining: watch,
  };
}
