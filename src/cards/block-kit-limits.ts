/**
 * Block Kit limits (DESIGN.md "Slack"; Slack rejects a view or message that breaks one, and no offline
 * validator exists) and the text helpers that keep within them.
 */
import { CardTranslationError } from './card-translation-error';

export const SLACK_LIMITS = {
  modalTitle: 24,
  modalButton: 24,
  modalBlocks: 100,
  messageBlocks: 50,
  privateMetadata: 3000,
  callbackId: 255,
  blockId: 255,
  actionId: 255,
  inputMaxLength: 3000,
  placeholder: 150,
  label: 2000,
  hint: 2000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextText: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
} as const;

const ELLIPSIS = '…';

/** Shortens `text` to at most `max` UTF-16 units, ending in an ellipsis; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

/**
 * Escapes `&`, `<`, `>` for mrkdwn and keeps the result within `max`, cutting the raw text (never an
 * entity in half) and ending in an ellipsis when it had to cut.
 */
export function escapeMrkdwn(text: string, max: number): string {
  const escaped = escapeAll(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const char of text) {
    const next = escapeAll(char);
    if (out.length + next.length > max - ELLIPSIS.length) break;
    out += next;
  }
  return `${out}${ELLIPSIS}`;
}

function escapeAll(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Throws when an identifier is too long: an id cut short would no longer match its input. */
export function checkIdLength(element: string, what: string, id: string, max: number): string {
  if (id.length > max) {
    throw new CardTranslationError(
      element,
      `${what} ≤ ${max}`,
      `"${truncate(id, 40)}" has ${id.length} characters`,
    );
  }
  return id;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
