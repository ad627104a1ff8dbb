import { ActivityTypes, type TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/outcome-cards';
import type { Logger } from '../logger';
import { cardInvokeResponse } from './reply';
import { TEAMS_TEXTS } from './texts';
import { turnLog, turnRequestId } from './types';

/**
 * The adapter's onTurnError: logs the error with the request id, and answers with a short apology that
 * names the request id, never the error. An invoke gets the apology as its (card-replacing) response,
 * so Teams shows it instead of "Something went wrong".
 */
export function createTurnErrorHandler(
  logger: Logger,
): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const log = turnLog(context, logger);
    const { activity } = context;
    log.error(
      { err: error, activityType: activity.type, activityName: activity.name },
      'a Teams turn failed',
    );
    const { title, text } = TEAMS_TEXTS.apology(turnRequestId(context));
    try {
      if (activity.type === ActivityTypes.Invoke) {
        const body = cardInvokeResponse(noticeCard(title, text, 'attention'));
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
      } else {
        await context.sendActivity(`${title}. ${text}`);
      }
    } catch (replyError) {
      log.error({ err: replyError }, 'the apology for a failed turn could not be sent either');
    }
  };
}
