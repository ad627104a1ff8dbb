/**
 * `/persongroup create [id [name…]]`: the create form, prefilled from what was typed; its submit (verb
 * `personGroupCreate`) creates the group. Success is announced to the conversation, naming who created
 * what; a failure stays with the user, under its field where it has one.
 */
import type { AdaptiveCard } from '../cards/adaptive-card';
import { createFailureCard, createFormCard, createOutcomeCard } from '../cards/outcome-cards';
import { KIND_TEXTS } from '../provisioning/group-kind';
import type { CreateOutcome } from '../provisioning/outcome';
import { fieldErrorMap } from './field-errors';
import { noticeReply } from './replies';
import { COMMAND_TEXTS } from './texts';
import type { Action, Command, FormSpec, Invocation, Reply } from './types';

export const CREATE_FORM: FormSpec = {
  verb: 'personGroupCreate',
  callbackId: 'persongroup_create',
  title: COMMAND_TEXTS.createTitle,
};

export const createCommand: Command = {
  name: 'create',
  usage: '/persongroup create [id [name…]]',
  summary: 'Opens the form to create a person group; an id and a name fill it in.',
  async run(invocation, { words, rest }, { provisioning }) {
    const [personGroupId] = words;
    const name =
      personGroupId === undefined
        ? ''
        : rest.slice(rest.indexOf(personGroupId) + personGroupId.length).trim();
    const values: Record<string, string> = {};
    if (personGroupId !== undefined) values.personGroupId = personGroupId;
    if (name !== '') values.name = name;
    const { target } = await provisioning.describeWorkspace(invocation.workspaceId);
    const card = createFormCard({
      values,
      emulated: target?.emulated ?? false,
      useSubmit: invocation.useSubmit,
    });
    return { card, text: COMMAND_TEXTS.createTitle, form: CREATE_FORM };
  },
};

export const createSubmit: Action = {
  verb: CREATE_FORM.verb,
  form: CREATE_FORM,
  spendsFace: true,
  progress(data) {
    const { title, text } = COMMAND_TEXTS.creating(
      typeof data.personGroupId === 'string' ? data.personGroupId : '',
    );
    return noticeReply(title, text, 'default');
  },
  async run(invocation, data, { provisioning }) {
    const outcome = await provisioning.createPersonGroup({
      workspaceId: invocation.workspaceId,
      actor: invocation.actor,
      values: data,
      platform: invocation.platform,
      ...(invocation.submissionId ? { submissionId: invocation.submissionId } : {}),
    });
    return createReply(outcome, invocation);
  },
};

/** A create outcome as a reply: success for everyone, the form again or a failure card for the user. */
export function createReply(outcome: CreateOutcome, invocation: Invocation): Reply {
  if (outcome.kind === 'created') {
    const card = createOutcomeCard(outcome);
    const { personGroupId, name } = outcome.group;
    const noun = KIND_TEXTS.noun(outcome.groupKind ?? 'personGroup');
    const text = COMMAND_TEXTS.created(invocation.mention, personGroupId, name, outcome.target, noun);
    // The conversation hears of a creation once: a twin of the same submission only tells its sender.
    return outcome.twin ? { card, text } : { card, text, announce: { card, text } };
  }
  const emulated = outcome.kind === 'not_configured' ? false : (outcome.target?.emulated ?? false);
  const card = createOutcomeCard(outcome, { emulated, useSubmit: invocation.useSubmit });
  const standalone = { card: createFailureCard(outcome), text: failureLine(outcome) };
  const reply: Reply = { card, text: standalone.text, standalone };
  if (isForm(card)) reply.form = CREATE_FORM;
  if (outcome.kind === 'invalid' && outcome.errors.length > 0)
    reply.fieldErrors = fieldErrorMap(outcome.errors);
  if (outcome.kind === 'failed' && outcome.failure.field) {
    const { title, detail, remedy } = outcome.failure;
    // "Already exists" names who created the group and when, where the bot knows: say it under the field too.
    const said =
      outcome.failure.kind === 'already_exists' ? `${title}. ${detail} ${remedy}` : `${title}. ${remedy}`;
    reply.fieldErrors = { [outcome.failure.field]: said };
  }
  return reply;
}

function failureLine(outcome: Exclude<CreateOutcome, { kind: 'created' }>): string {
  if (outcome.kind === 'failed') return COMMAND_TEXTS.failed(outcome.failure);
  return outcome.kind === 'not_configured' ? COMMAND_TEXTS.notConfigured : COMMAND_TEXTS.invalid;
}

/** A card that still holds a form (it has a submit action). */
export function isForm(card: AdaptiveCard): boolean {
  return (card.actions ?? []).length > 0;
}
