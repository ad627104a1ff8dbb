import type { Activity, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { TeamsDeps } from './deps';

/** How a card's submit reached the bot: an Action.Execute invoke, or an Action.Submit message. */
export type SubmitVia = 'execute' | 'submit';

/** A card submission: the action's data merged with every input value by id. */
export interface Submission {
  data: Record<string, unknown>;
  via: SubmitVia;
}

/** What a submit handler answers: the card that replaces the submitted one. */
export interface SubmitResult {
  card: AdaptiveCard;
  /**
   * True when the result belongs to everyone in a channel or group chat (a created group): the
   * submitted card is then replaced for all, not only for the user who pressed the button.
   */
  shareWithConversation: boolean;
}

export type SubmitHandler = (
  context: TurnContext,
  deps: TeamsDeps,
  submission: Submission,
) => Promise<SubmitResult>;

/**
 * The submit action new forms use. The Bot Framework Emulator cannot send Action.Execute, so it gets
 * Action.Submit; a form answered to an Action.Submit keeps using Action.Submit.
 */
export function formSubmitVia(activity: Activity, answeringTo?: SubmitVia): SubmitVia {
  if (answeringTo) return answeringTo;
  return activity.channelId === 'emulator' ? 'submit' : 'execute';
}

/** A plain JSON object (the `data` of a card action, or an Action.Submit message's `value`). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
