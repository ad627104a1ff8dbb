/**
 * The kind of a group as users and forms name it: `personGroup` (the default) or `largePersonGroup`.
 * Forms send it as text; buttons carry it in their data.
 */
import { type FieldError, GROUP_KINDS, type GroupKind } from '../face/types';

export const DEFAULT_GROUP_KIND: GroupKind = 'personGroup';

/** True for one of the two kinds the Face API keeps. */
export function isGroupKind(value: unknown): value is GroupKind {
  return typeof value === 'string' && (GROUP_KINDS as readonly string[]).includes(value);
}

/** A form's `kind`: absent or empty is the default; anything else must be one of the two kinds. */
export function readGroupKind(
  value: unknown,
): { ok: true; kind: GroupKind } | { ok: false; error: FieldError } {
  if (value === undefined || value === null || value === '') return { ok: true, kind: DEFAULT_GROUP_KIND };
  if (isGroupKind(value)) return { ok: true, kind: value };
  return { ok: false, error: { field: 'kind', message: KIND_TEXTS.invalid } };
}

export const KIND_TEXTS = {
  invalid: 'Choose "Person group" or "Large person group".',
  /** "person group", "large person group": how a sentence names a kind. */
  noun: (kind: GroupKind): string => (kind === 'largePersonGroup' ? 'large person group' : 'person group'),
  /** "Person group", "Large person group": a title or a table cell. */
  title: (kind: GroupKind): string => (kind === 'largePersonGroup' ? 'Large person group' : 'Person group'),
} as const;
