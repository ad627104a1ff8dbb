import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { withinBudget } from '../../async/within-budget';
import type { Reply } from '../../commands';
import { slackInvocation } from '../invocation';
import { followLiveMessage, type LiveMessage, postLiveMessage } from '../live-message';
import { SLACK_TEXTS } from '../texts';
import type { ListenerDeps } from '../types';
import { modalOf, noticeMessage, slackMessage } from '../views';
import { findWorkspaceId } from '../workspace';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/persongroup …` for every command of the table. The reply gets a short budget: a message ready within
 * it is the ack itself (ephemeral); a form is opened with the trigger_id right after an empty ack (the
 * trigger_id is single use and lives ~3 s); a reply that takes longer is acked first and arrives by
 * response_url.
 */
export function persongroupCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { command, ack, client } = args;
    const workspaceId = findWorkspaceId(args.context);
    if (!workspaceId) {
      await ack({
        response_type: 'ephemeral',
        ...noticeMessage(SLACK_TEXTS.unreadableForm.title, SLACK_TEXTS.unreadableForm.text),
      });
      return;
    }
    const invocation = slackInvocation({
      workspaceId,
      userId: command.user_id,
      userName: command.user_name,
      client,
      admins: deps.admins,
    });
    const work = deps.commands.runText(invocation, command.text ?? '');
    let reply: Reply;
    try {
      const first = await withinBudget(work, deps.inlineBudgetMs);
      if (first.settled && !first.value.form && !first.value.updates) {
        await ack({ response_type: 'ephemeral', ...slackMessage(first.value) });
        return;
      }
      await ack();
      reply = first.settled ? first.value : await first.pending;
    } catch (error) {
      deps.logger.error({ err: error, text: command.text }, 'a command failed');
      await tellLater(args, noticeMessage(SLACK_TEXTS.unexpected.title, SLACK_TEXTS.unexpected.text), deps);
      return;
    }
    if (reply.updates) {
      await postAndFollow(args, reply, reply.updates, deps);
      return;
    }
    if (!reply.form) {
      await tellLater(args, slackMessage(reply), deps);
      return;
    }
    const meta = { channel: command.channel_id, user: command.user_id, responseUrl: command.response_url };
    try {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: modalOf(reply.card, reply.form, meta, true),
      });
    } catch (error) {
      deps.logger.error({ err: error, form: reply.form.callbackId }, 'could not open the modal');
      await tellLater(
        args,
        noticeMessage(SLACK_TEXTS.formNotOpened.title, SLACK_TEXTS.formNotOpened.text),
        deps,
      );
    }
  };
}

/**
 * A reply that changes over time (a training's status) belongs to the channel: posted there, then
 * updated in place until it settles. When it cannot reach the channel, the user still gets it.
 */
async function postAndFollow(
  args: CommandArgs,
  reply: Reply,
  updates: NonNullable<Reply['updates']>,
  deps: ListenerDeps,
): Promise<void> {
  const { command, client } = args;
  const where = { channel: command.channel_id, responseUrl: command.response_url };
  let live: LiveMessage;
  try {
    live = await postLiveMessage(client, where, slackMessage(reply), deps.logger);
  } catch (error) {
    deps.logger.warn({ err: error, channel: where.channel }, 'could not post a live message to the channel');
    await tellLater(args, slackMessage(reply), deps);
    return;
  }
  await followLiveMessage(client, live, updates, deps.stopping, deps.logger);
}

/** An ephemeral answer after the ack, through the command's response_url. */
async function tellLater(
  args: CommandArgs,
  message: ReturnType<typeof slackMessage>,
  deps: ListenerDeps,
): Promise<void> {
  try {
    await args.respond({ response_type: 'ephemeral', ...message });
  } catch (error) {
    deps.logger.error({ err: error }, 'could not answer a command through its response_url');
  }
}
