import type { FaceTarget, GroupKind, PersonGroupFields } from '../face/types';
import type { ProvisioningDeps } from './deps';

/** Audited outcomes after which the service may have created the group though nobody heard it say so. */
const AMBIGUOUS_OUTCOMES = ['failed:timeout', 'failed:network', 'failed:service_unavailable'];

/**
 * True when a 409 for this create is the bot's own earlier attempt: an earlier create of the id ended
 * without an answer (timeout, reset, 5xx), none succeeded since, and the group the service holds has
 * exactly these settings (GET). Anything that cannot be checked answers false: "already exists" stands.
 */
export async function earlierAttemptWentThrough(
  deps: Pick<ProvisioningDeps, 'store' | 'faceClient' | 'logger' | 'budgetMs'>,
  target: FaceTarget,
  workspaceId: string,
  fields: PersonGroupFields,
  kind: GroupKind = 'personGroup',
): Promise<boolean> {
  try {
    const entries = await deps.store.listAudit({
      workspaceId,
      personGroupId: fields.personGroupId,
      actions: ['create_person_group'],
      limit: 20,
    });
    // Entries of the other kind (the same id in the other collection) say nothing about this one.
    const ofKind = entries.filter((entry) => (entry.groupKind ?? 'personGroup') === kind);
    const ambiguous = ofKind.findIndex((entry) => AMBIGUOUS_OUTCOMES.includes(entry.outcome));
    const created = ofKind.findIndex((entry) => entry.outcome === 'created');
    if (ambiguous === -1 || (created !== -1 && created < ambiguous)) return false;
    const group = await deps.faceClient.getGroup(target, kind, fields.personGroupId, {
      budgetMs: deps.budgetMs,
    });
    return (
      group.name === fields.name &&
      (group.userData ?? '') === (fields.userData ?? '') &&
      (group.recognitionModel === undefined || group.recognitionModel === fields.recognitionModel)
    );
  } catch (error) {
    deps.logger.warn(
      { err: error, workspaceId, personGroupId: fields.personGroupId },
      'could not check whether an earlier attempt created the group',
    );
    return false;
  }
}
