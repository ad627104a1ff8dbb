/**
 * Block Kit → HTML: modals and messages drawn the way Slack lays them out, for the Slack sandbox page
 * and the README pictures (`npm run docs:cards`, `npm run docs:sandbox`). It draws every block type the
 * card translator (src/cards/block-kit*.ts) emits — header, section (text and fields), context, input
 * (plain_text_input, static_select) — plus divider, actions, image and section accessories; any other
 * block is shown as a visible "not drawn" note, never dropped silently. Styles: page/block-kit.css.
 */
import { buttonHtml, inputControlHtml } from './block-kit-controls';
import { asObject, asObjects, asString, type Json, textOf } from './block-kit-json';
import { escapeHtml, mrkdwnToHtml, type NameBook, plainTextToHtml } from './mrkdwn-html';

export type { NameBook } from './mrkdwn-html';

export interface BlockRenderOptions {
  /** Field errors (`response_action: "errors"`), by block_id. */
  errors?: Readonly<Record<string, string>>;
  /** Names for `<@U…>` and `<#C…>` mentions. */
  names?: NameBook;
  /** Prefix of the HTML ids of form controls; distinct per rendering that shares one page. */
  idPrefix?: string;
}

export interface ModalRenderOptions extends BlockRenderOptions {
  /** The view id the stand-in gave the modal, carried as `data-view-id`. */
  viewId?: string;
  /** A line above the blocks, as Slack shows when it could not reach the app. */
  notice?: string;
}

/** A modal view (title, blocks, close and submit buttons) as one HTML fragment. */
export function modalToHtml(view: unknown, options: ModalRenderOptions = {}): string {
  const v = asObject(view) ?? {};
  const title = plainTextToHtml(textOf(v.title) ?? '');
  const close = textOf(v.close) ?? 'Cancel';
  const submit = textOf(v.submit);
  const viewId = options.viewId ? ` data-view-id="${escapeHtml(options.viewId)}"` : '';
  // Always present (empty when there is none), so the page can fill it in without redrawing the form.
  const notice = `<div class="bk-notice" role="alert">${escapeHtml(options.notice ?? '')}</div>`;
  const footer = [
    `<button type="button" class="bk-button" data-bk-close>${plainTextToHtml(close)}</button>`,
    submit ? `<button type="submit" class="bk-button bk-primary">${plainTextToHtml(submit)}</button>` : '',
  ].join('');
  return [
    `<section class="bk-modal" role="dialog" aria-label="${title}"${viewId}>`,
    `<header class="bk-modal-title"><h2>${title}</h2><button type="button" class="bk-x" data-bk-close aria-label="Close">✕</button></header>`,
    `<form class="bk-modal-form" data-bk-form novalidate>`,
    `<div class="bk-modal-body">${notice}${blocksToHtml(v.blocks, options)}</div>`,
    `<footer class="bk-modal-footer">${footer}</footer>`,
    '</form></section>',
  ].join('');
}

/** A message: its blocks, or its `text` as mrkdwn when it has none (as Slack shows it). */
export function messageToHtml(message: unknown, options: BlockRenderOptions = {}): string {
  const m = asObject(message) ?? {};
  const blocks = asObjects(m.blocks);
  if (blocks.length > 0) return blocksToHtml(blocks, options);
  return `<div class="bk-section">${mrkdwnToHtml(asString(m.text) ?? '', options.names)}</div>`;
}

/** Blocks, in order, as HTML. */
export function blocksToHtml(blocks: unknown, options: BlockRenderOptions = {}): string {
  const prefix = options.idPrefix ?? 'bk';
  return asObjects(blocks)
    .map((block, index) => blockToHtml(block, `${prefix}-${index}`, options))
    .join('');
}

function blockToHtml(block: Json, id: string, options: BlockRenderOptions): string {
  const names = options.names ?? {};
  const blockId = asString(block.block_id) ?? id;
  switch (block.type) {
    case 'header':
      return `<h3 class="bk-header">${plainTextToHtml(textOf(block.text) ?? '')}</h3>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'section':
      return sectionHtml(block, blockId, names);
    case 'context':
      return `<div class="bk-context">${asObjects(block.elements)
        .map((element) => contextElementHtml(element, names))
        .join(' ')}</div>`;
    case 'actions':
      return `<div class="bk-actions">${asObjects(block.elements)
        .map((element) =>
          element.type === 'button' ? buttonHtml(element, blockId) : unsupported(`${element.type} element`),
        )
        .join('')}</div>`;
    case 'image':
      return `<figure class="bk-image">${escapeHtml(asString(block.alt_text) ?? 'image')}</figure>`;
    case 'input':
      return inputHtml(block, blockId, id, options);
    default:
      return unsupported(`${String(block.type)} block`);
  }
}

function sectionHtml(block: Json, blockId: string, names: NameBook): string {
  const text = asObject(block.text);
  const textHtml = text ? `<div class="bk-text">${textObjectToHtml(text, names)}</div>` : '';
  const fields = asObjects(block.fields);
  const fieldsHtml =
    fields.length > 0
      ? `<div class="bk-fields">${fields.map((f) => `<div class="bk-field-text">${textObjectToHtml(f, names)}</div>`).join('')}</div>`
      : '';
  const accessory = asObject(block.accessory);
  const accessoryHtml = !accessory
    ? ''
    : accessory.type === 'button'
      ? `<div class="bk-accessory">${buttonHtml(accessory, blockId)}</div>`
      : unsupported(`${String(accessory.type)} accessory`);
  return `<div class="bk-section"><div class="bk-section-main">${textHtml}${fieldsHtml}</div>${accessoryHtml}</div>`;
}

function contextElementHtml(element: Json, names: NameBook): string {
  if (element.type === 'image')
    return `<span class="bk-context-image">${escapeHtml(asString(element.alt_text) ?? '')}</span>`;
  return `<span>${textObjectToHtml(element, names)}</span>`;
}

function inputHtml(block: Json, blockId: string, id: string, options: BlockRenderOptions): string {
  const element = asObject(block.element) ?? {};
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const control = inputControlHtml(element, { id, blockId, describedBy: `${errorId} ${hintId}` });
  const optional = block.optional === true ? ' <span class="bk-optional">(optional)</span>' : '';
  const error = options.errors?.[blockId] ?? '';
  const hint = textOf(block.hint);
  return [
    `<div class="bk-input" data-block-id="${escapeHtml(blockId)}">`,
    `<label class="bk-label" for="${id}">${plainTextToHtml(textOf(block.label) ?? '')}${optional}</label>`,
    control ?? unsupported(`${String(element.type)} input`),
    `<div class="bk-error" id="${errorId}" role="alert" data-error-for="${escapeHtml(blockId)}">${escapeHtml(error)}</div>`,
    hint ? `<div class="bk-hint" id="${hintId}">${plainTextToHtml(hint)}</div>` : '',
    '</div>',
  ].join('');
}

function textObjectToHtml(text: Json, names: NameBook): string {
  const value = asString(text.text) ?? '';
  return text.type === 'mrkdwn' ? mrkdwnToHtml(value, names) : plainTextToHtml(value, text.emoji !== false);
}

function unsupported(what: string): string {
  return `<div class="bk-unsupported">The sandbox does not draw this ${escapeHtml(what)}.</div>`;
}
