import type { ViewResponseAction, webApi } from '@slack/bolt';
import { withinBudget } from '../async/within-budget';
import type { Action, FormSpec, Invocation, Message, Reply } from '../commands';
import type { ModalMetadata } from './metadata';
import { postToChannel, type SlackMessage, tellUser } from './respond';
import { SLACK_TEXTS } from './texts';
import type { ListenerDeps } from './types';
import { modalOf, noticeMessage, noticeModal, slackMessage } from './views';

type Ack = (response?: ViewResponseAction) => Promise<void>;

export interface SubmissionToAnswer {
  form: FormSpec;
  action: Action;
  invocation: Invocation;
  data: Record<string, unknown>;
  meta: ModalMetadata;
  viewId: string | undefined;
}

/**
 * Answers a view submission within Slack's 3 s, whatever the action does. The action gets the inline
 * budget: field errors then go under their inputs, an announced outcome closes the modal and goes to the
 * channel, anything else replaces the form. Past the budget the modal turns into the action's progress
 * view, and is updated when the outcome arrives; a failure the user can no longer see there (the modal
 * was closed) reaches them as an ephemeral message.
 */
export async function answerSubmission(
  args: { ack: Ack; client: webApi.WebClient },
  submission: SubmissionToAnswer,
  deps: ListenerDeps,
): Promise<void> {
  const { form, action, invocation, data, meta } = submission;
  const log = deps.logger.child({ form: form.callbackId, workspaceId: invocation.workspaceId });
  const work = deps.commands.runAction(action, invocation, data);
  const unexpected = () => noticeModal(SLACK_TEXTS.unexpected.title, SLACK_TEXTS.unexpected.text, form);

  let first: Awaited<ReturnType<typeof withinBudget<Reply>>>;
  try {
    first = await withinBudget(work, deps.inlineBudgetMs);
  } catch (error) {
    log.error({ err: error }, 'a submission failed unexpectedly');
    await args.ack({ response_action: 'update', view: unexpected() });
    return;
  }
  if (first.settled) {
    const reply = first.value;
    if (reply.fieldErrors) await args.ack({ response_action: 'errors', errors: reply.fieldErrors });
    else if (reply.announce && !reply.form) {
      await args.ack();
      await announce(args.client, meta, reply.announce, log);
    } else
      await args.ack({
        response_action: 'update',
        view: modalOf(reply.card, form, meta, Boolean(reply.form)),
      });
    return;
  }

  const progress = action.progress?.(data);
  const progressView = progress
    ? modalOf(progress.card, form, meta, false)
    : noticeModal(SLACK_TEXTS.working.title, SLACK_TEXTS.working.text, form);
  await args.ack({ response_action: 'update', view: progressView });
  let reply: Reply;
  try {
    reply = await first.pending;
  } catch (error) {
    log.error({ err: error }, 'a submission failed unexpectedly after its ack');
    const { title, text } = SLACK_TEXTS.unexpected;
    await updateOrTell(args.client, submission, unexpected(), noticeMessage(title, text), log);
    return;
  }
  if (reply.announce) await announce(args.client, meta, reply.announce, log);
  const view = modalOf(reply.card, form, meta, Boolean(reply.form));
  const fallback = reply.announce || !reply.standalone ? undefined : slackMessage(reply.standalone);
  await updateOrTell(args.client, submission, view, fallback, log);
}

/**
 * Posts an outcome for everyone to the channel where the command ran. When Slack refuses (the channel is
 * gone, the bot is not in it and the response_url is spent), the user still hears it, ephemerally.
 */
async function announce(
  client: webApi.WebClient,
  meta: ModalMetadata,
  message: Message,
  log: ListenerDeps['logger'],
): Promise<void> {
  try {
    await postToChannel(client, meta, slackMessage(message), log);
    return;
  } catch (error) {
    log.error({ err: error, channel: meta.channel }, 'could not post the outcome to the channel');
  }
  try {
    // A direct message from the bot: it needs no channel membership.
    const { text, blocks } = slackMessage(message);
    await client.chat.postMessage({ channel: meta.user, text, blocks });
  } catch (error) {
    log.error({ err: error }, 'could not tell the user the outcome either');
  }
}

/** Replaces the progress view; when the user closed it, `fallback` reaches them ephemerally instead. */
async function updateOrTell(
  client: webApi.WebClient,
  submission: SubmissionToAnswer,
  view: ReturnType<typeof modalOf>,
  fallback: SlackMessage | undefined,
  log: ListenerDeps['logger'],
): Promise<void> {
  if (submission.viewId) {
    try {
      await client.views.update({ view_id: submission.viewId, view });
      return;
    } catch (error) {
      log.warn({ err: error }, 'views.update failed; telling the user directly');
    }
  }
  if (!fallback) return;
  try {
    await tellUser(client, submission.meta, fallback, log);
  } catch (error) {
    log.error({ err: error }, 'could not tell the user the outcome');
  }
}
