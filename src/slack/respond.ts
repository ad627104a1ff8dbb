import type { types, webApi } from '@slack/bolt';
import { keepAliveFetch } from '../face/keep-alive-fetch';
import type { Logger } from '../logger';

/** A message as Slack takes it: blocks plus the `text` fallback for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** A response_url answered with something other than 2xx, or was unreachable. */
export class ResponseUrlError extends Error {
  override name = 'ResponseUrlError';
  constructor(
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(`the response_url did not accept the message${status ? ` (HTTP ${status})` : ''}`, options);
  }
}

/**
 * POSTs a message to a response_url (valid 30 minutes, 5 uses); `replaceOriginal` replaces the message
 * that response_url belongs to instead of adding one.
 */
export async function postToResponseUrl(
  responseUrl: string,
  message: SlackMessage,
  responseType: 'in_channel' | 'ephemeral',
  replaceOriginal = false,
): Promise<void> {
  let res: Response;
  try {
    res = await keepAliveFetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: responseType, replace_original: replaceOriginal, ...message }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new ResponseUrlError(undefined, { cause: error });
  }
  await res.arrayBuffer();
  if (!res.ok) throw new ResponseUrlError(res.status);
}

/**
 * Posts to the channel where the command ran: response_url with `in_channel` (works without channel
 * membership), else chat.postMessage (needs the bot in the channel).
 */
export async function postToChannel(
  client: webApi.WebClient,
  target: { responseUrl: string; channel: string },
  message: SlackMessage,
  logger: Logger,
): Promise<void> {
  if (target.responseUrl) {
    try {
      await postToResponseUrl(target.responseUrl, message, 'in_channel');
      return;
    } catch (error) {
      logger.warn({ err: error }, 'response_url failed; posting with chat.postMessage');
    }
  }
  await client.chat.postMessage({ channel: target.channel, text: message.text, blocks: message.blocks });
}

/** Tells one user something: response_url with `ephemeral`, else chat.postEphemeral in the channel. */
export async function tellUser(
  client: webApi.WebClient,
  target: { responseUrl: string; channel: string; user: string },
  message: SlackMessage,
  logger: Logger,
): Promise<void> {
  if (target.responseUrl) {
    try {
      await postToResponseUrl(target.responseUrl, message, 'ephemeral');
      return;
    } catch (error) {
      logger.warn({ err: error }, 'response_url failed; posting with chat.postEphemeral');
    }
  }
  await client.chat.postEphemeral({
    channel: target.channel,
    user: target.user,
    text: message.text,
    blocks: message.blocks,
  });
}
