import { type BotAdapter, TurnContext } from 'botbuilder';
import type { FollowUp } from './types';

type ClaimsIdentity = Parameters<BotAdapter['continueConversationAsync']>[0];

/**
 * Work to run in a new turn of the same conversation once the HTTP answer of this turn has been sent:
 * the connector retries a failing update for seconds, and Teams shows "Unable to reach app" when an
 * invoke takes ~15 s. The new turn is built from the incoming request's identity and audience, so it is
 * authenticated exactly like a reply would be.
 */
export function followUpTurn(
  context: TurnContext,
  work: (turn: TurnContext, signal: AbortSignal) => Promise<void>,
): FollowUp {
  const { adapter } = context;
  const identity = context.turnState.get(adapter.BotIdentityKey) as ClaimsIdentity;
  const audience = context.turnState.get(adapter.OAuthScopeKey) as string;
  const reference = TurnContext.getConversationReference(context.activity);
  return (signal) =>
    adapter.continueConversationAsync(identity, reference, audience, (turn) => work(turn, signal));
}
