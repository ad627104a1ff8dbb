import { BackgroundWork } from '../async/background-work';
import { buildBoltApp, SlackStartError } from './bolt-app';
import { buttonAction } from './listeners/button-action';
import { formSubmission } from './listeners/form-submission';
import { installationRemoved } from './listeners/installation-removed';
import { persongroupCommand } from './listeners/persongroup-command';
import type { ListenerDeps, SlackEndpoint, SlackEndpointDeps } from './types';

export { SlackStartError } from './bolt-app';
export type { SlackEndpoint, SlackEndpointDeps, SlackSettings } from './types';

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
export async function createSlackEndpoint(deps: SlackEndpointDeps): Promise<SlackEndpoint> {
  const { app, routes, mode } = buildBoltApp(deps);
  const background = new BackgroundWork();
  const listenerDeps: ListenerDeps = {
    commands: deps.commands,
    admins: deps.admins,
    logger: deps.logger,
    inlineBudgetMs: deps.inlineBudgetMs ?? INLINE_BUDGET_MS,
    store: deps.store,
    stopping: background.signal,
  };

  // Every form and button of the command table has its listener: adding a command adds none here.
  app.command('/persongroup', background.track(persongroupCommand(listenerDeps)));
  for (const form of deps.commands.forms) {
    const action = deps.commands.action(form.verb);
    if (action) app.view(form.callbackId, background.track(formSubmission(form, action, listenerDeps)));
  }
  for (const verb of deps.commands.buttonVerbs) {
    const action = deps.commands.action(verb);
    if (action) app.action(verb, background.track(buttonAction(action, listenerDeps)));
  }
  app.event('app_uninstalled', installationRemoved(listenerDeps));
  app.event('tokens_revoked', installationRemoved(listenerDeps));

  try {
    await app.init();
  } catch (error) {
    throw new SlackStartError(`Slack did not accept the bot token (auth.test): ${(error as Error).message}`, {
      cause: error,
    });
  }

  deps.logger.info(
    { mode, oauth: Boolean(deps.settings.oauth), routes: Object.keys(routes) },
    mode === 'http' ? 'Slack endpoint on at /slack/events' : 'Slack in Socket Mode',
  );
  return {
    routes,
    start: async () => {
      if (mode === 'socket-mode') await app.start();
    },
    stop: async () => {
      // No poll outlives a stop: live messages stop following (each logs it); outcomes still on their way
      // after an ack get the Face budget plus time to post them.
      if (background.size > 0)
        deps.logger.info({ running: background.size }, 'stopping Slack background work');
      background.abort();
      await background.drain(deps.faceBudgetMs + DELIVERY_GRACE_MS);
      if (mode === 'socket-mode') await app.stop();
    },
  };
}
