import type { webApi } from '@slack/bolt';
import type { Invocation } from '../commands';
import { isSlackAdmin } from './admins';

/**
 * A Slack user's command, button or submission as the command table sees it. Whether they are an admin
 * is asked of Slack (users.info) only when a command needs it, and once.
 */
export function slackInvocation(input: {
  workspaceId: string;
  userId: string;
  userName: string;
  client: webApi.WebClient;
  admins: readonly string[];
}): Invocation {
  let admin: Promise<boolean> | undefined;
  return {
    platform: 'slack',
    workspaceId: input.workspaceId,
    actor: { id: input.userId, name: input.userName || input.userId },
    mention: `<@${input.userId}>`,
    isAdmin: () => {
      admin ??= isSlackAdmin(input.client, input.userId, input.admins);
      return admin;
    },
    useSubmit: false,
    // Announcements go to the command's channel; Slack needs no mention to reach the bot there.
    conversation: { shared: true },
    hidesSecretInput: false,
  };
}
