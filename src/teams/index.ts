import type { Config } from '../config';
import type { RouteHandler } from '../http/server';
import type { Logger } from '../logger';
import { createTeamsAdapter } from './adapter';
import { PersonGroupBot } from './bot';
import { REQUEST_CONTEXT_KEY, type TeamsProvisioning } from './deps';
import { bridgeToAdapter } from './http-bridge';
import { createTurnErrorHandler } from './turn-error';

export type { TeamsProvisioning } from './deps';

export interface TeamsEndpointOptions {
  /** config.teams: Bot Framework credentials (undefined: no authentication, local clients only). */
  config: Pick<Config, 'teams' | 'admins'>;
  provisioning: TeamsProvisioning;
  logger: Logger;
}

/**
 * The `/api/messages` route: Bot Framework activities from Teams, the Agents Playground or the Bot
 * Framework Emulator, through botbuilder's CloudAdapter into the persongroup bot. With config.teams set,
 * requests without a valid token get 401; without it, every request is accepted (the composition root
 * only mounts it on a loopback address then). Every botbuilder import of the project stays in src/teams.
 */
export function createTeamsEndpoint(options: TeamsEndpointOptions): RouteHandler {
  const { config, provisioning, logger } = options;
  const adapter = createTeamsAdapter(config.teams);
  adapter.onTurnError = createTurnErrorHandler(logger);
  const bot = new PersonGroupBot({ provisioning, admins: config.admins, logger });
  return (req, res, request) =>
    bridgeToAdapter(req, res, request, adapter, async (context, requestContext) => {
      context.turnState.set(REQUEST_CONTEXT_KEY, requestContext);
      await bot.run(context);
    });
}
