import type { Context } from '@slack/bolt';

/**
 * The workspace a request belongs to: `slack:<enterprise_id>` for org-wide installs, else
 * `slack:<team_id>` (CONTRACT.md "Workspaces"); the team of each request, also in single-token mode.
 */
export function workspaceIdOf(context: WorkspaceContext): string {
  const id = findWorkspaceId(context);
  if (!id) throw new MissingWorkspaceError();
  return id;
}

/** As workspaceIdOf, but undefined when the request names no team: a payload may lack one. */
export function findWorkspaceId(context: WorkspaceContext): string | undefined {
  const id = context.isEnterpriseInstall && context.enterpriseId ? context.enterpriseId : context.teamId;
  return id ? `slack:${id}` : undefined;
}

type WorkspaceContext = Pick<Context, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>;

/** A request carried neither a team nor an enterprise id: nothing can be done for it. */
export class MissingWorkspaceError extends Error {
  override name = 'MissingWorkspaceError';
  constructor() {
    super('the Slack request names no team_id or enterprise_id');
  }
}
