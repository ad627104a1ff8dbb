import type { Context } from '@slack/bolt';

/**
 * When the receiver first saw a request (performance.now()), carried to listeners in Bolt's context. Slack's
 * 3 s run from when it sent the request, so a listener's inline budget runs from arrival too: under load, the
 * time a request waited behind others before its listener ran is already spent.
 */
export const ARRIVAL_KEY = 'receivedAt';

/** The part of `budgetMs` left since the request arrived; all of it when the receiver did not stamp it. */
export function budgetLeft(context: Context, budgetMs: number): number {
  const receivedAt = context[ARRIVAL_KEY];
  if (typeof receivedAt !== 'number') return budgetMs;
  return Math.max(0, budgetMs - (performance.now() - receivedAt));
}
