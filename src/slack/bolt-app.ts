import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, ErrorCode, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../logger';
import { boltLogger } from './bolt-logger';
import { createInstallationStore } from './installation-store';
import { PayloadGuardedReceiver } from './payload-guard';
import { answerVerdict, checkSignedBody } from './signed-body-check';
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
  /** HTTP mode only: the receiver whose requestListener serves our routes, and its signing secret. */
  receiver: { http: HTTPReceiver; signingSecret: string } | undefined;
  mode: 'http' | 'socket-mode';
}

/**
 * Builds the Bolt App for the configuration: Socket Mode when an app token is set, else an HTTPReceiver
 * (never started: our server hands it the requests). One workspace with SLACK_BOT_TOKEN, many with OAuth
 * (tokens from the installation store). `processBeforeResponse: false`: the ack is the HTTP response.
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
    return { app, receiver: undefined, mode: 'socket-mode' };
  }
  if (!slack.signingSecret) throw new SlackStartError('Slack over HTTP needs SLACK_SIGNING_SECRET');
  const receiver = new PayloadGuardedReceiver(
    {
      signingSecret: slack.signingSecret,
      endpoints: EVENTS_PATH,
      processBeforeResponse: false,
      logger,
      ...(oauth
        ? {
            clientId: oauth.clientId,
            clientSecret: oauth.clientSecret,
            stateSecret: oauth.stateSecret,
            scopes: SLACK_BOT_SCOPES,
            installationStore: createInstallationStore(deps.store, deps.secretBox),
            installerOptions: {
              clientOptions,
              installPath: INSTALL_PATH,
              redirectUriPath: OAUTH_REDIRECT_PATH,
              ...(slackApiUrl
                ? { authorizationUrl: new URL('/oauth/v2/authorize', slackApiUrl).toString() }
                : {}),
            },
          }
        : {}),
    },
    deps.logger,
  );
  const app = new App({
    receiver,
    ...(oauth ? {} : { token: slack.botToken }),
    logger,
    clientOptions,
    deferInitialization: true,
  });
  return { app, receiver: { http: receiver, signingSecret: slack.signingSecret }, mode: 'http' };
}

/** Bolt's WebClient wants the base URL with a trailing slash (`…/api/`). */
function normaliseApiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * A route that hands the request to Bolt: it reads the body, checks the signature and timestamp (bad,
 * missing or stale → 401, no listener runs) and answers with the ack. A POST to /slack/events is read
 * and checked first (signature, then "is the payload a JSON object": else 400 with the reason), because
 * Bolt's receiver would leave such a request unanswered.
 */
export function boltRoute(
  { http: receiver, signingSecret }: { http: HTTPReceiver; signingSecret: string },
  logger: Logger,
): SlackRoute {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && pathOf(req) === EVENTS_PATH) {
      const verdict = await checkSignedBody(signingSecret, req);
      if (verdict.kind === 'answered') {
        logger.warn({ status: verdict.status, reason: verdict.reason }, 'refused a Slack request body');
        answerVerdict(res, verdict.status, verdict.reason);
        return;
      }
    }
    handToBolt(receiver, req, res);
  };
}

function handToBolt(receiver: HTTPReceiver, req: IncomingMessage, res: ServerResponse): void {
  try {
    receiver.requestListener(req, res);
  } catch (error) {
    // Bolt throws this for a path or method it does not serve (e.g. GET /slack/events).
    if ((error as { code?: string }).code === ErrorCode.HTTPReceiverDeferredRequestError) {
      res.writeHead(405, { 'content-type': 'text/plain' });
      res.end('method not allowed');
      return;
    }
    throw error;
  }
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://localhost').pathname;
}
