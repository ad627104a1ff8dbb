import type { BotResponse } from '../helpers/teams-harness';

/** The element with `id` anywhere in a card, if any. */
export function elementById(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = elementById(item, id);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof card !== 'object' || card === null) return undefined;
  const element = card as Record<string, unknown>;
  if (element.id === id) return element;
  for (const value of Object.values(element)) {
    const found = elementById(value, id);
    if (found) return found;
  }
  return undefined;
}

/** The card of an invoke answer; throws, saying what came instead, when the answer is not one. */
export function invokeAnswerCard(response: BotResponse): Record<string, unknown> {
  const body = response.json as Record<string, unknown> | undefined;
  if (
    response.status !== 200 ||
    body?.statusCode !== 200 ||
    body.type !== 'application/vnd.microsoft.card.adaptive' ||
    typeof body.value !== 'object'
  ) {
    throw new Error(
      `expected an invoke answer with a card, got ${response.status} ${response.text.slice(0, 300)}`,
    );
  }
  return body.value as Record<string, unknown>;
}

/** Throws unless `card` shows a non-empty error under each of `fields`. */
export function expectFieldErrors(card: unknown, fields: readonly string[]): void {
  for (const field of fields) {
    const error = elementById(card, `${field}-error`);
    if (typeof error?.text !== 'string' || error.text.trim() === '') {
      throw new Error(`no error under ${field} in ${JSON.stringify(card).slice(0, 400)}`);
    }
  }
}

/**
 * Throws unless a rejected request got a 4xx that says why, or a 200. A 4xx says why with our JSON
 * `{error}`, or with the Bot Framework's invoke error `{statusCode, type: …error, value: {code, message}}`.
 */
export function expectClearRejection(response: BotResponse): void {
  if (response.status >= 400 && response.status < 500) {
    const body = response.json as { error?: unknown; value?: { message?: unknown } } | undefined;
    const error = body?.error ?? body?.value?.message;
    if (typeof error !== 'string' || error === '') {
      throw new Error(`a ${response.status} without a clear error: ${response.text.slice(0, 300)}`);
    }
    return;
  }
  if (response.status !== 200) throw new Error(`answered ${response.status}: ${response.text.slice(0, 300)}`);
}
