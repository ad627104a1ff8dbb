/**
 * Reading Block Kit JSON that came over the wire: the sandbox renders what the bot really sent, so every
 * level is checked instead of trusted to match @slack/types.
 */
export type Json = Readonly<Record<string, unknown>>;

export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asObjects(value: unknown): Json[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): Json[] => {
    const object = asObject(item);
    return object ? [object] : [];
  });
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The `text` of a text object (`{type, text}`), or undefined. */
export function textOf(value: unknown): string | undefined {
  return asString(asObject(value)?.text);
}
