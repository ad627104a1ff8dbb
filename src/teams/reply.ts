import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { Logger } from '../logger';

/** The content type Teams requires in an `adaptiveCard/action` answer that replaces the card. */
export const ADAPTIVE_CARD_RESPONSE_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A message carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Posts a card into the conversation of the turn. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardMessage(card));
}

/**
 * The full answer to an `adaptiveCard/action` invoke: Teams replaces the card with `value` only when the
 * body is exactly `{statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value}`.
 */
export function cardInvokeResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: ADAPTIVE_CARD_RESPONSE_TYPE,
    value: card as unknown as Record<string, unknown>,
  };
}

/** The invoke response (HTTP status and body) that replaces the pressed card with `card`. */
export function cardAnswer(card: AdaptiveCard): InvokeResponse {
  return { status: 200, body: cardInvokeResponse(card) };
}

/**
 * Replaces the message `activityId` (the card that was submitted) with `card` for everyone in the
 * conversation. Updates fail now and then in real Teams: then the card is posted as a new message so the
 * result is never lost. Resolves to how the card reached the conversation.
 */
export async function replaceCard(
  context: TurnContext,
  activityId: string | undefined,
  card: AdaptiveCard,
  log: Logger,
): Promise<'updated' | 'posted'> {
  if (activityId) {
    try {
      await context.updateActivity({ ...cardMessage(card), id: activityId });
      return 'updated';
    } catch (error) {
      log.warn(
        { err: error, activityId },
        'updating the submitted card failed; posting the result as a new message',
      );
    }
  }
  await sendCard(context, card);
  return 'posted';
}
