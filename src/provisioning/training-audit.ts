import type { TrainingState } from '../face/types';
import { StoreUnavailableError } from '../store/errors';
import type { AuditEntry } from '../store/types';
import { recordAudit } from './audit';
import type { ProvisioningDeps } from './deps';
import type { TrainingGroup } from './training';

/** Audit outcomes of a train request after which the training's end is still to be recorded. */
const OPEN_OUTCOMES = new Set(['started', 'already_running']);

/**
 * How a training ended, as a second `train_person_group` event naming who started it (outcome
 * `succeeded` or `failed:nothing_to_train`). Whoever first sees the end records it (a poll, "Check
 * again", the CLI's --wait): it is written only while the newest train event of the group is still its
 * start, so one training ends once in the audit (two readers in the very same moment may both write).
 */
export async function recordTrainingEnd(
  deps: Pick<ProvisioningDeps, 'store' | 'logger' | 'clock'>,
  workspaceId: string,
  group: TrainingGroup,
  state: Extract<TrainingState, 'succeeded' | 'failed'>,
): Promise<void> {
  let newest: AuditEntry | undefined;
  try {
    [newest] = await deps.store.listAudit({
      workspaceId,
      personGroupId: group.personGroupId,
      actions: ['train_person_group'],
      limit: 1,
    });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    deps.logger.warn(
      { err: error, workspaceId },
      'the audit could not say whether a training end is recorded',
    );
    return;
  }
  if (!newest || !OPEN_OUTCOMES.has(newest.outcome) || newest.groupKind !== group.kind) return;
  await recordAudit(deps.store, deps.logger, {
    at: deps.clock(),
    workspaceId,
    userId: newest.userId,
    ...(newest.userName ? { userName: newest.userName } : {}),
    ...(newest.platform ? { platform: newest.platform } : {}),
    action: 'train_person_group',
    personGroupId: group.personGroupId,
    groupKind: group.kind,
    outcome: state === 'succeeded' ? 'succeeded' : 'failed:nothing_to_train',
  });
}
