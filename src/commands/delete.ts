/**
 * `/persongroup delete <id>`: a confirmation where the user types the id (input `confirmId`); its submit
 * (verb `personGroupDelete`) deletes the group. Only admins and the group's creator through this bot are
 * offered the confirmation (others are told who can), and the use case checks again on submit. The
 * channel sees who deleted what. The button verb `personGroupDeleteConfirm` {personGroupId, kind} opens
 * the same confirmation (list rows, "which one?").
 */
import { deletedCard, deleteFormCard, kindLabel } from '../cards/group-change-cards';
import { failureBanner, failureCard, notConfiguredCard } from '../cards/outcome-cards';
import type { GroupKind } from '../face/types';
import type { DeleteOutcome } from '../provisioning/change-outcome';
import { platformName } from '../provisioning/existing-group';
import { RETRYABLE_KINDS } from '../provisioning/failure';
import { timeAgo } from '../provisioning/messages';
import type { AuditEntry } from '../store/types';
import { CHANGE_TEXTS } from './change-texts';
import { type GroupArgument, groupButton, groupCommand, isReply, locateOrReply } from './group-target';
import { noticeReply } from './replies';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, CommandDeps, FormSpec, Invocation, Reply } from './types';

export const DELETE_FORM: FormSpec = {
  verb: 'personGroupDelete',
  callbackId: 'persongroup_delete',
  title: CHANGE_TEXTS.deleteTitle,
};

const USAGE = '/persongroup delete <id>';
const CONFIRM_VERB = 'personGroupDeleteConfirm';

function notAllowedReply(
  invocation: Invocation,
  personGroupId: string,
  creator: AuditEntry | undefined,
): Reply {
  const who = creator && {
    name: creator.userName || creator.userId,
    platform: platformName(creator.platform),
    ago: timeAgo(creator.at, new Date()),
  };
  const { title, text } = CHANGE_TEXTS.notAllowed(personGroupId, who, invocation.platform);
  return noticeReply(title, text);
}

async function openConfirmation(
  invocation: Invocation,
  deps: CommandDeps,
  group: GroupArgument,
): Promise<Reply> {
  const located = await locateOrReply(invocation, deps, group, { verb: CONFIRM_VERB, action: 'delete' });
  if (isReply(located)) return located;
  const rights = await deps.provisioning.deleteRights({
    workspaceId: invocation.workspaceId,
    actor: invocation.actor,
    isAdmin: await invocation.isAdmin(),
    personGroupId: located.group.groupId,
  });
  if (rights.kind === 'failed') {
    const card = failureCard(rights.failure, located.group.groupId);
    return { card, text: COMMAND_TEXTS.failed(rights.failure) };
  }
  if (rights.kind === 'forbidden') return notAllowedReply(invocation, located.group.groupId, rights.creator);
  const card = deleteFormCard(located.group, { useSubmit: invocation.useSubmit });
  return { card, text: `${CHANGE_TEXTS.deleteTitle}: ${located.group.groupId}`, form: DELETE_FORM };
}

export const deleteCommand: Command = groupCommand({
  name: 'delete',
  usage: USAGE,
  summary: 'Deletes a group after you type its id (admins and its creator).',
  what: CHANGE_TEXTS.deleteWhat,
  open: openConfirmation,
});

/** A "Delete" button ({personGroupId, kind}), e.g. on a list row: the confirmation of that group. */
export const deleteButton: Action = groupButton(CONFIRM_VERB, {
  usage: USAGE,
  what: CHANGE_TEXTS.deleteWhat,
  open: openConfirmation,
});

export const deleteSubmit: Action = {
  verb: DELETE_FORM.verb,
  form: DELETE_FORM,
  spendsFace: true,
  async run(invocation, data, { provisioning }) {
    const outcome = await provisioning.deleteGroup({
      workspaceId: invocation.workspaceId,
      actor: invocation.actor,
      platform: invocation.platform,
      // Decided again here: a confirmation can be forwarded, or rights may have changed since.
      isAdmin: await invocation.isAdmin(),
      personGroupId: typeof data.personGroupId === 'string' ? data.personGroupId : '',
      kind: data.kind,
      confirmId: data.confirmId,
    });
    return deleteReply(outcome, invocation, data);
  },
};

/** Failure kinds after which the confirmation is shown again: waiting and submitting again can help. */
const CONFIRM_AGAIN_KINDS = [...RETRYABLE_KINDS, 'training_running'];

function deleteReply(
  outcome: DeleteOutcome,
  invocation: Invocation,
  data: Readonly<Record<string, unknown>>,
): Reply {
  const personGroupId = typeof data.personGroupId === 'string' ? data.personGroupId : '';
  const kind: GroupKind = data.kind === 'largePersonGroup' ? 'largePersonGroup' : 'personGroup';
  // The confirmation again; the submission does not carry the name, so the card leaves it out.
  const again = (options: { error?: string; banners?: ReturnType<typeof failureBanner>[] }) =>
    deleteFormCard(
      { groupId: personGroupId, kind, name: '' },
      { ...options, useSubmit: invocation.useSubmit },
    );
  switch (outcome.kind) {
    case 'deleted': {
      const card = deletedCard(outcome);
      const text = CHANGE_TEXTS.deleted(
        invocation.mention,
        kindLabel(outcome.groupKind),
        outcome.personGroupId,
        outcome.target,
      );
      return { card, text, announce: { card, text } };
    }
    case 'forbidden':
      return notAllowedReply(invocation, outcome.personGroupId, outcome.creator);
    case 'mistyped': {
      const error = CHANGE_TEXTS.mistyped(outcome.personGroupId);
      return { card: again({ error }), text: error, form: DELETE_FORM, fieldErrors: { confirmId: error } };
    }
    case 'not_configured': {
      const card = notConfiguredCard(personGroupId);
      return {
        card,
        text: COMMAND_TEXTS.notConfigured,
        standalone: { card, text: COMMAND_TEXTS.notConfigured },
      };
    }
    case 'failed': {
      const { failure } = outcome;
      const text = COMMAND_TEXTS.failed(failure);
      const alone = { card: failureCard(failure, personGroupId), text };
      if (!CONFIRM_AGAIN_KINDS.includes(failure.kind)) return { ...alone, standalone: alone };
      return {
        card: again({ banners: [failureBanner(failure)] }),
        text,
        form: DELETE_FORM,
        standalone: alone,
      };
    }
  }
}
