import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../types';
import { workspaceIdOf } from '../workspace';

/**
 * `app_uninstalled` and `tokens_revoked` (bot tokens): the workspace's installation is deleted, so no later
 * request is answered with a dead token. The Face settings stay: reinstalling must not ask for the key again.
 */
export function installationRemoved(deps: ListenerDeps) {
  return async (
    args: SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs,
  ): Promise<void> => {
    const { event, context } = args;
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const workspaceId = workspaceIdOf(context);
    await deps.store.removeSlackInstallation(workspaceId);
    deps.logger.info({ workspaceId, event: event.type }, 'Slack installation removed');
  };
}
