import type { RouteHandler } from '../http/server';
import { BackgroundWork } from './background-work';
import {
  boltRoute,
  buildBoltApp,
  EVENTS_PATH,
  INSTALL_PATH,
  OAUTH_REDIRECT_PATH,
  SlackStartError,
} from './bolt-app';
import { configureSubmission } from './listeners/configure-submission';
import { createSubmission } from './listeners/create-submission';
import { installationRemoved } from './listeners/installation-removed';
import { persongroupCommand } from './listeners/persongroup-command';
import type { ModalMetadata } from './metadata';
import { CONFIGURE_CALLBACK_ID, CREATE_CALLBACK_ID, configModal, createModal } from './modals';
import type { ListenerDeps, SlackEndpoint, SlackEndpointDeps } from './types';

export { SlackStartError } from './bolt-app';
export type { SlackEndpoint, SlackEndpointDeps, SlackProvisioning } from './types';

/** After the Face budget, how long stopping waits for outcomes to reach Slack (views.update, the post). */
const DELIVERY_GRACE_MS = 5000;

/**
 * How long a submission waits for the use case before acking with a progress view. Slack allows 3 s for
 * the whole round trip, network and queueing under load included; a typical Face call fits in 1 s, so most
 * outcomes (even "already exists" under the id field) still come back inline.
 */
export const INLINE_BUDGET_MS = 1000;

/**
 * The Slack platform: a Bolt app with our listeners. Over HTTP it returns routes for the shared server
 * (/slack/events, and /slack/install + /slack/oauth_redirect with OAuth); in Socket Mode, no routes and
 * start() connects. Checks the bot token (auth.test) before returning.
 */
export async function createSlackEndpoint(
  deps: SlackEndpointDeps & { inlineBudgetMs?: number },
): Promise<SlackEndpoint> {
  // Both forms are translated once now, so a card element Block Kit cannot hold fails the start, not a click.
  const probe: ModalMetadata = { channel: 'C0', user: 'U0', responseUrl: '', prefill: {} };
  createModal(probe);
  configModal(probe);
  const { app, receiver, mode } = buildBoltApp(deps);
  const listenerDeps: ListenerDeps = {
    provisioning: deps.provisioning,
    admins: deps.config.admins,
    logger: deps.logger,
    inlineBudgetMs: deps.inlineBudgetMs ?? INLINE_BUDGET_MS,
    store: deps.store,
  };

  app.command('/persongroup', persongroupCommand(listenerDeps));
  const background = new BackgroundWork();
  app.view(CREATE_CALLBACK_ID, background.track(createSubmission(listenerDeps)));
  app.view(CONFIGURE_CALLBACK_ID, background.track(configureSubmission(listenerDeps)));
  app.event('app_uninstalled', installationRemoved(listenerDeps));
  app.event('tokens_revoked', installationRemoved(listenerDeps));

  try {
    await app.init();
  } catch (error) {
    throw new SlackStartError(`Slack did not accept the bot token (auth.test): ${(error as Error).message}`, {
      cause: error,
    });
  }

  const routes: Record<string, RouteHandler> = {};
  if (receiver) {
    const route = boltRoute(receiver, deps.logger);
    routes[EVENTS_PATH] = route;
    if (deps.config.slack?.oauth) {
      routes[INSTALL_PATH] = route;
      routes[OAUTH_REDIRECT_PATH] = route;
    }
  }
  deps.logger.info(
    { mode, oauth: Boolean(deps.config.slack?.oauth), routes: Object.keys(routes) },
    mode === 'http' ? 'Slack endpoint on at /slack/events' : 'Slack in Socket Mode',
  );
  return {
    routes,
    start: async () => {
      if (mode === 'socket-mode') await app.start();
    },
    stop: async () => {
      // Outcomes still on their way after an ack get the Face budget plus time to post them.
      await background.drain(deps.config.faceBudgetMs + DELIVERY_GRACE_MS);
      if (mode === 'socket-mode') await app.stop();
    },
  };
}
