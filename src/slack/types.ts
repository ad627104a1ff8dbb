import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandTable } from '../commands';
import type { Logger } from '../logger';
import type { WorkspaceStore } from '../store/types';

/** The Slack credentials of the environment (CONTRACT.md): single workspace, OAuth, or Socket Mode. */
export interface SlackSettings {
  signingSecret: string | undefined;
  botToken: string | undefined;
  appToken: string | undefined;
  oauth: { clientId: string; clientSecret: string; stateSecret: string } | undefined;
}

/** Seals installation JSON at rest (src/store/secret-box.ts `SecretBox` satisfies it). */
export interface InstallationSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** A handler for one path of the shared HTTP server; it owns the response. */
export type SlackRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface SlackEndpointDeps {
  settings: SlackSettings;
  /** SLACK_API_URL: another base URL for the Web API (proxies, tests). */
  slackApiUrl: string | undefined;
  /** BOT_ADMINS: user ids allowed to configure besides the workspace's admins and owners. */
  admins: readonly string[];
  /** FACE_BUDGET_MS: how long stopping waits for outcomes still on their way. */
  faceBudgetMs: number;
  commands: CommandTable;
  /** Where OAuth installations are kept. */
  store: WorkspaceStore;
  secretBox: InstallationSealer;
  logger: Logger;
  /** How long a submission waits for its outcome before acking with a progress view. */
  inlineBudgetMs?: number;
}

/**
 * The Slack platform as the composition root sees it: HTTP routes to mount on the shared server (none in
 * Socket Mode), and start/stop for the Socket Mode connection (no-ops over HTTP).
 */
export interface SlackEndpoint {
  routes: Record<string, SlackRoute>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What every listener gets besides Bolt's arguments. */
export interface ListenerDeps {
  commands: CommandTable;
  admins: readonly string[];
  logger: Logger;
  /** How long a command or submission waits for its reply before acking and answering later. */
  inlineBudgetMs: number;
  store: WorkspaceStore;
  /** Aborts when the endpoint stops: a message that follows a training stops updating. */
  stopping: AbortSignal;
}
