/**
 * Block Kit elements as HTML controls: text inputs, selects and buttons. Each control carries its
 * `data-block-id` and `data-action-id`, so the page can send back what Slack would: view.state.values
 * and block_actions.
 */
import { asObject, asObjects, asString, type Json, textOf } from './block-kit-json';
import { escapeHtml, plainTextToHtml } from './mrkdwn-html';

/** What the caller of one control needs: its element id and the ids of its label, hint and error. */
export interface ControlIds {
  /** The HTML id of the control, for `<label for>`. */
  id: string;
  /** HTML ids the control is described by (hint, error). */
  describedBy: string;
  blockId: string;
}

/** Text input types Slack has, and the HTML input type that behaves alike. */
const TEXT_INPUTS: Readonly<Record<string, string>> = {
  plain_text_input: 'text',
  email_text_input: 'email',
  url_text_input: 'url',
  number_input: 'text',
};

/** An input block's element as a form control, or undefined for an element the sandbox does not draw. */
export function inputControlHtml(element: Json, ids: ControlIds): string | undefined {
  const type = asString(element.type) ?? '';
  const common = `id="${ids.id}" data-block-id="${escapeHtml(ids.blockId)}" data-action-id="${escapeHtml(asString(element.action_id) ?? '')}" data-element-type="${escapeHtml(type)}" aria-describedby="${ids.describedBy}"`;
  const placeholder = textOf(element.placeholder);
  const placeholderAttr = placeholder ? ` placeholder="${escapeHtml(placeholder)}"` : '';
  if (type in TEXT_INPUTS) {
    const value = asString(element.initial_value) ?? numberText(element.initial_value) ?? '';
    const max = typeof element.max_length === 'number' ? ` maxlength="${element.max_length}"` : '';
    const min = typeof element.min_length === 'number' ? ` minlength="${element.min_length}"` : '';
    if (element.multiline === true) {
      return `<textarea class="bk-field bk-multiline" ${common}${max}${min}${placeholderAttr}>${escapeHtml(value)}</textarea>`;
    }
    return `<input class="bk-field" type="${TEXT_INPUTS[type]}" ${common}${max}${min}${placeholderAttr} value="${escapeHtml(value)}">`;
  }
  if (type === 'static_select') return selectHtml(element, common, placeholder);
  return undefined;
}

function selectHtml(element: Json, common: string, placeholder: string | undefined): string {
  const initial = asString(asObject(element.initial_option)?.value);
  const groups = asObjects(element.option_groups);
  const optionsHtml = (options: Json[]) =>
    options
      .map((option) => {
        const value = asString(option.value) ?? '';
        const selected = value === initial ? ' selected' : '';
        return `<option value="${escapeHtml(value)}"${selected}>${plainTextToHtml(textOf(option.text) ?? value)}</option>`;
      })
      .join('');
  const body =
    groups.length > 0
      ? groups
          .map(
            (group) =>
              `<optgroup label="${escapeHtml(textOf(group.label) ?? '')}">${optionsHtml(asObjects(group.options))}</optgroup>`,
          )
          .join('')
      : optionsHtml(asObjects(element.options));
  // Slack shows the placeholder until something is chosen; an empty first option does the same here.
  const none =
    initial === undefined ? `<option value="">${escapeHtml(placeholder ?? 'Select an item')}</option>` : '';
  return `<select class="bk-field bk-select" ${common}>${none}${body}</select>`;
}

/** A button element (in an actions block or a section's accessory); a `url` button is a link. */
export function buttonHtml(element: Json, blockId: string): string {
  const label = plainTextToHtml(textOf(element.text) ?? '', asObject(element.text)?.emoji !== false);
  const style = asString(element.style);
  const cls = `bk-button${style === 'primary' ? ' bk-primary' : style === 'danger' ? ' bk-danger' : ''}`;
  const url = asString(element.url);
  if (url && /^https?:/i.test(url)) {
    return `<a class="${cls}" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
  }
  return `<button type="button" class="${cls}" data-bk-action data-block-id="${escapeHtml(blockId)}" data-action-id="${escapeHtml(asString(element.action_id) ?? '')}" data-value="${escapeHtml(asString(element.value) ?? '')}">${label}</button>`;
}

function numberText(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : undefined;
}
