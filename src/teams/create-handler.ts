import type { TurnContext } from 'botbuilder';
import { createFormCard, createOutcomeCard } from '../cards/outcome-cards';
import type { ParsedCommand } from '../provisioning/parse-command';
import type { TeamsDeps } from './deps';
import { sendCard } from './reply';
import { formSubmitVia, type Submission, type SubmitResult } from './submission';
import { actorOf, workspaceIdOf } from './turn-identity';

type Prefill = Extract<ParsedCommand, { kind: 'create' }>['prefill'];

/** `persongroup create [id] [name…]`: posts the create form, prefilled, noting when the emulator serves it. */
export async function showCreateForm(context: TurnContext, deps: TeamsDeps, prefill: Prefill): Promise<void> {
  const workspaceId = workspaceIdOf(context.activity);
  const { target } = await deps.provisioning.describeWorkspace(workspaceId);
  const values: Record<string, string> = {};
  if (prefill.personGroupId !== undefined) values.personGroupId = prefill.personGroupId;
  if (prefill.name !== undefined) values.name = prefill.name;
  const card = createFormCard({
    values,
    emulated: target?.emulated ?? false,
    useSubmit: formSubmitVia(context.activity) === 'submit',
  });
  await sendCard(context, card);
}

/** Verb `personGroupCreate`: creates the group and answers with the outcome's card. */
export async function submitCreate(
  context: TurnContext,
  deps: TeamsDeps,
  submission: Submission,
): Promise<SubmitResult> {
  const workspaceId = workspaceIdOf(context.activity);
  const outcome = await deps.provisioning.createPersonGroup({
    workspaceId,
    actor: actorOf(context.activity),
    values: submission.data,
  });
  // A form shown again keeps its "emulator" note; only a created outcome says where it went by itself.
  // With the database down, asking it where the workspace's calls go would only fail again.
  const emulated =
    outcome.kind === 'created'
      ? outcome.target.emulated
      : outcome.kind !== 'not_configured' &&
        !(outcome.kind === 'failed' && outcome.failure.kind === 'store_unavailable') &&
        ((await deps.provisioning.describeWorkspace(workspaceId)).target?.emulated ?? false);
  const card = createOutcomeCard(outcome, {
    emulated,
    useSubmit: formSubmitVia(context.activity, submission.via) === 'submit',
  });
  return { card, shareWithConversation: outcome.kind === 'created' };
}
