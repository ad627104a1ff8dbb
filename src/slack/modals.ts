/**
 * Every Slack view and message this adapter sends, made from the cards in cards/ by src/cards (the form
 * exists once; Block Kit is never written here by hand).
 */
import type { types } from '@slack/bolt';
import { cardToBlocks, cardToModal } from '../cards/block-kit';
import {
  configFormCard,
  configureOutcomeCard,
  createFailureCard,
  createFormCard,
  createOutcomeCard,
  noticeCard,
  usageCard,
} from '../cards/outcome-cards';
import type { ConfigureOutcome, CreateOutcome, FormValues } from '../provisioning/outcome';
import { encodeMetadata, type ModalMetadata } from './metadata';
import type { SlackMessage } from './respond';
import { SLACK_TEXTS } from './texts';

export const CREATE_CALLBACK_ID = 'persongroup_create';
export const CONFIGURE_CALLBACK_ID = 'workspace_configure';
/** The "Creating…" and result views: nothing to submit, so no listener needs them. */
export const CREATE_PROGRESS_CALLBACK_ID = 'persongroup_create_progress';

const CREATE_TITLE = SLACK_TEXTS.createTitle;
const CONFIGURE_TITLE = SLACK_TEXTS.configureTitle;

/** The create form as a modal, with the prefill or the values the user sent. */
export function createModal(meta: ModalMetadata, values: FormValues = {}): types.ModalView {
  const prefill: FormValues = {};
  if (meta.prefill.personGroupId) prefill.personGroupId = meta.prefill.personGroupId;
  if (meta.prefill.name) prefill.name = meta.prefill.name;
  return cardToModal(createFormCard({ values: { ...prefill, ...values } }), {
    callbackId: CREATE_CALLBACK_ID,
    privateMetadata: encodeMetadata(meta),
    title: CREATE_TITLE,
  });
}

/** Shown while the Face call outlives Slack's 3 s: replaced by views.update when it ends. */
export function creatingModal(personGroupId: string): types.ModalView {
  const { title, text } = SLACK_TEXTS.creating(personGroupId);
  const card = noticeCard(title, text);
  return cardToModal(card, { callbackId: CREATE_PROGRESS_CALLBACK_ID, title: CREATE_TITLE });
}

/**
 * The modal for a create outcome: the result card, or the form again (values kept, errors shown) when the
 * user can fix it there — then it keeps the create callback and metadata so it can be submitted again.
 */
export function createOutcomeModal(outcome: CreateOutcome, meta: ModalMetadata): types.ModalView {
  const card = createOutcomeCard(outcome);
  const isForm = (card.actions ?? []).length > 0;
  return cardToModal(card, {
    callbackId: isForm ? CREATE_CALLBACK_ID : CREATE_PROGRESS_CALLBACK_ID,
    ...(isForm ? { privateMetadata: encodeMetadata(meta) } : {}),
    title: CREATE_TITLE,
  });
}

/** The channel message for a created group: the success card's blocks and a sentence naming who and what. */
export function createdMessage(
  outcome: Extract<CreateOutcome, { kind: 'created' }>,
  userId: string,
): SlackMessage {
  const { personGroupId, name } = outcome.group;
  return {
    text: SLACK_TEXTS.created(userId, personGroupId, name, outcome.target),
    blocks: cardToBlocks(createOutcomeCard(outcome)),
  };
}

/** A create failure for the user alone (when the modal can no longer be updated). */
export function createFailureMessage(outcome: Exclude<CreateOutcome, { kind: 'created' }>): SlackMessage {
  const blocks = cardToBlocks(createFailureCard(outcome));
  const text =
    outcome.kind === 'failed'
      ? SLACK_TEXTS.createFailed(outcome.failure)
      : outcome.kind === 'not_configured'
        ? SLACK_TEXTS.createNotConfigured
        : SLACK_TEXTS.createInvalid;
  return { text, blocks };
}

/** The configuration form as a modal; the key is never pre-filled. */
export function configModal(meta: ModalMetadata, values: FormValues = {}): types.ModalView {
  return cardToModal(configFormCard({ values, banners: [{ style: 'warning', ...SLACK_TEXTS.keyVisible }] }), {
    callbackId: CONFIGURE_CALLBACK_ID,
    privateMetadata: encodeMetadata(meta),
    title: CONFIGURE_TITLE,
  });
}

/** The modal for a configure outcome (a form again keeps the configure callback, never the key). */
export function configureOutcomeModal(outcome: ConfigureOutcome, meta: ModalMetadata): types.ModalView {
  const card = configureOutcomeCard(outcome);
  const isForm = (card.actions ?? []).length > 0;
  return cardToModal(card, {
    callbackId: isForm ? CONFIGURE_CALLBACK_ID : CREATE_PROGRESS_CALLBACK_ID,
    ...(isForm ? { privateMetadata: encodeMetadata(meta) } : {}),
    title: CONFIGURE_TITLE,
  });
}

/** Shown while the key is being checked live beyond Slack's 3 s. */
export function checkingKeyModal(): types.ModalView {
  const card = noticeCard(SLACK_TEXTS.checkingKey.title, SLACK_TEXTS.checkingKey.text);
  return cardToModal(card, { callbackId: CREATE_PROGRESS_CALLBACK_ID, title: CONFIGURE_TITLE });
}

/** A result with nothing to submit (e.g. an unexpected failure), as a modal. */
export function noticeModal(title: string, text: string): types.ModalView {
  return cardToModal(noticeCard(title, text, 'attention'), {
    callbackId: CREATE_PROGRESS_CALLBACK_ID,
    title: CREATE_TITLE,
  });
}

/** Usage, for `help`, a bare `/persongroup` and unknown verbs. */
export function usageMessage(unknown?: string): SlackMessage {
  const note = unknown ? SLACK_TEXTS.unknownCommand(unknown) : '';
  return {
    text: SLACK_TEXTS.usage(note),
    blocks: cardToBlocks(usageCard(note)),
  };
}

/** A short message to one user, from the notice card. */
export function noticeMessage(title: string, text: string): SlackMessage {
  return {
    text: SLACK_TEXTS.noticeFallback(title, text),
    blocks: cardToBlocks(noticeCard(title, text, 'attention')),
  };
}
