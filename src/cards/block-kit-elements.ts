/**
 * One Adaptive Card element → Block Kit blocks. Containers and column sets are flattened; a subtle
 * TextBlock with the id `<inputId>-hint` becomes that input's hint instead of a block of its own.
 */
import type * as slack from '@slack/types';
import type { CardElement, FactSet, InputChoiceSet, InputText, TextBlock } from './adaptive-card';
import { buttonsBlock } from './block-kit-buttons';
import { checkIdLength, escapeMrkdwn, SLACK_LIMITS as L, truncate } from './block-kit-limits';
import { CardTranslationError, describeElement } from './card-translation-error';

/** The first `max` UTF-16 units of `text`, never ending inside a surrogate pair. */
function cutAt(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Said in an input's hint when a prefilled value was longer than the input holds. */
export function cutValueNote(length: number, max: number): string {
  return `The value given had ${length} characters; this field holds at most ${max}, so it was cut. Check it before you submit.`;
}

/** Said in an input's hint when the card allows more characters than a Slack text input holds. */
export const SLACK_CAP_NOTE = `Slack holds at most ${L.inputMaxLength} characters here.`;

export interface TranslateContext {
  /** Inputs are allowed (modals) or rejected (messages: a message cannot submit a form). */
  allowInputs: boolean;
  /** Hint texts by input id, taken from the `<inputId>-hint` TextBlocks. */
  hints: Map<string, string>;
}

/** An element with the emoji its container's style puts before it (attention → :warning:), or ''. */
export interface FlatElement {
  element: CardElement;
  lead: string;
}

/** Containers and columns dissolved into their elements, in reading order. */
export function flatten(elements: readonly CardElement[]): FlatElement[] {
  const out: FlatElement[] = [];
  for (const element of elements) {
    if (element.type === 'Container') {
      const items = flatten(element.items);
      const lead = (element.style && STYLE_EMOJI[element.style]) ?? '';
      if (items[0]) items[0].lead = lead;
      out.push(...items);
    } else if (element.type === 'ColumnSet') {
      for (const column of element.columns) out.push(...flatten(column.items));
    } else {
      out.push({ element, lead: '' });
    }
  }
  return out;
}

const STYLE_EMOJI: Partial<Record<string, string>> = {
  attention: ':warning:',
  warning: ':warning:',
  good: ':white_check_mark:',
  accent: ':information_source:',
};

/** The `<inputId>-hint` TextBlocks of inputs present in `elements`, by input id. */
export function collectHints(flat: readonly FlatElement[]): Map<string, string> {
  const elements = flat.map((item) => item.element);
  const inputIds = new Set(
    elements.flatMap((e) => (e.type === 'Input.Text' || e.type === 'Input.ChoiceSet' ? [e.id] : [])),
  );
  const hints = new Map<string, string>();
  for (const element of elements) {
    if (element.type !== 'TextBlock' || !element.id?.endsWith('-hint')) continue;
    const inputId = element.id.slice(0, -'-hint'.length);
    if (inputIds.has(inputId)) hints.set(inputId, element.text);
  }
  return hints;
}

/** The blocks for one (already flattened) element; [] for an element that has nothing to show. */
export function elementToBlocks(
  { element, lead }: FlatElement,
  context: TranslateContext,
): slack.KnownBlock[] {
  switch (element.type) {
    case 'TextBlock':
      return textBlock(element, lead, context);
    case 'FactSet':
      return factSet(element);
    case 'Input.Text':
      return [inputText(element, requireInputs(element, context), context)];
    case 'Input.ChoiceSet':
      return [choiceSet(element, requireInputs(element, context), context)];
    case 'ActionSet':
      return element.actions.length > 0 ? [buttonsBlock(element.actions)] : [];
    default:
      throw new CardTranslationError(
        describeElement(element as { type: string }),
        'supported element types',
        'only TextBlock, FactSet, Input.Text, Input.ChoiceSet, ActionSet, Container and ColumnSet are translated',
      );
  }
}

function requireInputs(element: InputText | InputChoiceSet, context: TranslateContext): string {
  const name = describeElement(element);
  if (!context.allowInputs) {
    throw new CardTranslationError(
      name,
      'inputs only in modals',
      'a message cannot submit a form; open a modal',
    );
  }
  checkIdLength(name, 'block_id', element.id, L.blockId);
  return checkIdLength(name, 'action_id', element.id, L.actionId);
}

function textBlock(element: TextBlock, containerLead: string, context: TranslateContext): slack.KnownBlock[] {
  const raw = element.text.trim();
  if (raw === '') return [];
  if (element.id?.endsWith('-hint') && context.hints.has(element.id.slice(0, -'-hint'.length))) return [];
  if (element.style === 'heading') {
    return [{ type: 'header', text: { type: 'plain_text', text: truncate(raw, L.headerText), emoji: true } }];
  }
  if (element.isSubtle || element.size === 'small') {
    return [{ type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn(raw, L.contextText) }] }];
  }
  const warning = element.color === 'attention' || element.color === 'warning' ? ':warning:' : '';
  const lead = containerLead || warning ? `${containerLead || warning} ` : '';
  const body =
    element.weight === 'bolder'
      ? `*${mrkdwn(raw, L.sectionText - 2 - lead.length)}*`
      : mrkdwn(raw, L.sectionText - lead.length);
  return [{ type: 'section', text: { type: 'mrkdwn', text: `${lead}${body}` } }];
}

/** Card markdown's **bold** becomes mrkdwn's *bold*; &, <, > are escaped. */
function mrkdwn(text: string, max: number): string {
  return escapeMrkdwn(text, max).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

function factSet(element: FactSet): slack.KnownBlock[] {
  const blocks: slack.KnownBlock[] = [];
  for (let i = 0; i < element.facts.length; i += L.sectionFields) {
    const fields = element.facts.slice(i, i + L.sectionFields).map((fact) => {
      const title = `*${escapeMrkdwn(fact.title, 200)}*\n`;
      return {
        type: 'mrkdwn' as const,
        text: `${title}${escapeMrkdwn(fact.value, L.fieldText - title.length)}`,
      };
    });
    if (fields.length > 0) blocks.push({ type: 'section', fields });
  }
  return blocks;
}

function inputText(element: InputText, id: string, context: TranslateContext): slack.InputBlock {
  const capped = element.maxLength !== undefined && element.maxLength > L.inputMaxLength;
  const maxLength =
    element.maxLength === undefined ? undefined : Math.min(element.maxLength, L.inputMaxLength);
  const input: slack.PlainTextInput = { type: 'plain_text_input', action_id: id };
  if (element.isMultiline) input.multiline = true;
  if (maxLength !== undefined) input.max_length = maxLength;
  if (element.placeholder) input.placeholder = plain(truncate(element.placeholder, L.placeholder));
  let cutNote: string | undefined;
  if (element.value) {
    // Slack refuses a whole view whose initial value is longer than the input holds: the form must still
    // open (e.g. `/persongroup create <70 characters>`), so the value is cut and the hint says so.
    if (maxLength !== undefined && element.value.length > maxLength) {
      input.initial_value = cutAt(element.value, maxLength);
      cutNote = cutValueNote(element.value.length, maxLength);
    } else input.initial_value = element.value;
  }
  const hint = [cutNote, context.hints.get(element.id), capped ? SLACK_CAP_NOTE : undefined]
    .filter(Boolean)
    .join(' ');
  return inputBlock(element, id, input, hint);
}

function choiceSet(element: InputChoiceSet, id: string, context: TranslateContext): slack.InputBlock {
  const name = describeElement(element);
  if (element.isMultiSelect)
    throw new CardTranslationError(name, 'single choice', 'multi-select is not translated');
  if (element.choices.length === 0)
    throw new CardTranslationError(name, 'static_select options ≥ 1', 'no choices');
  if (element.choices.length > L.selectOptions) {
    throw new CardTranslationError(
      name,
      `static_select options ≤ ${L.selectOptions}`,
      `${element.choices.length} choices`,
    );
  }
  const options = element.choices.map((choice): slack.PlainTextOption => {
    checkIdLength(name, 'option value', choice.value, L.optionValue);
    return { text: plain(truncate(choice.title, L.optionText)), value: choice.value };
  });
  const select: slack.StaticSelect = { type: 'static_select', action_id: id, options };
  const initial = options.find((option) => option.value === element.value);
  if (initial) select.initial_option = initial;
  if (element.placeholder) select.placeholder = plain(truncate(element.placeholder, L.placeholder));
  return inputBlock(element, id, select, context.hints.get(element.id) ?? '');
}

function inputBlock(
  element: InputText | InputChoiceSet,
  id: string,
  input: slack.PlainTextInput | slack.StaticSelect,
  hint: string,
): slack.InputBlock {
  if (!element.label) {
    throw new CardTranslationError(
      describeElement(element),
      'input label required',
      'a Slack input block needs a label',
    );
  }
  const optional = element.isRequired !== true;
  // Slack writes "(optional)" after an optional input's label itself; the card's own marker would repeat it.
  const label = optional ? element.label.replace(/\s*\(optional\)\s*$/i, '') : element.label;
  const block: slack.InputBlock = {
    type: 'input',
    block_id: id,
    label: plain(truncate(label, L.label)),
    optional,
    element: input,
  };
  if (hint !== '') block.hint = plain(truncate(hint, L.hint));
  return block;
}

/** A plain_text object with emoji shortcodes on, as every text of ours is written. */
export function plain(text: string): slack.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}
