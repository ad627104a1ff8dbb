import { ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/outcome-cards';
import type { PersonGroupBot } from './bot';
import { answerCardAction, isCardAction } from './card-action';
import { MissingTenantError } from './errors';
import { handleMessage } from './message-handler';
import { cardAnswer, sendCard } from './reply';
import { TEAMS_TEXTS } from './texts';
import { type FollowUp, type TeamsDeps, turnLog } from './types';

/**
 * One authenticated turn: messages (typed commands, Action.Submit) and Action.Execute invokes are
 * answered here, with the work that follows their answer returned as data (a card that keeps changing);
 * everything else goes through botbuilder's activity handler.
 */
export async function runTurn(
  context: TurnContext,
  bot: PersonGroupBot,
  deps: TeamsDeps,
): Promise<FollowUp[]> {
  if (context.activity.type === ActivityTypes.Message) {
    try {
      return await handleMessage(context, deps);
    } catch (error) {
      if (!(error instanceof MissingTenantError)) throw error;
      logMissingTenant(context, deps);
      await sendCard(context, missingTenantCard());
      return [];
    }
  }
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

function logMissingTenant(context: TurnContext, deps: TeamsDeps): void {
  turnLog(context, deps.logger).warn(
    { channelId: context.activity.channelId, activityType: context.activity.type },
    'an activity without a tenant id was refused',
  );
}

function missingTenantCard() {
  return noticeCard(TEAMS_TEXTS.missingTenant.title, TEAMS_TEXTS.missingTenant.text, 'attention');
}
