import type { webApi } from '@slack/bolt';
import type { Reply } from '../commands';
import type { Logger } from '../logger';
import { postToResponseUrl, type SlackMessage } from './respond';
import { slackMessage } from './views';

type Updates = NonNullable<Reply['updates']>;

/**
 * A channel message that changes over time: by `ts` with chat.update (needs the bot in the channel), else
 * by the response_url it was posted or pressed through (`replace_original`, 5 uses in 30 minutes: the
 * updates skip versions equal to the one shown).
 */
export interface LiveMessage {
  channel?: string;
  ts?: string;
  responseUrl?: string;
}

/**
 * Posts a reply to everyone in the channel: chat.postMessage (its ts is kept for updates), or, when the
 * bot is not in the channel, the command's response_url with `in_channel`. Throws when neither worked.
 */
export async function postLiveMessage(
  client: webApi.WebClient,
  where: { channel: string; responseUrl: string },
  message: SlackMessage,
  log: Logger,
): Promise<LiveMessage> {
  try {
    const posted = await client.chat.postMessage({ channel: where.channel, ...message });
    if (posted.ts) return { channel: posted.channel ?? where.channel, ts: posted.ts };
  } catch (error) {
    if (!where.responseUrl) throw error;
    log.info(
      { err: error, channel: where.channel },
      'chat.postMessage refused; posting through response_url',
    );
  }
  await postToResponseUrl(where.responseUrl, message, 'in_channel');
  return { responseUrl: where.responseUrl };
}

/**
 * Replaces the live message with each update of a reply, for everyone in the channel. An update that
 * fails is logged and the next one tries again; a server stop aborts the updates, with a log line.
 */
export async function followLiveMessage(
  client: webApi.WebClient,
  live: LiveMessage,
  updates: Updates,
  signal: AbortSignal,
  log: Logger,
): Promise<void> {
  let count = 0;
  try {
    for await (const update of updates(signal)) {
      count += 1;
      try {
        await replaceLive(client, live, slackMessage(update), log);
      } catch (error) {
        log.warn(
          { err: error, channel: live.channel },
          'updating a live message failed; the next update tries again',
        );
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    log.info(
      { channel: live.channel, updates: count },
      'stopped following a live message: the server is stopping',
    );
    return;
  }
  log.info({ channel: live.channel, updates: count }, 'a live message reached its last version');
}

async function replaceLive(
  client: webApi.WebClient,
  live: LiveMessage,
  message: SlackMessage,
  log: Logger,
): Promise<void> {
  if (live.channel && live.ts) {
    try {
      await client.chat.update({ channel: live.channel, ts: live.ts, ...message });
      return;
    } catch (error) {
      if (!live.responseUrl) throw error;
      log.info({ err: error, channel: live.channel }, 'chat.update refused; replacing through response_url');
    }
  }
  if (!live.responseUrl) throw new Error('a live message with neither a ts nor a response_url');
  await postToResponseUrl(live.responseUrl, message, 'in_channel', true);
}
