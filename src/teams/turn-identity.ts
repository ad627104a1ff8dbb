import type { Activity } from 'botbuilder';
import type { Actor } from '../provisioning/outcome';
import { MissingTenantError } from './errors';

/** The workspace of a Teams activity: `teams:<tenantId>`. Throws MissingTenantError without a tenant. */
export function workspaceIdOf(activity: Activity): string {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  const tenantId =
    activity.conversation?.tenantId || (typeof fromChannelData === 'string' ? fromChannelData : undefined);
  if (!tenantId) throw new MissingTenantError();
  return `teams:${tenantId}`;
}

/** Who sent the activity: the Entra object id when Teams gives one (that is what BOT_ADMINS lists). */
export function actorOf(activity: Activity): Actor {
  const from = activity.from;
  return { id: from?.aadObjectId || from?.id || 'unknown', name: from?.name || 'Someone' };
}

/** True when the sender's Entra object id is listed in BOT_ADMINS; a bare channel id never is. */
export function isAdmin(activity: Activity, admins: readonly string[]): boolean {
  const objectId = activity.from?.aadObjectId;
  return Boolean(objectId) && admins.some((admin) => admin.toLowerCase() === objectId?.toLowerCase());
}

/** True in a team channel or a group chat: there an outcome belongs to everyone in the conversation. */
export function isSharedConversation(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation?.isGroup === true;
}
