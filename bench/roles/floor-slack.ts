/**
 * The floor for a Slack create: Bolt with its own HTTPReceiver server and the same signing secret, one
 * view handler that makes one Face PUT to the same emulator, acks, then posts one message to the channel
 * on the same fake Web API (both with plain undici) — the order our bot follows for an inline outcome.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { request } from 'undici';
import { floorCreateGroup } from './floor-put';

async function main(): Promise<void> {
  const [port, signingSecret, botToken, slackApiUrl, emulatorUrl] = process.argv.slice(2);
  if (!port || !signingSecret || !botToken || !slackApiUrl || !emulatorUrl)
    throw new Error('usage: floor-slack <port> <signingSecret> <botToken> <slackApiUrl> <emulatorUrl>');
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    customRoutes: [
      {
        path: '/readyz',
        method: 'GET',
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"status":"ready"}');
        },
      },
    ],
  });
  const app = new App({ receiver, token: botToken, clientOptions: { slackApiUrl } });
  app.view('persongroup_create', async ({ ack, view }) => {
    const id = view.state.values.personGroupId?.personGroupId?.value ?? '';
    if (!(await floorCreateGroup(emulatorUrl, id))) {
      await ack({ response_action: 'errors', errors: { personGroupId: 'not created' } });
      return;
    }
    await ack();
    const posted = await request(`${slackApiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C1', text: `Person group ${id} created` }),
    });
    await posted.body.text();
  });
  await receiver.start({ port: Number(port), host: '127.0.0.1' });
  process.once('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error('floor Bolt failed to start:', error);
  process.exit(1);
});
