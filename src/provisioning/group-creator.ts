import type { AuditEntry } from '../store/types';
import type { ProvisioningDeps } from './deps';

/**
 * Who created a group through this bot, and when: the newest successful create of that id in the
 * workspace's audit; undefined for a group made elsewhere (the portal, another tool).
 */
export async function creatorOf(
  deps: Pick<ProvisioningDeps, 'store'>,
  workspaceId: string,
  groupId: string,
): Promise<AuditEntry | undefined> {
  const entries = await deps.store.listAudit({
    workspaceId,
    personGroupId: groupId,
    actions: ['create_person_group'],
    outcomes: ['created'],
    limit: 1,
  });
  return entries.find(
    (entry) =>
      entry.personGroupId === groupId &&
      entry.action === 'create_person_group' &&
      entry.outcome === 'created',
  );
}
