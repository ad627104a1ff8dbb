import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/outcome-cards';
import { afterResponse } from './after-response';
import { type TeamsDeps, turnLog } from './deps';
import { cardInvokeResponse, replaceCard } from './reply';
import { submitHandlerFor } from './routing';
import { isRecord } from './submission';
import { TEAMS_TEXTS } from './texts';
import { isSharedConversation } from './turn-identity';

/**
 * An Action.Execute (`adaptiveCard/action` invoke). The data is `value.action.data` (inputs merged by id);
 * the verb is `value.action.verb`, else `data.verb`. `value.trigger` and `value.action.id` are not used:
 * the Agents Playground sends neither. The answer is the card that replaces the form for the user who
 * pressed it; in a channel or group chat a created group also replaces the card for everyone, right
 * after the answer.
 */
export async function handleCardAction(
  context: TurnContext,
  deps: TeamsDeps,
  invokeValue: AdaptiveCardInvokeValue,
): Promise<AdaptiveCardInvokeResponse> {
  const log = turnLog(context, deps.logger);
  const action = invokeValue.action as Partial<AdaptiveCardInvokeValue['action']> | undefined;
  const data = isRecord(action?.data) ? action.data : {};
  const verb = action?.verb || data.verb;
  const handler = submitHandlerFor(verb);
  if (!handler) {
    log.warn({ verb }, 'an invoke named a verb this bot does not know');
    return cardInvokeResponse(noticeCard(TEAMS_TEXTS.unknownAction.title, TEAMS_TEXTS.unknownAction.text));
  }
  const result = await handler(context, deps, { data, via: 'execute' });
  if (result.shareWithConversation && isSharedConversation(context.activity)) {
    // After the answer: the submitter sees the result at once, the connector may take seconds.
    const formId = context.activity.replyToId;
    afterResponse(context, log, async (turn) => {
      const delivered = await replaceCard(turn, formId, result.card, log);
      log.info({ verb, delivered }, 'shared the outcome with the conversation');
    });
  }
  return cardInvokeResponse(result.card);
}
