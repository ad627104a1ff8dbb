/**
 * The framework baseline for Slack: Bolt with its own HTTPReceiver server, one view handler that only
 * acks, the same signing secret and fake Web API (auth.test at start) as the bot under test.
 */
import { App, HTTPReceiver } from '@slack/bolt';

async function main(): Promise<void> {
  const [port, signingSecret, botToken, slackApiUrl] = process.argv.slice(2);
  if (!port || !signingSecret || !botToken || !slackApiUrl)
    throw new Error('usage: bare-slack <port> <signingSecret> <botToken> <slackApiUrl>');
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
  app.view('persongroup_create', async ({ ack }) => {
    await ack();
  });
  await receiver.start({ port: Number(port), host: '127.0.0.1' });
}

main().catch((error: unknown) => {
  console.error('bare Bolt failed to start:', error);
  process.exit(1);
});
