import { type Activity, TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/outcome-cards';
import { isRecord } from './card-action';
import { invocationOf } from './invocation';
import { liveCardFollowUp } from './live-card';
import { cardMessage, replaceCard } from './reply';
import { TEAMS_TEXTS } from './texts';
import { type FollowUp, type TeamsDeps, turnLog } from './types';

/**
 * A message: either an Action.Submit of one of our cards (it carries `value` with a `verb`), answered by
 * replacing the submitted card; or a typed command, answered with a new message. A reply that changes
 * over time (Reply.updates) then updates that card or message: the returned follow-ups do it after the
 * HTTP answer.
 */
export async function handleMessage(context: TurnContext, deps: TeamsDeps): Promise<FollowUp[]> {
  const { activity } = context;
  if (isRecord(activity.value) && typeof activity.value.verb === 'string') {
    return handleCardSubmit(context, deps, activity.value);
  }
  const reply = await deps.commands.runText(invocationOf(activity, deps.admins), commandText(activity));
  const sent = await context.sendActivity(cardMessage(reply.card));
  if (!reply.updates) return [];
  return [liveCardFollowUp(context, sent?.id, reply.updates, turnLog(context, deps.logger))];
}

/**
 * The command in a message's text: the bot's own @mention removed (channels always carry one), then
 * trimmed; the command table drops a leading '/' and the word `persongroup`.
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
): Promise<FollowUp[]> {
  const log = turnLog(context, deps.logger);
  const action = deps.commands.action(data.verb);
  const reply = action
    ? await deps.commands.runAction(action, invocationOf(context.activity, deps.admins, true), data)
    : undefined;
  const card = reply?.card ?? noticeCard(TEAMS_TEXTS.unknownAction.title, TEAMS_TEXTS.unknownAction.text);
  const formId = context.activity.replyToId;
  const delivered = await replaceCard(context, formId, card, log);
  log.info({ verb: data.verb, delivered }, 'answered an Action.Submit');
  return reply?.updates ? [liveCardFollowUp(context, formId, reply.updates, log)] : [];
}
