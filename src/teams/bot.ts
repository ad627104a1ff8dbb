import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  StatusCodes,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { noticeCard } from '../cards/outcome-cards';
import { type TeamsDeps, turnLog } from './deps';
import { MissingTenantError } from './errors';
import { handleCardAction } from './invoke-handler';
import { handleMessage } from './message-handler';
import { cardInvokeResponse, sendCard } from './reply';
import { TEAMS_TEXTS } from './texts';
import { unsupportedInvokeResponse } from './unsupported-invoke';

/**
 * The Teams bot: routes by activity type first (messages: typed commands and Action.Submit; invokes:
 * Action.Execute), then by command or verb (see routing.ts). An activity without a tenant gets a notice
 * saying so, in the shape its activity type needs.
 */
export class PersonGroupBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      try {
        await handleMessage(context, deps);
      } catch (error) {
        if (!(error instanceof MissingTenantError)) throw error;
        this.logMissingTenant(context);
        await sendCard(context, missingTenantCard());
      }
      await next();
    });
  }

  /** Every invoke botbuilder does not implement here gets a 400 that says why, not a bare 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response.status !== StatusCodes.NOT_IMPLEMENTED) return response;
    turnLog(context, this.deps.logger).warn(
      { invokeName: context.activity.name },
      'an invoke this bot does not implement was refused',
    );
    return unsupportedInvokeResponse(context.activity.name);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    try {
      return await handleCardAction(context, this.deps, invokeValue);
    } catch (error) {
      if (!(error instanceof MissingTenantError)) throw error;
      this.logMissingTenant(context);
      return cardInvokeResponse(missingTenantCard());
    }
  }

  private logMissingTenant(context: TurnContext): void {
    turnLog(context, this.deps.logger).warn(
      { channelId: context.activity.channelId, activityType: context.activity.type },
      'an activity without a tenant id was refused',
    );
  }
}

function missingTenantCard() {
  return noticeCard(TEAMS_TEXTS.missingTenant.title, TEAMS_TEXTS.missingTenant.text, 'attention');
}
