/**
 * `/persongroup edit <id>`: a form prefilled from the service (name and user data; id, kind and model
 * shown); its submit (verb `personGroupUpdate`) PATCHes the group. The change is announced to the
 * conversation like a create; field errors and failures stay with the user. The button verb
 * `personGroupEdit` {personGroupId, kind} opens the same form (e.g. after "which one?").
 */
import { SLACK_LIMITS } from '../cards/block-kit-limits';
import { editFormCard, invalidFieldsBanner, kindLabel, updatedCard } from '../cards/group-change-cards';
import { FORM_AGAIN_KINDS, failureBanner, failureCard, notConfiguredCard } from '../cards/outcome-cards';
import type { FaceGroup, GroupKind } from '../face/types';
import type { UpdateOutcome } from '../provisioning/change-outcome';
import { CHANGE_TEXTS } from './change-texts';
import { fieldErrorMap } from './field-errors';
import { type GroupArgument, groupButton, groupCommand, isReply, locateOrReply } from './group-target';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, CommandDeps, FormSpec, Invocation, Reply } from './types';

export const EDIT_FORM: FormSpec = {
  verb: 'personGroupUpdate',
  callbackId: 'persongroup_edit',
  title: CHANGE_TEXTS.editTitle,
};

const USAGE = '/persongroup edit <id>';
const EDIT_VERB = 'personGroupEdit';

/** Where the platform's text input cannot hold the user data, it is left out of the form (and kept). */
function userDataNote(invocation: Invocation, userData: string): string {
  const limit = SLACK_LIMITS.inputMaxLength;
  return invocation.platform === 'slack' && userData.length > limit
    ? CHANGE_TEXTS.userDataTooLongHere(userData.length, limit)
    : '';
}

async function openEditForm(invocation: Invocation, deps: CommandDeps, group: GroupArgument): Promise<Reply> {
  const located = await locateOrReply(invocation, deps, group, { verb: EDIT_VERB, action: 'edit' });
  if (isReply(located)) return located;
  const { groupId, name, userData } = located.group;
  const card = editFormCard(located.group, {
    values: { name, userData: userData ?? '' },
    userDataNote: userDataNote(invocation, userData ?? ''),
    useSubmit: invocation.useSubmit,
  });
  return { card, text: `${CHANGE_TEXTS.editTitle}: ${groupId}`, form: EDIT_FORM };
}

export const editCommand: Command = groupCommand({
  name: 'edit',
  usage: USAGE,
  summary: "Opens a form to change a group's name and user data.",
  what: CHANGE_TEXTS.editWhat,
  open: openEditForm,
});

/** An "Edit" button ({personGroupId, kind}): the form of that group. */
export const editButton: Action = groupButton(EDIT_VERB, {
  usage: USAGE,
  what: CHANGE_TEXTS.editWhat,
  open: openEditForm,
});

export const updateSubmit: Action = {
  verb: EDIT_FORM.verb,
  form: EDIT_FORM,
  spendsFace: true,
  async run(invocation, data, { provisioning }) {
    const outcome = await provisioning.updateGroup({
      workspaceId: invocation.workspaceId,
      actor: invocation.actor,
      platform: invocation.platform,
      values: data,
    });
    return updateReply(outcome, invocation, data);
  },
};

/** The form shown again: the group as the submission named it, the values as sent. */
function formAgain(
  invocation: Invocation,
  data: Readonly<Record<string, unknown>>,
  values: Record<string, string>,
  extra: Pick<Parameters<typeof editFormCard>[1], 'errors' | 'banners'>,
): Reply {
  const kind: GroupKind = data.kind === 'largePersonGroup' ? 'largePersonGroup' : 'personGroup';
  const group: Pick<FaceGroup, 'groupId' | 'kind'> = { groupId: values.personGroupId ?? '', kind };
  // A form without the user data input (too long for the platform) comes back without it again.
  const userDataNote = typeof data.userData === 'string' ? '' : CHANGE_TEXTS.userDataKept;
  const card = editFormCard(group, { values, ...extra, userDataNote, useSubmit: invocation.useSubmit });
  return { card, text: COMMAND_TEXTS.invalid, form: EDIT_FORM };
}

function updateReply(
  outcome: UpdateOutcome,
  invocation: Invocation,
  data: Readonly<Record<string, unknown>>,
): Reply {
  switch (outcome.kind) {
    case 'updated': {
      const card = updatedCard(outcome);
      const { personGroupId, kind, name } = outcome.group;
      const text = CHANGE_TEXTS.updated(
        invocation.mention,
        kindLabel(kind),
        personGroupId,
        name,
        outcome.target,
      );
      return { card, text, announce: { card, text } };
    }
    case 'invalid': {
      const reply = formAgain(invocation, data, outcome.values, {
        errors: outcome.errors,
        banners: [invalidFieldsBanner()],
      });
      // Only the form's own inputs take inline errors (a bad id comes from a broken card, not the user).
      const inline = outcome.errors.filter((error) => error.field === 'name' || error.field === 'userData');
      if (inline.length > 0) reply.fieldErrors = fieldErrorMap(inline);
      return reply;
    }
    case 'not_configured': {
      const card = notConfiguredCard(String(data.personGroupId ?? ''));
      return {
        card,
        text: COMMAND_TEXTS.notConfigured,
        standalone: { card, text: COMMAND_TEXTS.notConfigured },
      };
    }
    case 'failed': {
      const { failure, values } = outcome;
      const text = COMMAND_TEXTS.failed(failure);
      const alone = { card: failureCard(failure, values.personGroupId ?? ''), text };
      if (!FORM_AGAIN_KINDS.includes(failure.kind) && failure.kind !== 'training_running') {
        return { ...alone, standalone: alone };
      }
      const reply = formAgain(invocation, data, values, { banners: [failureBanner(failure)] });
      return { ...reply, text, standalone: alone };
    }
  }
}
