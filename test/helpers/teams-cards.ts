import type { ConnectorCall } from './fake-connector';

/** The Adaptive Card a connector call carried (the first attachment's content). */
export function cardOf(call: ConnectorCall | undefined): Record<string, unknown> {
  const attachments = call?.activity.attachments as
    | { contentType: string; content: Record<string, unknown> }[]
    | undefined;
  const attachment = attachments?.[0];
  if (!attachment) throw new Error(`no card in ${JSON.stringify(call?.activity)}`);
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment.content;
}

/** Every text a person reads on a card (TextBlock texts, fact titles and values, action titles), joined. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    for (const field of ['text', 'title', 'label']) {
      if (typeof element[field] === 'string') texts.push(element[field] as string);
    }
    if (element.type === 'Fact' || (typeof element.title === 'string' && typeof element.value === 'string')) {
      texts.push(element.value as string);
    }
    for (const value of Object.values(element)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return texts.join('\n');
}

/** The input with `id` on a card, if any. */
export function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && element.id === id) {
      found = element;
      return;
    }
    for (const value of Object.values(element)) walk(value);
  };
  walk(card);
  return found;
}

/** The submit action of a form card. */
export function submitActionOf(card: Record<string, unknown>): Record<string, unknown> | undefined {
  return (card.actions as Record<string, unknown>[] | undefined)?.[0];
}

/** A card action as the tests read it. */
export interface FoundAction {
  type: string;
  verb?: string;
  title: string;
  data: Record<string, unknown>;
}

/** Every action of a card, in the body's ActionSets and the card's own actions; fallbacks not counted. */
export function actionsOf(card: unknown): FoundAction[] {
  const found: FoundAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Action.')) found.push(element as never);
    // A fallback is the same button for older clients, not another one.
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback') walk(value);
  };
  walk(card);
  return found;
}
