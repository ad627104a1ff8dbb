import { ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';
import { logMissingTenant, missingTenantCard, type PersonGroupBot } from './bot';
import { answerCardAction, isCardAction } from './card-action';
import { MissingTenantError } from './errors';
import { cardAnswer } from './reply';
import type { FollowUp, TeamsDeps } from './types';

/**
 * One authenticated turn: an Action.Execute is answered here (its invoke response, and the work that
 * follows it, returned as data); everything else goes through botbuilder's activity handler.
 */
export async function runTurn(
  context: TurnContext,
  bot: PersonGroupBot,
  deps: TeamsDeps,
): Promise<FollowUp[]> {
  if (!isCardAction(context.activity)) {
    await bot.run(context);
    return [];
  }
  let answer: { response: InvokeResponse; followUps: FollowUp[] };
  try {
    answer = await answerCardAction(context, deps);
  } catch (error) {
    if (!(error instanceof MissingTenantError)) throw error;
    logMissingTenant(context, deps);
    answer = { response: cardAnswer(missingTenantCard()), followUps: [] };
  }
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: answer.response });
  return answer.followUps;
}
