import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authorize, Logger as BoltLogger } from '@slack/bolt';
import { InstallProvider, type InstallProviderOptions, type InstallURLOptions } from '@slack/oauth';
import type { Logger } from '../logger';
import type { WorkspaceStore } from '../store/types';
import { answerMethodNotAllowed } from './http-answers';
import { createInstallationStore } from './installation-store';
import type { InstallationSealer, SlackRoute, SlackSettings } from './types';

export interface OAuthInstallDeps {
  oauth: NonNullable<SlackSettings['oauth']>;
  scopes: string[];
  store: WorkspaceStore;
  sealer: InstallationSealer;
  clientOptions: NonNullable<InstallProviderOptions['clientOptions']>;
  /** Slack's authorize page; undefined: https://slack.com/oauth/v2/authorize. */
  authorizationUrl: string | undefined;
  /** Where the provider's own lines go (Bolt's Logger interface). */
  boltLogger: BoltLogger;
  logger: Logger;
}

/** Many workspaces: the App's `authorize` and the two GET routes of the install flow. */
export interface OAuthInstall {
  authorize: Authorize<boolean>;
  /** The "Add to Slack" page (state cookie set, redirect to Slack's authorize page). */
  install: SlackRoute;
  /** Slack's redirect back: the code is exchanged (oauth.v2.access) and the installation stored. */
  redirect: SlackRoute;
}

/**
 * @slack/oauth's InstallProvider configured as Bolt's HTTPReceiver configures it (state in a signed cookie,
 * v2 install, our sealed installation store), with its handlers as our routes. The provider answers the
 * browser itself (its success and failure pages); what it throws past them is logged, as Bolt does.
 */
export function createOAuthInstall(deps: OAuthInstallDeps): OAuthInstall {
  const installer = new InstallProvider({
    clientId: deps.oauth.clientId,
    clientSecret: deps.oauth.clientSecret,
    stateSecret: deps.oauth.stateSecret,
    installationStore: createInstallationStore(deps.store, deps.sealer),
    logger: deps.boltLogger,
    clientOptions: deps.clientOptions,
    ...(deps.authorizationUrl ? { authorizationUrl: deps.authorizationUrl } : {}),
  });
  const installUrlOptions: InstallURLOptions = { scopes: deps.scopes };
  const getOnly =
    (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): SlackRoute =>
    (req, res) => {
      if (req.method !== 'GET') return answerMethodNotAllowed(res);
      return handle(req, res);
    };
  return {
    authorize: installer.authorize,
    install: getOnly((req, res) =>
      installer
        .handleInstallPath(req, res, {}, installUrlOptions)
        .catch((error: unknown) => deps.logger.error({ err: error }, 'the Slack install page failed')),
    ),
    redirect: getOnly((req, res) =>
      installer
        .handleCallback(req, res, {})
        .catch((error: unknown) => deps.logger.error({ err: error }, 'the Slack OAuth redirect failed')),
    ),
  };
}
