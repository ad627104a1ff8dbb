import type { TurnContext } from 'botbuilder';
import type { RequestContext } from '../http/server';
import type { Logger } from '../logger';
import type { Actor, ConfigureOutcome, CreateOutcome, TargetDescription } from '../provisioning/outcome';

/**
 * The use cases the Teams adapter calls, declared by shape (src/provisioning's `createProvisioning`
 * satisfies it) so the adapter depends on what it uses.
 */
export interface TeamsProvisioning {
  createPersonGroup(request: {
    workspaceId: string;
    actor: Actor;
    values: Record<string, unknown>;
  }): Promise<CreateOutcome>;
  configureWorkspace(request: {
    workspaceId: string;
    actor: Actor;
    isAdmin: boolean;
    values: Record<string, unknown>;
  }): Promise<ConfigureOutcome>;
  describeWorkspace(
    workspaceId: string,
  ): Promise<{ configured: boolean; target?: TargetDescription | undefined }>;
}

/** What every Teams handler gets. */
export interface TeamsDeps {
  provisioning: TeamsProvisioning;
  /** BOT_ADMINS: Entra object ids allowed to configure a workspace. */
  admins: readonly string[];
  logger: Logger;
}

/** turnState key of the HTTP request a turn belongs to (its correlation id and logger). */
export const REQUEST_CONTEXT_KEY = Symbol('persongroup.requestContext');

/** The logger of the request behind this turn (with its request id), else the adapter's. */
export function turnLog(context: TurnContext, fallback: Logger): Logger {
  const request = context.turnState.get(REQUEST_CONTEXT_KEY) as RequestContext | undefined;
  return request?.log ?? fallback;
}

/** The correlation id of the request behind this turn, for replies that ask users to quote it. */
export function turnRequestId(context: TurnContext): string | undefined {
  return (context.turnState.get(REQUEST_CONTEXT_KEY) as RequestContext | undefined)?.requestId;
}
