/**
 * The service's id order (ordinal: '-' < '0'…'9' < '_' < 'a'…'z'), used to start a list exactly where a
 * prefix begins and to merge the two kinds' lists into one.
 */
import type { FaceGroup } from '../face/types';

const ALPHABET = '-0123456789_abcdefghijklmnopqrstuvwxyz';
const MAX_ID_LENGTH = 64;

/**
 * The greatest valid id below every id that starts with `prefix`: the exclusive `start` of a list that
 * begins at the prefix, so no page is spent on ids before it. Undefined when the list must start at the
 * beginning (no prefix, or a prefix that is the smallest id there is).
 */
export function startBefore(prefix: string): string | undefined {
  if (prefix === '') return undefined;
  const head = prefix.slice(0, -1);
  const last = prefix.at(-1) ?? '';
  const index = ALPHABET.indexOf(last);
  if (index <= 0) return head === '' ? undefined : head;
  // head + the previous character, then as many of the greatest character as an id may hold.
  return `${head}${ALPHABET[index - 1]}${'z'.repeat(MAX_ID_LENGTH - prefix.length)}`;
}

/** True once `id` is past every id that starts with `prefix` (the list is in id order, so stop there). */
export function pastPrefix(id: string, prefix: string): boolean {
  return prefix !== '' && !id.startsWith(prefix) && id > prefix;
}

/** Both kinds' groups in one id order; a person group comes before a large one of the same id. */
export function mergeById(a: readonly FaceGroup[], b: readonly FaceGroup[]): FaceGroup[] {
  return [...a, ...b].sort((x, y) => {
    if (x.groupId !== y.groupId) return x.groupId < y.groupId ? -1 : 1;
    return x.kind === y.kind ? 0 : x.kind === 'personGroup' ? -1 : 1;
  });
}

/**
 * The first `size` of `merged`, never splitting two groups of the same id across pages: the next page
 * starts after the last id shown (the service's `start` is exclusive), so a twin left behind would be lost.
 */
export function takePage(merged: readonly FaceGroup[], size: number): FaceGroup[] {
  let end = Math.min(size, merged.length);
  while (end < merged.length && merged[end]?.groupId === merged[end - 1]?.groupId) end += 1;
  return merged.slice(0, end);
}
