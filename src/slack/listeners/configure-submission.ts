import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { readModalValues, slackFieldErrors } from '../../cards/block-kit';
import type { ConfigureOutcome } from '../../provisioning/outcome';
import { isSlackAdmin } from '../admins';
import { decodeMetadata } from '../metadata';
import { checkingKeyModal, configureOutcomeModal, noticeModal } from '../modals';
import { unreadableFormAck } from '../payload-guard';
import { readViewSubmission } from '../payload-shape';
import { SLACK_TEXTS } from '../texts';
import type { ListenerDeps } from '../types';
import { withinBudget } from '../within-budget';
import { findWorkspaceId } from '../workspace';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The configuration modal's submit. Admin rights are checked again (they may have changed since the modal
 * opened), the key is checked live by the use case, and the ack comes within Slack's 3 s either way.
 * The outcome stays with the admin: it is shown in the modal, never in a channel.
 */
export function configureSubmission(deps: ListenerDeps) {
  return async (args: SubmitArgs): Promise<void> => {
    const { ack, body, context, client } = args;
    const read = readViewSubmission(body);
    const workspaceId = findWorkspaceId(context);
    if (!read.ok || !workspaceId) {
      const problem = read.ok ? 'no team or enterprise id' : read.problem;
      deps.logger.warn({ problem }, 'a configure submission could not be read');
      await ack(unreadableFormAck());
      return;
    }
    const { userId, userName, viewId, privateMetadata, stateValues } = read.submission;
    const meta = decodeMetadata(privateMetadata);
    const values = readModalValues(stateValues);
    const actor = { id: userId, name: userName };
    const work = (async () => {
      const isAdmin = await isSlackAdmin(client, userId, deps.admins);
      return deps.provisioning.configureWorkspace({ workspaceId, actor, isAdmin, values });
    })();

    let first: Awaited<ReturnType<typeof withinBudget<ConfigureOutcome>>>;
    try {
      first = await withinBudget(work, deps.inlineBudgetMs);
    } catch (error) {
      deps.logger.error({ err: error, workspaceId }, 'configure failed unexpectedly');
      await ack({ response_action: 'update', view: unexpectedModal() });
      return;
    }
    if (first.settled) {
      const errors = fieldErrors(first.value);
      if (errors) await ack({ response_action: 'errors', errors });
      else await ack({ response_action: 'update', view: configureOutcomeModal(first.value, meta) });
      return;
    }

    await ack({ response_action: 'update', view: checkingKeyModal() });
    let view2: ReturnType<typeof configureOutcomeModal>;
    try {
      view2 = configureOutcomeModal(await first.pending, meta);
    } catch (error) {
      deps.logger.error({ err: error, workspaceId }, 'configure failed unexpectedly');
      view2 = unexpectedModal();
    }
    if (!viewId) {
      deps.logger.warn({ workspaceId }, 'no view id to show the configure outcome in');
      return;
    }
    try {
      await client.views.update({ view_id: viewId, view: view2 });
    } catch (error) {
      deps.logger.warn({ err: error, workspaceId }, 'views.update failed after configuring');
    }
  };
}

/** Field-bound outcomes as Slack's `errors` map; a refused key belongs under the key field. */
function fieldErrors(outcome: ConfigureOutcome): Record<string, string> | undefined {
  if (outcome.kind === 'invalid' && outcome.errors.length > 0) {
    return slackFieldErrors(outcome.errors);
  }
  if (outcome.kind === 'failed' && outcome.failure.kind === 'unauthorized') {
    return { subscriptionKey: `${outcome.failure.title}. ${outcome.failure.remedy}` };
  }
  return undefined;
}

function unexpectedModal() {
  const { title, text } = SLACK_TEXTS.unexpected('configure');
  return noticeModal(title, text);
}
