import { type Activity, TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/outcome-cards';
import { parseCommand } from '../provisioning/parse-command';
import { type TeamsDeps, turnLog } from './deps';
import { replaceCard } from './reply';
import { routeCommand, submitHandlerFor } from './routing';
import { isRecord } from './submission';
import { TEAMS_TEXTS } from './texts';

/**
 * A message: either an Action.Submit of one of our cards (it carries `value` with a `verb`), handled like
 * the Action.Execute invoke and answered by replacing the submitted card; or a typed command.
 */
export async function handleMessage(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const { activity } = context;
  if (isRecord(activity.value) && typeof activity.value.verb === 'string') {
    await handleCardSubmit(context, deps, activity.value);
    return;
  }
  await routeCommand(context, deps, parseCommand(commandText(activity)));
}

/**
 * The command in a message's text: the bot's own @mention removed (channels always carry one), then
 * trimmed; the parser drops a leading '/' and the word `persongroup`.
 */
export function commandText(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  const text =
    activity.recipient?.id && TurnContext.getMentions(activity).length > 0
      ? (TurnContext.removeRecipientMention(activity) ?? '')
      : activity.text;
  // Teams may put a non-breaking space (as an HTML entity) between the mention and the command.
  return text.replace(/&nbsp;|\u00a0/g, ' ').trim();
}

async function handleCardSubmit(
  context: TurnContext,
  deps: TeamsDeps,
  data: Record<string, unknown>,
): Promise<void> {
  const log = turnLog(context, deps.logger);
  const handler = submitHandlerFor(data.verb);
  const card = handler
    ? (await handler(context, deps, { data, via: 'submit' })).card
    : noticeCard(TEAMS_TEXTS.unknownAction.title, TEAMS_TEXTS.unknownAction.text);
  const delivered = await replaceCard(context, context.activity.replyToId, card, log);
  log.info({ verb: data.verb, delivered }, 'answered an Action.Submit');
}
