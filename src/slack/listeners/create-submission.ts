import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { readModalValues, slackFieldErrors } from '../../cards/block-kit';
import type { CreateOutcome } from '../../provisioning/outcome';
import { decodeMetadata, type ModalMetadata } from '../metadata';
import {
  createdMessage,
  createFailureMessage,
  createOutcomeModal,
  creatingModal,
  noticeMessage,
  noticeModal,
} from '../modals';
import { unreadableFormAck } from '../payload-guard';
import { readViewSubmission, type ViewSubmission } from '../payload-shape';
import { postToChannel, tellUser } from '../respond';
import { SLACK_TEXTS } from '../texts';
import type { ListenerDeps } from '../types';
import { withinBudget } from '../within-budget';
import { findWorkspaceId } from '../workspace';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The create modal's submit. Acked within Slack's 3 s whatever the Face API does: the use case gets a
 * short budget to answer inline (field errors, including "already exists", go under their block), else
 * the modal turns into "Creating…" and is updated when the outcome arrives. Success goes to the channel
 * where the command ran; failures stay with the user.
 */
export function createSubmission(deps: ListenerDeps) {
  return async (args: SubmitArgs): Promise<void> => {
    const { ack, body, context } = args;
    const read = readViewSubmission(body);
    const workspaceId = findWorkspaceId(context);
    if (!read.ok || !workspaceId) {
      const problem = read.ok ? 'no team or enterprise id' : read.problem;
      deps.logger.warn({ problem }, 'a create submission could not be read');
      await ack(unreadableFormAck());
      return;
    }
    const submission = read.submission;
    const meta = decodeMetadata(submission.privateMetadata);
    const values = readModalValues(submission.stateValues);
    const actor = { id: submission.userId, name: submission.userName };
    const work = deps.provisioning.createPersonGroup({ workspaceId, actor, values });

    let first: Awaited<ReturnType<typeof withinBudget<CreateOutcome>>>;
    try {
      first = await withinBudget(work, deps.inlineBudgetMs);
    } catch (error) {
      deps.logger.error({ err: error }, 'create failed unexpectedly');
      await ack({ response_action: 'update', view: unexpectedModal() });
      return;
    }
    if (first.settled) {
      const outcome = first.value;
      const errors = fieldErrors(outcome);
      if (errors) {
        await ack({ response_action: 'errors', errors });
      } else if (outcome.kind === 'created') {
        await ack();
        await announce(args, submission, outcome, meta, deps);
      } else {
        await ack({ response_action: 'update', view: createOutcomeModal(outcome, meta) });
      }
      return;
    }

    await ack({ response_action: 'update', view: creatingModal(values.personGroupId ?? '') });
    let outcome: CreateOutcome;
    try {
      outcome = await first.pending;
    } catch (error) {
      deps.logger.error({ err: error }, 'create failed unexpectedly');
      await updateOrTell(args, submission, meta, unexpectedModal(), unexpectedMessage(), deps);
      return;
    }
    if (outcome.kind === 'created') {
      await announce(args, submission, outcome, meta, deps);
      await updateOrTell(args, submission, meta, createOutcomeModal(outcome, meta), undefined, deps);
    } else {
      const failure = createFailureMessage(outcome);
      await updateOrTell(args, submission, meta, createOutcomeModal(outcome, meta), failure, deps);
    }
  };
}

/** Field-bound outcomes as Slack's `errors` map, keyed by block_id (= the input's id). */
function fieldErrors(outcome: CreateOutcome): Record<string, string> | undefined {
  if (outcome.kind === 'invalid' && outcome.errors.length > 0) {
    return slackFieldErrors(outcome.errors);
  }
  if (outcome.kind === 'failed' && outcome.failure.field) {
    return { [outcome.failure.field]: `${outcome.failure.title}. ${outcome.failure.remedy}` };
  }
  return undefined;
}

/** Posts the success to the channel where the command ran, naming who created what. */
async function announce(
  args: SubmitArgs,
  submission: ViewSubmission,
  outcome: Extract<CreateOutcome, { kind: 'created' }>,
  meta: ModalMetadata,
  deps: ListenerDeps,
): Promise<void> {
  try {
    await postToChannel(args.client, meta, createdMessage(outcome, submission.userId), deps.logger);
  } catch (error) {
    deps.logger.error(
      { err: error, channel: meta.channel },
      'could not post the created group to the channel',
    );
  }
}

/** Replaces the "Creating…" view; when the user closed it, a failure reaches them ephemerally instead. */
async function updateOrTell(
  args: SubmitArgs,
  submission: ViewSubmission,
  meta: ModalMetadata,
  view: ReturnType<typeof createOutcomeModal>,
  fallback: ReturnType<typeof noticeMessage> | undefined,
  deps: ListenerDeps,
): Promise<void> {
  if (submission.viewId) {
    try {
      await args.client.views.update({ view_id: submission.viewId, view });
      return;
    } catch (error) {
      deps.logger.warn({ err: error }, 'views.update failed; telling the user directly');
    }
  }
  if (!fallback) return;
  try {
    await tellUser(args.client, { ...meta, user: submission.userId }, fallback, deps.logger);
  } catch (error) {
    deps.logger.error({ err: error }, 'could not tell the user the outcome');
  }
}

const UNEXPECTED = SLACK_TEXTS.unexpected('create');

function unexpectedMessage() {
  return noticeMessage(UNEXPECTED.title, UNEXPECTED.text);
}

function unexpectedModal() {
  return noticeModal(UNEXPECTED.title, UNEXPECTED.text);
}
