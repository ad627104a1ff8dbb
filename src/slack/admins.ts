import type { webApi } from '@slack/bolt';

/**
 * Whether a Slack user may configure the workspace: listed in BOT_ADMINS, or an admin or owner of the
 * workspace according to users.info (scope users:read). The list is checked first, with no I/O.
 */
export async function isSlackAdmin(
  client: webApi.WebClient,
  userId: string,
  admins: readonly string[],
): Promise<boolean> {
  if (admins.includes(userId)) return true;
  const info = await client.users.info({ user: userId });
  return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
}
