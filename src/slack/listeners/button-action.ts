import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Action } from '../../commands';
import { slackInvocation } from '../invocation';
import { followLiveMessage, type LiveMessage } from '../live-message';
import { SLACK_TEXTS } from '../texts';
import type { ListenerDeps } from '../types';
import { modalOf, noticeMessage, slackMessage } from '../views';
import { findWorkspaceId } from '../workspace';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * A button of one of our messages (action_id = the verb, value = its data as JSON): acked at once; a form
 * opens as a modal with the trigger_id, any other reply replaces the message the button was in, as
 * Teams replaces a card.
 */
export function buttonAction(action: Action, deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, client } = args;
    const workspaceId = findWorkspaceId(args.context);
    if (!workspaceId) return;
    const pressed = body.actions[0];
    const data = pressed && 'value' in pressed ? parseData(pressed.value) : {};
    const invocation = slackInvocation({
      workspaceId,
      userId: body.user.id,
      userName: body.user.name ?? body.user.id,
      client,
      admins: deps.admins,
    });
    try {
      const reply = await deps.commands.runAction(action, invocation, data);
      if (reply.form) {
        const meta = { channel: body.channel?.id ?? '', user: body.user.id, responseUrl: '' };
        await client.views.open({
          trigger_id: body.trigger_id,
          view: modalOf(reply.card, reply.form, meta, true),
        });
      } else {
        await args.respond({ replace_original: true, ...slackMessage(reply) });
        if (reply.updates) {
          await followLiveMessage(client, pressedMessage(body), reply.updates, deps.stopping, deps.logger);
        }
      }
    } catch (error) {
      deps.logger.error({ err: error, verb: action.verb }, 'a button action failed');
      await args
        .respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...noticeMessage(SLACK_TEXTS.unexpected.title, SLACK_TEXTS.unexpected.text),
        })
        .catch((respondError: unknown) =>
          deps.logger.error({ err: respondError }, 'could not say so either'),
        );
    }
  };
}

/**
 * The message the button was in, to update in place: by ts (not for an ephemeral message, which only
 * its response_url can replace), else by the action's response_url.
 */
function pressedMessage(body: BlockAction): LiveMessage {
  const live: LiveMessage = { responseUrl: body.response_url };
  const ts = body.message?.ts;
  if (body.channel?.id && ts && !body.container?.is_ephemeral)
    Object.assign(live, { channel: body.channel.id, ts });
  return live;
}

/** A button's value: its action data as a JSON object; anything else is no data. */
function parseData(value: string | undefined): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch (error) {
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}
