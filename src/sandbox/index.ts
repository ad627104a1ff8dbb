/**
 * The Slack sandbox: Slack without an account, for local mode. A page at /slack/sandbox where a person
 * types `/persongroup …`, sees the modal the bot opened (drawn from its Block Kit), submits it, and sees
 * field errors, "Creating…" and the channel message. Everything is produced by the real Bolt app: the
 * sandbox signs each request with a signing secret made for this process and POSTs it to /slack/events,
 * and the bot's Web API calls (SLACK_API_URL) and response_urls reach a loopback stand-in for Slack.
 */
import { randomBytes } from 'node:crypto';
import type { RouteHandler } from '../http/server';
import type { Logger } from '../logger';
import { SandboxConversation } from './conversation';
import { SANDBOX_PATH, sandboxPageRoutes } from './page-routes';
import { SandboxSlackClient } from './slack-client';
import { TriggerBook } from './triggers';
import { startSandboxWebApi } from './web-api';

export { SANDBOX_PATH } from './page-routes';

export interface SlackSandbox {
  /** What the bot's Slack endpoint needs to talk to the sandbox instead of Slack. */
  slack: { signingSecret: string; botToken: string; apiUrl: string };
  /** The page's routes, for the bot's own server. */
  routes: Record<string, RouteHandler>;
  path: typeof SANDBOX_PATH;
  /** Answers waiting long-polls (so the server can close) and stops the stand-in Web API. */
  close(): Promise<void>;
}

export interface SlackSandboxDeps {
  logger: Logger;
  /** Delays the next Face call by `ms` (the built-in emulator) to show "Creating…"; undefined: no button. */
  slowFace: ((ms: number) => void) | undefined;
}

export async function startSlackSandbox(deps: SlackSandboxDeps): Promise<SlackSandbox> {
  const conversation = new SandboxConversation();
  const triggers = new TriggerBook();
  const webApi = await startSandboxWebApi({ conversation, triggers, logger: deps.logger });
  // Made per process and never written anywhere: only this process signs and checks sandbox requests.
  const signingSecret = randomBytes(32).toString('hex');
  const client = new SandboxSlackClient({
    conversation,
    triggers,
    signingSecret,
    newResponseUrl: () => webApi.newResponseUrl(),
  });
  return {
    slack: { signingSecret, botToken: webApi.botToken, apiUrl: webApi.apiUrl },
    routes: sandboxPageRoutes({ conversation, client, slowFace: deps.slowFace }),
    path: SANDBOX_PATH,
    async close() {
      conversation.releaseWaiters();
      await webApi.close();
    },
  };
}
