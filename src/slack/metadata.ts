import { SLACK_LIMITS } from '../cards/block-kit-limits';

/** What a modal carries from the command to its submission (Slack's private_metadata, ≤ 3000 chars). */
export interface ModalMetadata {
  /** Channel where the command ran: announcements go there. */
  channel: string;
  /** The user who ran the command. */
  user: string;
  /** The command's response_url (in_channel and ephemeral replies); '' when there was none. */
  responseUrl: string;
  /** The form's submit data (e.g. which group an edit form is for): merged with the inputs on submit. */
  data: Record<string, string>;
}

/** Slack's limit, as the card translator enforces it. */
export const PRIVATE_METADATA_LIMIT = SLACK_LIMITS.privateMetadata;

/** A data value longer than this is cut: ids and kinds are short, and the whole must fit 3000 characters. */
const DATA_VALUE_LIMIT = 256;

/** Serialises the metadata within Slack's limit (channel, user and response_url always fit). */
export function encodeMetadata(meta: ModalMetadata): string {
  const data = Object.fromEntries(
    Object.entries(meta.data)
      .slice(0, 8)
      .map(([key, value]) => [key.slice(0, 64), value.slice(0, DATA_VALUE_LIMIT)]),
  );
  return JSON.stringify({ ...meta, data });
}

/** Reads private_metadata back; anything unreadable gives empty metadata rather than a failed submit. */
export function decodeMetadata(text: string | undefined): ModalMetadata {
  const empty: ModalMetadata = { channel: '', user: '', responseUrl: '', data: {} };
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
  const rawData = typeof p.data === 'object' && p.data !== null ? (p.data as Record<string, unknown>) : {};
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawData)) if (typeof value === 'string') data[key] = value;
  return { channel: str(p.channel), user: str(p.user), responseUrl: str(p.responseUrl), data };
}
