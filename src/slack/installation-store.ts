import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { WorkspaceStore } from '../store/types';
import type { InstallationSealer } from './types';

/** No installation is stored for the workspace a request came from (not installed, or uninstalled). */
export class InstallationNotFoundError extends Error {
  override name = 'InstallationNotFoundError';
  constructor(readonly workspaceId: string) {
    super(`no Slack installation for ${workspaceId}: install the app in that workspace first`);
  }
}

/** `slack:<enterprise_id>` for org-wide installs, else `slack:<team_id>`. */
function workspaceIdOfQuery(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string;
  teamId?: string;
}): string {
  const id = query.isEnterpriseInstall && query.enterpriseId ? query.enterpriseId : query.teamId;
  if (!id) throw new InstallationNotFoundError('slack:?');
  return `slack:${id}`;
}

/**
 * Bolt's InstallationStore over our WorkspaceStore: one installation per workspace, the whole Installation
 * (it holds the bot token) sealed with the same AES-256-GCM box as Face keys. Bolt's authorize fetches from
 * here, so each request is answered with its own workspace's token.
 */
export function createInstallationStore(
  store: WorkspaceStore,
  sealer: InstallationSealer,
): InstallationStore {
  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const workspaceId = workspaceIdOfQuery({
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
        ...(installation.team?.id ? { teamId: installation.team.id } : {}),
      });
      await store.putSlackInstallation({
        workspaceId,
        sealedInstallation: sealer.seal(JSON.stringify(installation)),
        updatedAt: new Date(),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
      const workspaceId = workspaceIdOfQuery(plainQuery(query));
      const record = await store.getSlackInstallation(workspaceId);
      if (!record) throw new InstallationNotFoundError(workspaceId);
      return JSON.parse(sealer.open(record.sealedInstallation)) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      await store.removeSlackInstallation(workspaceIdOfQuery(plainQuery(query)));
    },
  };
}

function plainQuery(query: InstallationQuery<boolean>) {
  return {
    isEnterpriseInstall: query.isEnterpriseInstall,
    ...(query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}),
    ...(query.teamId ? { teamId: query.teamId } : {}),
  };
}
