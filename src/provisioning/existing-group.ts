import { StoreUnavailableError } from '../store/errors';
import type { AuditPlatform } from '../store/types';
import type { ProvisioningDeps } from './deps';
import type { Failure } from './failure';
import { EXISTING_TEXTS } from './messages';

/**
 * "Already exists" with what this bot knows of the group: who created it, where and when (from the
 * audit). A group made outside the bot keeps the service's plain failure.
 */
export async function describeExisting(
  deps: Pick<ProvisioningDeps, 'store' | 'logger' | 'clock'>,
  workspaceId: string,
  personGroupId: string,
  failure: Failure,
): Promise<Failure> {
  let created: Awaited<ReturnType<ProvisioningDeps['store']['listAudit']>>[number] | undefined;
  try {
    const entries = await deps.store.listAudit({
      workspaceId,
      personGroupId,
      actions: ['create_person_group'],
      outcomes: ['created'],
      limit: 1,
    });
    created = entries.find(
      (entry) =>
        entry.personGroupId === personGroupId &&
        entry.action === 'create_person_group' &&
        entry.outcome === 'created',
    );
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    deps.logger.warn({ err: error, workspaceId }, 'the audit could not say who created an existing group');
    return failure;
  }
  if (!created) return failure;
  const who = created.userName || created.userId;
  const detail = EXISTING_TEXTS.createdBy(
    personGroupId,
    who,
    platformName(created.platform),
    created.at,
    deps.clock(),
  );
  return { ...failure, detail };
}

function platformName(platform: AuditPlatform | undefined): string | undefined {
  if (platform === 'teams') return 'Teams';
  if (platform === 'slack') return 'Slack';
  if (platform === 'cli') return 'the CLI';
  return undefined;
}
