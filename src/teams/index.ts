import { createTeamsAdapter } from './adapter';
import { PersonGroupBot } from './bot';
import { answerRequest } from './http-bridge';
import { runTurn } from './turn';
import { createTurnErrorHandler } from './turn-error';
import { REQUEST_KEY, type TeamsDeps, type TeamsEndpoint, type TeamsEndpointOptions } from './types';

export type { TeamsCredentials } from './adapter';
export { ACTIVITY_BODY_LIMIT } from './http-bridge';
export type { FollowUp, TeamsAnswer, TeamsEndpoint, TeamsEndpointOptions, TeamsRequest } from './types';

/** Teams allows ~10 s for an invoke answer before "Unable to reach app"; this leaves room for the network. */
export const ANSWER_WITHIN_MS = 8000;

/**
 * The Teams platform: Bot Framework activities from Teams, the Agents Playground or the Bot Framework
 * Emulator, through botbuilder's CloudAdapter into the command table. With credentials, requests without
 * a valid token get 401; without them every request is accepted (the server then listens on loopback
 * only). Every botbuilder import of the project stays in src/teams.
 */
export function createTeamsEndpoint(options: TeamsEndpointOptions): TeamsEndpoint {
  const { credentials, logger } = options;
  const adapter = createTeamsAdapter(credentials);
  adapter.onTurnError = createTurnErrorHandler(logger);
  const deps: TeamsDeps = {
    commands: options.commands,
    admins: options.admins,
    logger,
    answerWithinMs: options.answerWithinMs ?? ANSWER_WITHIN_MS,
  };
  const bot = new PersonGroupBot(deps);
  return {
    handle: (request) =>
      answerRequest(request, adapter, (context) => {
        context.turnState.set(REQUEST_KEY, request);
        return runTurn(context, bot, deps);
      }),
  };
}
