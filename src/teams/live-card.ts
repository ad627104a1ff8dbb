import type { TurnContext } from 'botbuilder';
import type { Message, Reply } from '../commands';
import type { Logger } from '../logger';
import { followUpTurn } from './follow-up';
import { cardMessage, sendCard } from './reply';
import type { FollowUp } from './types';

type Updates = NonNullable<Reply['updates']>;

/**
 * Keeps the message `activityId` up to date with a reply's updates (a training's status), for everyone
 * in the conversation, after the HTTP answer. An update that fails is skipped (the next one tries again);
 * when the last one could not replace the card, or there was no card to update, it is posted as a new
 * message so the outcome is never lost. A server stop aborts the updates, with a log line.
 */
export function liveCardFollowUp(
  context: TurnContext,
  activityId: string | undefined,
  updates: Updates,
  log: Logger,
): FollowUp {
  return followUpTurn(context, (turn, signal) => followUpdates(turn, activityId, updates, signal, log));
}

/** The updates loop of liveCardFollowUp, inside a turn already continued. */
export async function followUpdates(
  turn: TurnContext,
  activityId: string | undefined,
  updates: Updates,
  signal: AbortSignal,
  log: Logger,
): Promise<void> {
  let unsent: Message | undefined;
  let count = 0;
  try {
    for await (const message of updates(signal)) {
      unsent = message;
      count += 1;
      if (!activityId) continue;
      try {
        await turn.updateActivity({ ...cardMessage(message.card), id: activityId });
        unsent = undefined;
      } catch (error) {
        log.warn({ err: error, activityId }, 'updating a live card failed; the next update tries again');
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    log.info({ activityId, updates: count }, 'stopped following a live card: the server is stopping');
    return;
  }
  if (unsent) await sendCard(turn, unsent.card);
  log.info({ activityId, updates: count, posted: Boolean(unsent) }, 'a live card reached its last version');
}
