/**
 * The chat-level texts the presenters add to cards (the Face failure texts live in src/face/messages.ts;
 * the static texts of a form live in its template).
 */
import { waitText } from '../face/messages';

export const CARD_TEXTS = {
  emulatorNote: {
    title: 'Using the built-in Face emulator',
    text: 'This workspace has no Face API key of its own, so groups are made in the local emulator, not in Azure.',
  },
  notConfigured: {
    title: 'This workspace is not configured yet',
    detail: 'No Face API key and region have been set for this workspace, so no person group can be created.',
    remedy: 'Ask a workspace admin to run /persongroup config and enter the Face API key and region.',
  },
  forbidden: {
    title: 'Only admins can configure the Face API',
    text: 'Ask a workspace admin (or an operator listed in BOT_ADMINS) to run /persongroup config.',
  },
  /** One phrasing of a wait for every reply (src/face/messages.ts). */
  earlierAttempt:
    'Your earlier attempt went through: the Face API had created the group before its answer was lost, with exactly these settings.',
  retryAfter: waitText,
} as const;

/** "2026-11-26 04:15 UTC": readable, unambiguous for a channel spread over time zones. */
export function formatUtc(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
