import { StoreUnavailableError } from '../store/errors';
import type { AuditEntry, AuditPlatform } from '../store/types';
import type { ProvisioningDeps } from './deps';
import type { Failure } from './failure';
import { creatorOf } from './group-creator';
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
  let created: AuditEntry | undefined;
  try {
    created = await creatorOf(deps, workspaceId, personGroupId);
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

/** "Teams", "Slack", "the CLI": where an audited request came from, for people. */
export function platformName(platform: AuditPlatform | undefined): string | undefined {
  if (platform === 'teams') return 'Teams';
  if (platform === 'slack') return 'Slack';
  if (platform === 'cli') return 'the CLI';
  return undefined;
}
