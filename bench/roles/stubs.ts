/**
 * The bots' surroundings, in a process of their own so they neither share the bots' CPU accounting nor
 * the load generator's event loop: the Face emulator (quota raised so a long run never hits it; it keeps
 * only its last 1000 requests, so the bench checks every answer rather than counting there) and a fake
 * Slack Web API (auth.test, views.update, chat.postMessage, response_url).
 */
import { startFaceEmulator } from '../../src/emulator';
import { startFakeSlackApi } from '../../test/helpers/fake-slack-api';

/** The stubs' addresses, sent to the parent once both listen. */
export interface StubsMessage {
  type: 'stubs';
  emulatorUrl: string;
  slackApiUrl: string;
  /** A response_url on the fake; a suffix makes it unique. */
  responseUrlBase: string;
}

/** What the parent may ask: latency for the next `count` Face requests. */
export type StubsCommand = { type: 'latency'; ms: number; count: number };

async function main(): Promise<void> {
  const emulator = await startFaceEmulator({ port: 0, groupQuota: 100_000_000 });
  const slack = await startFakeSlackApi();
  const send = (message: StubsMessage | { type: 'ok' }) => process.send?.(message);
  process.on('message', (command: StubsCommand) => {
    emulator.injectFaults({ kind: 'latency', ms: command.ms }, command.count);
    send({ type: 'ok' });
  });
  send({
    type: 'stubs',
    emulatorUrl: emulator.url,
    slackApiUrl: slack.apiUrl,
    responseUrlBase: slack.responseUrl('bench'),
  });
}

main().catch((error: unknown) => {
  console.error('bench stubs failed to start:', error);
  process.exit(1);
});
