import { SLACK_LIMITS } from '../cards/block-kit-limits';

/** What a modal carries from the command to its submission (Slack's private_metadata, ≤ 3000 chars). */
export interface ModalMetadata {
  /** Channel where the command ran: the success message goes there. */
  channel: string;
  /** The user who ran the command. */
  user: string;
  /** The command's response_url (in_channel and ephemeral replies); '' when there was none. */
  responseUrl: string;
  /** Values given on the command line (`create <id> [name…]`). */
  prefill: { personGroupId?: string; name?: string };
}

/** Slack's limit, as the card translator enforces it. */
export const PRIVATE_METADATA_LIMIT = SLACK_LIMITS.privateMetadata;

/**
 * Serialises the metadata within Slack's limit. The prefill is the only part of unbounded length (the
 * user typed it), so it is what gets trimmed; channel, user and response_url always fit.
 */
export function encodeMetadata(meta: ModalMetadata): string {
  const text = JSON.stringify(meta);
  if (text.length <= PRIVATE_METADATA_LIMIT) return text;
  const room = PRIVATE_METADATA_LIMIT - JSON.stringify({ ...meta, prefill: {} }).length;
  const id = (meta.prefill.personGroupId ?? '').slice(0, Math.max(0, Math.min(64, room - 40)));
  const prefill = { personGroupId: id };
  const withName = {
    ...prefill,
    name: (meta.prefill.name ?? '').slice(0, Math.max(0, room - id.length - 60)),
  };
  const candidate = JSON.stringify({ ...meta, prefill: withName });
  return candidate.length <= PRIVATE_METADATA_LIMIT ? candidate : JSON.stringify({ ...meta, prefill });
}

/** Reads private_metadata back; anything unreadable gives empty metadata rather than a failed submit. */
export function decodeMetadata(text: string | undefined): ModalMetadata {
  const empty: ModalMetadata = { channel: '', user: '', responseUrl: '', prefill: {} };
  if (!text) return empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return empty;
    throw error;
  }
  if (typeof parsed !== 'object' || parsed === null) return empty;
  const p = parsed as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const prefill =
    typeof p.prefill === 'object' && p.prefill !== null ? (p.prefill as Record<string, unknown>) : {};
  return {
    channel: str(p.channel),
    user: str(p.user),
    responseUrl: str(p.responseUrl),
    prefill: {
      ...(typeof prefill.personGroupId === 'string' ? { personGroupId: prefill.personGroupId } : {}),
      ...(typeof prefill.name === 'string' ? { name: prefill.name } : {}),
    },
  };
}
