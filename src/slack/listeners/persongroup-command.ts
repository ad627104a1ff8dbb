import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../provisioning/parse-command';
import { isSlackAdmin } from '../admins';
import type { ModalMetadata } from '../metadata';
import { configModal, createModal, noticeMessage, usageMessage } from '../modals';
import { SLACK_TEXTS } from '../texts';
import type { ListenerDeps } from '../types';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/persongroup …`: `create` and `config` ack at once and open their modal with the trigger_id (single
 * use, ~3 s: nothing slow may run before views.open); `help`, a bare command and unknown verbs are
 * answered in the ack itself, ephemeral.
 */
export function persongroupCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { command, ack } = args;
    const parsed = parseCommand(command.text);
    if (parsed.kind === 'help' || parsed.kind === 'unknown') {
      await ack({
        response_type: 'ephemeral',
        ...usageMessage(parsed.kind === 'unknown' ? parsed.text : undefined),
      });
      return;
    }
    await ack();
    const meta: ModalMetadata = {
      channel: command.channel_id,
      user: command.user_id,
      responseUrl: command.response_url,
      prefill: parsed.kind === 'create' ? parsed.prefill : {},
    };
    try {
      if (parsed.kind === 'create') {
        await args.client.views.open({ trigger_id: command.trigger_id, view: createModal(meta) });
      } else {
        await openConfig(args, meta, deps);
      }
    } catch (error) {
      deps.logger.error({ err: error, verb: parsed.kind }, 'could not open the modal');
      await args.respond({
        response_type: 'ephemeral',
        ...noticeMessage(SLACK_TEXTS.formNotOpened.title, SLACK_TEXTS.formNotOpened.text),
      });
    }
  };
}

/** Admins get the configuration modal; everybody else is told who can configure. */
async function openConfig(args: CommandArgs, meta: ModalMetadata, deps: ListenerDeps): Promise<void> {
  const { command, client } = args;
  // BOT_ADMINS needs no I/O; users.info is one quick call, well inside the trigger_id's life.
  if (!(await isSlackAdmin(client, command.user_id, deps.admins))) {
    await args.respond({
      response_type: 'ephemeral',
      ...noticeMessage(SLACK_TEXTS.adminsOnly.title, SLACK_TEXTS.adminsOnly.text),
    });
    return;
  }
  await client.views.open({ trigger_id: command.trigger_id, view: configModal(meta) });
}
