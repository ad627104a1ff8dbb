/** The cards: one set of templates (cards/), rendered for Teams as Adaptive Cards and for Slack as Block Kit. */
export type * from './adaptive-card';
export { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card';
export {
  cardFallbackText,
  cardToBlocks,
  cardToMessage,
  cardToModal,
  type ModalOptions,
  readModalValues,
} from './block-kit';
export { SLACK_CAP_NOTE } from './block-kit-elements';
export { SLACK_LIMITS } from './block-kit-limits';
export type * from './card-data';
export { CARD_NAMES } from './card-data';
export { CardTemplateError } from './card-template-error';
export { CardTranslationError } from './card-translation-error';
export * from './group-cards';
export * from './outcome-cards';
export {
  type CardRenderer,
  createCardRenderer,
  DEFAULT_CARDS_DIR,
  defaultCardRenderer,
  expandCard,
} from './templates';
export { CARD_TEXTS, formatUtc } from './texts';
