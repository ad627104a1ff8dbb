import type { AddressInfo } from 'node:net';
import { type App, type AppSummary, createApp } from './app';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * `persongroup-bot serve`: builds the app, listens, prints what runs where, and shuts down gracefully
 * on SIGTERM/SIGINT (in-flight requests finish, sockets and the store are closed).
 */
export async function startServer(config: Config, logger: Logger): Promise<App> {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (the process keeps running)');
  });
  const app = await createApp(config, logger);
  const address = await app.listen();
  for (const line of bannerLines(app.summary, address)) logger.info(line);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing in-flight requests, then stopping`);
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return app;
}

/** The start-up banner: plain words on what runs where and how to switch to real credentials. */
export function bannerLines(summary: AppSummary, address: AddressInfo): string[] {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const base = `http://${host}:${address.port}`;
  const lines = [`persongroup-bot listening on ${base}`];
  if (summary.localMode) {
    // Say where things really are: DATA_DIR, DATABASE_URL, SECRET_KEY and HOST all change it.
    const secret = summary.secretKeyFile ? ` with a generated secret key (${summary.secretKeyFile})` : '';
    lines.push(
      `Local mode: no Teams or Slack credentials are set, so the bot${summary.teams === 'local' ? ' listens on loopback only,' : ','}`,
      `  keeps its settings in ${summary.storage}${secret},`,
      `  and creates person groups in the built-in Face emulator (${summary.emulatorUrl ?? 'off'}) for every workspace without its own key.`,
      `Try it: run \`npm run playground\` and type "persongroup create" (the Teams endpoint is ${base}/api/messages).`,
      ...(summary.slack === 'sandbox'
        ? [`  Slack without an account: open ${base}/slack/sandbox and type "/persongroup create".`]
        : []),
      'For real use: set MicrosoftAppId/MicrosoftAppPassword (Teams) or SLACK_SIGNING_SECRET/SLACK_BOT_TOKEN (Slack)',
      '  and SECRET_KEY; see README.md "Connect Microsoft Teams" and "Connect Slack".',
    );
  }
  if (summary.teams === 'authenticated')
    lines.push(`Teams: ${base}/api/messages (Bot Framework authentication on)`);
  if (summary.teams === 'local')
    lines.push(`Teams: ${base}/api/messages (no MicrosoftAppId: open to local clients)`);
  if (summary.teams === 'off-not-loopback') {
    lines.push(
      'Teams: off: without MicrosoftAppId the endpoint only runs on a loopback HOST (127.0.0.1, ::1, localhost)',
    );
  }
  if (summary.slack === 'http') {
    lines.push(
      `Slack: ${base}/slack/events${summary.slackOAuth ? `, install at ${base}/slack/install` : ''}`,
    );
  }
  if (summary.slack === 'sandbox') {
    lines.push(
      `Slack: sandbox at ${base}/slack/sandbox (a local stand-in for Slack signs requests to ${base}/slack/events)`,
    );
  }
  if (summary.slack === 'socket-mode') lines.push('Slack: Socket Mode (SLACK_APP_TOKEN)');
  if (summary.slack === 'off')
    lines.push('Slack: off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on)');
  if (summary.faceOverride)
    lines.push(`Face API: every call goes to FACE_ENDPOINT_OVERRIDE ${summary.faceOverride}`);
  lines.push(`Health: ${base}/healthz, readiness: ${base}/readyz`);
  return lines;
}
