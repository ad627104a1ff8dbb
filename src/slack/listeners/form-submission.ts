import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { readModalValues } from '../../cards/block-kit';
import type { Action, FormSpec } from '../../commands';
import { answerSubmission } from '../answer-submission';
import { slackInvocation } from '../invocation';
import { decodeMetadata } from '../metadata';
import { unreadableFormAck } from '../payload-guard';
import { readViewSubmission } from '../payload-shape';
import type { ListenerDeps } from '../types';
import { findWorkspaceId } from '../workspace';

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The submit of one form of the command table (its view callback_id): the form's carried data and the
 * inputs go to the form's action, answered within Slack's 3 s (see answer-submission.ts).
 */
export function formSubmission(form: FormSpec, action: Action, deps: ListenerDeps) {
  return async (args: SubmitArgs): Promise<void> => {
    const read = readViewSubmission(args.body);
    const workspaceId = findWorkspaceId(args.context);
    if (!read.ok || !workspaceId) {
      const problem = read.ok ? 'no team or enterprise id' : read.problem;
      deps.logger.warn({ problem, form: form.callbackId }, 'a submission could not be read');
      await args.ack(unreadableFormAck());
      return;
    }
    const { submission } = read;
    const meta = decodeMetadata(submission.privateMetadata);
    const invocation = slackInvocation({
      workspaceId,
      userId: submission.userId,
      userName: submission.userName,
      client: args.client,
      admins: deps.admins,
    });
    if (submission.viewId) invocation.submissionId = `slack:${submission.viewId}:${submission.userId}`;
    const data = { ...meta.data, ...readModalValues(submission.stateValues) };
    await answerSubmission(
      args,
      {
        form,
        action,
        invocation,
        data,
        meta: { ...meta, user: submission.userId },
        viewId: submission.viewId,
      },
      deps,
    );
  };
}
