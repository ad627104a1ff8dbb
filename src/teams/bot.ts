import { type InvokeResponse, StatusCodes, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/outcome-cards';
import { MissingTenantError } from './errors';
import { handleMessage } from './message-handler';
import { sendCard } from './reply';
import { TEAMS_TEXTS } from './texts';
import { type TeamsDeps, turnLog } from './types';
import { unsupportedInvokeResponse } from './unsupported-invoke';

/**
 * The activities botbuilder routes for us: messages (typed commands and Action.Submit) and invokes we do
 * not implement. Action.Execute invokes are answered before this (see turn.ts), because their answer
 * comes with work that follows it.
 */
export class PersonGroupBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      try {
        await handleMessage(context, deps);
      } catch (error) {
        if (!(error instanceof MissingTenantError)) throw error;
        logMissingTenant(context, deps);
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
}

export function logMissingTenant(context: TurnContext, deps: TeamsDeps): void {
  turnLog(context, deps.logger).warn(
    { channelId: context.activity.channelId, activityType: context.activity.type },
    'an activity without a tenant id was refused',
  );
}

export function missingTenantCard() {
  return noticeCard(TEAMS_TEXTS.missingTenant.title, TEAMS_TEXTS.missingTenant.text, 'attention');
}
