import type { TurnContext } from 'botbuilder';
import { usageCard } from '../cards/outcome-cards';
import type { ParsedCommand } from '../provisioning/parse-command';
import { showConfigForm, submitConfigure } from './config-handler';
import { showCreateForm, submitCreate } from './create-handler';
import type { TeamsDeps } from './deps';
import { sendCard } from './reply';
import type { SubmitHandler } from './submission';
import { TEAMS_TEXTS } from './texts';
import { isSharedConversation } from './turn-identity';

type CommandRoutes = {
  [K in ParsedCommand['kind']]: (
    context: TurnContext,
    deps: TeamsDeps,
    command: Extract<ParsedCommand, { kind: K }>,
  ) => Promise<void>;
};

/** Typed commands → what answers them. Help, a bare `persongroup` and unknown words all get the usage card. */
export const COMMAND_ROUTES: CommandRoutes = {
  create: (context, deps, command) => showCreateForm(context, deps, command.prefill),
  config: (context, deps) => showConfigForm(context, deps),
  help: (context) => showUsage(context),
  unknown: (context) => showUsage(context),
};

/** Card verbs → submit handlers, the same for Action.Execute invokes and Action.Submit messages. */
export const SUBMIT_ROUTES: Readonly<Record<string, SubmitHandler>> = {
  personGroupCreate: submitCreate,
  workspaceConfigure: submitConfigure,
};

/** Runs the route of a parsed command. */
export function routeCommand(context: TurnContext, deps: TeamsDeps, command: ParsedCommand): Promise<void> {
  const route = COMMAND_ROUTES[command.kind] as (
    c: TurnContext,
    d: TeamsDeps,
    x: ParsedCommand,
  ) => Promise<void>;
  return route(context, deps, command);
}

/** The submit handler of a card verb; undefined for a verb this bot does not (or no longer) know. */
export function submitHandlerFor(verb: unknown): SubmitHandler | undefined {
  return typeof verb === 'string' && Object.hasOwn(SUBMIT_ROUTES, verb) ? SUBMIT_ROUTES[verb] : undefined;
}

async function showUsage(context: TurnContext): Promise<void> {
  const { activity } = context;
  const note = isSharedConversation(activity)
    ? TEAMS_TEXTS.usageInSharedConversation(activity.recipient?.name || 'persongroup-bot')
    : '';
  await sendCard(context, usageCard(note));
}
