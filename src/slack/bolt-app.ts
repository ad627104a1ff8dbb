import { App } from '@slack/bolt';
import { boltLogger } from './bolt-logger';
import { SlackHttpReceiver } from './http-receiver';
import { createOAuthInstall } from './oauth-install';
import type { SlackEndpointDeps, SlackRoute } from './types';

/** The bot scopes the app asks for at install (manifest/slack lists the same). */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'users:read'];

export const EVENTS_PATH = '/slack/events';
export const INSTALL_PATH = '/slack/install';
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * Web API retries for posting outcomes: a few quick ones. The client's default keeps retrying for half an
 * hour, which delivers a stale result long after the user moved on and keeps a stopping process alive.
 */
const OUTCOME_RETRIES = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2000 };

/** Slack could not be reached or refused the credentials at start-up. */
export class SlackStartError extends Error {
  override name = 'SlackStartError';
}

export interface BoltApp {
  app: App;
  /** HTTP mode only: the routes our server mounts (/slack/events; with OAuth the install flow too). */
  routes: Record<string, SlackRoute>;
  mode: 'http' | 'socket-mode';
}

/**
 * Builds the Bolt App for the configuration: Socket Mode when an app token is set, else our receiver
 * (http-receiver.ts) whose handler our server mounts. One workspace with SLACK_BOT_TOKEN, many with OAuth
 * (@slack/oauth's InstallProvider: its install routes, and its `authorize` for the App).
 */
export function buildBoltApp(deps: SlackEndpointDeps): BoltApp {
  const slack = deps.settings;
  const logger = boltLogger(deps.logger);
  const slackApiUrl = normaliseApiUrl(deps.slackApiUrl);
  const clientOptions = { retryConfig: OUTCOME_RETRIES, ...(slackApiUrl ? { slackApiUrl } : {}) };
  const oauth = slack.oauth;
  if (oauth && slack.botToken)
    deps.logger.warn('SLACK_BOT_TOKEN is ignored: OAuth installs supply each workspace’s token');

  if (slack.appToken) {
    if (!slack.botToken)
      throw new SlackStartError('Socket Mode needs SLACK_BOT_TOKEN (OAuth installs need HTTP mode)');
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logger,
      clientOptions,
      deferInitialization: true,
    });
    return { app, routes: {}, mode: 'socket-mode' };
  }
  if (!slack.signingSecret) throw new SlackStartError('Slack over HTTP needs SLACK_SIGNING_SECRET');
  const receiver = new SlackHttpReceiver({
    signingSecret: slack.signingSecret,
    boltLogger: logger,
    logger: deps.logger,
  });
  const routes: Record<string, SlackRoute> = { [EVENTS_PATH]: receiver.handleEvents };
  const install = oauth
    ? createOAuthInstall({
        oauth,
        scopes: SLACK_BOT_SCOPES,
        store: deps.store,
        sealer: deps.secretBox,
        clientOptions,
        authorizationUrl: slackApiUrl && new URL('/oauth/v2/authorize', slackApiUrl).toString(),
        boltLogger: logger,
        logger: deps.logger,
      })
    : undefined;
  if (install) {
    routes[INSTALL_PATH] = install.install;
    routes[OAUTH_REDIRECT_PATH] = install.redirect;
  }
  const app = new App({
    receiver,
    ...(install ? { authorize: install.authorize } : { token: slack.botToken }),
    logger,
    clientOptions,
    deferInitialization: true,
  });
  return { app, routes, mode: 'http' };
}

/** Bolt's WebClient wants the base URL with a trailing slash (`…/api/`). */
function normaliseApiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}
