import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { withinBudget } from '../async/within-budget';
import { noticeCard } from '../cards/outcome-cards';
import type { Reply } from '../commands';
import { followUpTurn } from './follow-up';
import { invocationOf } from './invocation';
import { followUpdates, liveCardFollowUp } from './live-card';
import { cardAnswer, replaceCard } from './reply';
import { TEAMS_TEXTS } from './texts';
import { type FollowUp, type TeamsDeps, turnLog } from './types';
import { SUPPORTED_INVOKE } from './unsupported-invoke';

/** True for an `adaptiveCard/action` invoke. */
export function isCardAction(activity: Activity): boolean {
  return activity.type === 'invoke' && activity.name === SUPPORTED_INVOKE;
}

/**
 * An Action.Execute: the data is `value.action.data` (inputs merged by id); the verb is
 * `value.action.verb`, else `data.verb`. `value.trigger` and `value.action.id` are not used (the Agents
 * Playground sends neither). The answer replaces the card for the user who pressed it, within Teams'
 * 10 s: an outcome not ready by then is answered "still working" and replaces the card when it comes.
 * In a channel or group chat an announced outcome (a created group) replaces the card for everyone,
 * after the answer.
 */
export async function answerCardAction(
  context: TurnContext,
  deps: TeamsDeps,
): Promise<{ response: InvokeResponse; followUps: FollowUp[] }> {
  const log = turnLog(context, deps.logger);
  const value = context.activity.value as unknown;
  if (!isRecord(value) || !isRecord(value.action)) {
    return { response: invokeError('BadRequest', 'Missing value.action property'), followUps: [] };
  }
  if (value.action.type !== undefined && value.action.type !== 'Action.Execute') {
    const type = String(value.action.type).slice(0, 100);
    return { response: invokeError('NotSupported', `The action '${type}' is not supported.`), followUps: [] };
  }
  const data = isRecord(value.action.data) ? value.action.data : {};
  const verb = value.action.verb || data.verb;
  const action = deps.commands.action(verb);
  if (!action) {
    log.warn({ verb }, 'an invoke named a verb this bot does not know');
    const { title, text } = TEAMS_TEXTS.unknownAction;
    return { response: cardAnswer(noticeCard(title, text)), followUps: [] };
  }
  const invocation = invocationOf(context.activity, deps.admins);
  const formId = context.activity.replyToId;
  const replacement = (reply: Reply) =>
    reply.announce && invocation.conversation.shared ? reply.announce.card : reply.card;
  // A refresh Teams makes by itself whenever someone views the card gets the current version only: a
  // poll per viewer would multiply the Face calls (a pressed "Check again" follows the training).
  const follows = value.trigger !== 'automatic';

  const first = await withinBudget(deps.commands.runAction(action, invocation, data), deps.answerWithinMs);
  if (first.settled) {
    const reply = first.value;
    const followUps: FollowUp[] = [];
    if (reply.announce && invocation.conversation.shared) {
      // After the answer: the submitter sees the result at once, the connector may take seconds.
      followUps.push(
        followUpTurn(context, async (turn) => {
          const delivered = await replaceCard(turn, formId, replacement(reply), log);
          log.info({ verb, delivered }, 'shared the outcome with the conversation');
        }),
      );
    }
    if (reply.updates && follows) followUps.push(liveCardFollowUp(context, formId, reply.updates, log));
    return { response: cardAnswer(reply.card), followUps };
  }

  log.info({ verb, waitedMs: deps.answerWithinMs }, 'answering "still working"; the card updates later');
  const progress = action.progress?.(data) ?? stillWorking();
  const later = followUpTurn(context, async (turn, signal) => {
    let card: Reply['card'];
    let reply: Reply | undefined;
    try {
      reply = await first.pending;
      card = replacement(reply);
    } catch (error) {
      log.error({ err: error, verb }, 'a card action failed after its answer');
      const { title, text } = TEAMS_TEXTS.apology(undefined);
      card = noticeCard(title, text, 'attention');
    }
    const delivered = await replaceCard(turn, formId, card, log);
    log.info({ verb, delivered }, 'replaced the "still working" card with the outcome');
    if (reply?.updates && follows) await followUpdates(turn, formId, reply.updates, signal, log);
  });
  return { response: cardAnswer(progress.card), followUps: [later] };
}

function stillWorking() {
  const { title, text } = TEAMS_TEXTS.stillWorking;
  return { card: noticeCard(title, text), text };
}

function invokeError(code: string, message: string): InvokeResponse {
  return {
    status: 400,
    body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}

/** A plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
