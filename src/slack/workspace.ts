import type { Context } from '@slack/bolt';

/**
 * The workspace a request belongs to: `slack:<enterprise_id>` for org-wide installs, else
 * `slack:<team_id>` (CONTRACT.md "Workspaces"); the team of each request, also in single-token mode.
 */
export function workspaceIdOf(
  context: Pick<Context, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>,
): string {
  const id = context.isEnterpriseInstall && context.enterpriseId ? context.enterpriseId : context.teamId;
  if (!id) throw new MissingWorkspaceError();
  return `slack:${id}`;
}

/** A request carried neither a team nor an enterprise id: nothing can be done for it. */
export class MissingWorkspaceError extends Error {
  override name = 'MissingWorkspaceError';
  constructor() {
    super('the Slack request names no team_id or enterprise_id');
  }
}
