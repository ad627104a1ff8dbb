import { type InvokeResponse, StatusCodes, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { type TeamsDeps, turnLog } from './types';
import { unsupportedInvokeResponse } from './unsupported-invoke';

/**
 * The activities botbuilder routes for us: invokes we do not implement (and the conversation events it
 * handles by itself). Messages and Action.Execute invokes are answered before this (see turn.ts),
 * because their answer may come with work that follows it.
 */
export class PersonGroupBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
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
