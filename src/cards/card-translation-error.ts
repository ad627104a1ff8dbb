/**
 * An Adaptive Card element that cannot become Block Kit: an unsupported element type, or a value beyond a
 * Block Kit limit that cannot be shortened without changing its meaning (ids, option values, user input).
 */
export class CardTranslationError extends Error {
  override readonly name = 'CardTranslationError';

  /**
   * @param element the element as "type#id" (or "type" when it has no id), e.g. "Input.ChoiceSet#region"
   * @param limit the rule broken, e.g. "static_select options ≤ 100"
   */
  constructor(
    readonly element: string,
    readonly limit: string,
    detail: string,
  ) {
    super(`Cannot translate ${element} to Block Kit (${limit}): ${detail}`);
  }
}

/** "Input.Text#name", or just the type for elements without an id. */
export function describeElement(element: { type: string; id?: string }): string {
  return element.id ? `${element.type}#${element.id}` : element.type;
}
