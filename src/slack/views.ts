/**
 * Replies of the command table as Slack views and messages, made from their cards by src/cards (a form
 * exists once, in cards/; Block Kit is never written here by hand).
 */
import type { types } from '@slack/bolt';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { cardToBlocks, cardToModal } from '../cards/block-kit';
import { noticeCard } from '../cards/outcome-cards';
import type { FormSpec, Message } from '../commands';
import { encodeMetadata, type ModalMetadata } from './metadata';
import type { SlackMessage } from './respond';
import { SLACK_TEXTS } from './texts';

/** Views with nothing to submit (progress, results): no listener needs their submissions. */
export const RESULT_CALLBACK_ID = 'persongroup_create_progress';

/**
 * A card as the modal of a form's flow: a form (keeping the form's callback_id and the metadata, so it
 * can be submitted again, with the submit action's data carried along), or a result with nothing to submit.
 */
export function modalOf(
  card: AdaptiveCard,
  flow: FormSpec,
  meta: Omit<ModalMetadata, 'data'>,
  isForm: boolean,
): types.ModalView {
  if (!isForm) return cardToModal(card, { callbackId: RESULT_CALLBACK_ID, title: flow.title });
  const privateMetadata = encodeMetadata({ ...meta, data: submitData(card) });
  return cardToModal(card, { callbackId: flow.callbackId, privateMetadata, title: flow.title });
}

/** A message's blocks and its plain text. */
export function slackMessage(message: Message): SlackMessage {
  return { text: message.text, blocks: cardToBlocks(message.card) };
}

/** A notice as a modal in a form's flow (an unreadable form, an unexpected failure). */
export function noticeModal(title: string, text: string, flow?: FormSpec): types.ModalView {
  return cardToModal(noticeCard(title, text, 'attention'), {
    callbackId: RESULT_CALLBACK_ID,
    title: flow?.title ?? SLACK_TEXTS.fallbackTitle,
  });
}

/** A notice for one user, as a message. */
export function noticeMessage(title: string, text: string): SlackMessage {
  return {
    text: SLACK_TEXTS.noticeFallback(title, text),
    blocks: cardToBlocks(noticeCard(title, text, 'attention')),
  };
}

/** The submit action's data as text (the verb left out: the callback_id names it). */
function submitData(card: AdaptiveCard): Record<string, string> {
  const data = (card.actions?.[0] as { data?: unknown } | undefined)?.data;
  const out: Record<string, string> = {};
  if (typeof data !== 'object' || data === null) return out;
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'verb' && typeof value === 'string') out[key] = value;
  }
  return out;
}
