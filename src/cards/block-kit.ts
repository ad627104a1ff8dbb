/**
 * Adaptive Card → Slack Block Kit. Slack's modals and messages are produced from the same expanded cards
 * Teams gets, so a form is written once (cards/). Every Block Kit limit is enforced here: texts are
 * shortened with an ellipsis where that keeps the meaning, anything else throws CardTranslationError.
 */
import type * as slack from '@slack/types';
import type { AdaptiveCard, CardAction } from './adaptive-card';
import { buttonsBlock } from './block-kit-buttons';
import {
  collectHints,
  elementToBlocks,
  type FlatElement,
  flatten,
  plain,
  type TranslateContext,
} from './block-kit-elements';
import { checkIdLength, SLACK_LIMITS as L, truncate } from './block-kit-limits';
import { CardTranslationError } from './card-translation-error';

export interface ModalOptions {
  /** The view's callback_id: `persongroup_create` or `workspace_configure` (CONTRACT.md). */
  callbackId: string;
  /** Carried back in view_submission (channel, user, response_url…); at most 3000 characters. */
  privateMetadata?: string;
  /** The modal title; default: the card's first heading. Shortened to 24 characters with an ellipsis. */
  title?: string;
}

/** A card as a modal: inputs become input blocks (block_id = action_id = input id), the submit action the submit button. */
export function cardToModal(card: AdaptiveCard, options: ModalOptions): slack.ModalView {
  checkIdLength('modal', 'callback_id', options.callbackId, L.callbackId);
  const metadata = options.privateMetadata ?? '';
  if (metadata.length > L.privateMetadata) {
    throw new CardTranslationError(
      'modal',
      `private_metadata ≤ ${L.privateMetadata}`,
      `${metadata.length} characters`,
    );
  }
  let elements = flatten(card.body);
  const heading = elements.find(({ element }) => element.type === 'TextBlock' && element.style === 'heading');
  const headingText = heading?.element.type === 'TextBlock' ? heading.element.text.trim() : undefined;
  const title = options.title ?? headingText;
  if (!title)
    throw new CardTranslationError('modal', 'title required', 'give a title or a heading TextBlock');
  // The heading already is the modal's title, or (a form under its own title) says the same: showing it
  // again right below adds nothing. A result's heading says what happened and stays.
  const isForm = elements.some(({ element }) => element.type.startsWith('Input.'));
  const headingRepeatsTitle = options.title === undefined ? title.length <= L.modalTitle : isForm;
  if (heading && headingRepeatsTitle) {
    elements = elements.filter((item) => item !== heading);
  }
  const blocks = translate(elements, true, L.modalBlocks, 'modal');
  const hasInputs = blocks.some((block) => block.type === 'input');
  const submit = submitAction(card.actions ?? []);
  if (hasInputs && !submit)
    throw new CardTranslationError('modal', 'submit required', 'a modal with inputs needs a submit button');

  const view: slack.ModalView = {
    type: 'modal',
    callback_id: options.callbackId,
    title: plain(truncate(title, L.modalTitle)),
    close: plain(hasInputs ? 'Cancel' : 'Close'),
    blocks,
  };
  if (submit && hasInputs) view.submit = plain(truncate(submit.title, L.modalButton));
  if (metadata !== '') view.private_metadata = metadata;
  return view;
}

/**
 * A card as message blocks (results, failures, lists, help). Its actions become buttons at the end; a card
 * with inputs (a form) belongs in a modal: a message cannot submit inputs.
 */
export function cardToBlocks(card: AdaptiveCard): slack.KnownBlock[] {
  const elements = flatten(card.body);
  const actions = card.actions ?? [];
  if (actions.length > 0 && elements.some(({ element }) => element.type.startsWith('Input.'))) {
    throw new CardTranslationError(
      'actions',
      'no forms in messages',
      'a message cannot submit a form; open a modal',
    );
  }
  const blocks = translate(elements, false, L.messageBlocks - (actions.length > 0 ? 1 : 0), 'message');
  if (actions.length > 0) blocks.push(buttonsBlock(actions));
  return blocks;
}

/** Blocks plus the plain `text` Slack shows in notifications and where blocks cannot be shown. */
export function cardToMessage(card: AdaptiveCard): { text: string; blocks: slack.KnownBlock[] } {
  return { text: cardFallbackText(card), blocks: cardToBlocks(card) };
}

/** The card's first two texts, plain: the notification line for a message. */
export function cardFallbackText(card: AdaptiveCard): string {
  const texts = flatten(card.body).flatMap(({ element }) =>
    element.type === 'TextBlock' ? [element.text.trim()] : [],
  );
  return truncate(texts.filter(Boolean).slice(0, 2).join(': '), L.sectionText);
}

/**
 * Slack's view.state.values → {inputId: value}: a text input's value, a select's option value; null → ''.
 * The values come from a request, so every level is checked: a block or action state that is not an
 * object (null included) is skipped, as if the field had not been sent. A value of another type than
 * text is passed on as it came, for the use case's validation to refuse with a field error.
 */
export function readModalValues(values: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const actions of Object.values(values)) {
    if (!isObject(actions)) continue;
    for (const [actionId, state] of Object.entries(actions)) {
      if (!isObject(state)) continue;
      const option = state.selected_option;
      const value = option !== undefined ? (isObject(option) ? option.value : undefined) : state.value;
      out[actionId] = (value ?? '') as string;
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function translate(
  elements: FlatElement[],
  allowInputs: boolean,
  maxBlocks: number,
  where: string,
): slack.KnownBlock[] {
  const context: TranslateContext = { allowInputs, hints: collectHints(elements) };
  const blocks = elements.flatMap((element) => elementToBlocks(element, context));
  if (blocks.length > maxBlocks) {
    throw new CardTranslationError(where, `blocks ≤ ${maxBlocks}`, `the card needs ${blocks.length} blocks`);
  }
  return blocks;
}

function submitAction(actions: readonly CardAction[]): CardAction | undefined {
  const other = actions.find((action) => action.type !== 'Action.Execute' && action.type !== 'Action.Submit');
  if (other) {
    const type = (other as { type: string }).type;
    throw new CardTranslationError(
      type,
      'submit actions only',
      'only Action.Execute and Action.Submit are translated',
    );
  }
  return actions[0];
}
