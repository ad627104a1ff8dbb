import type { Config } from '../config';
import type { RouteHandler } from '../http/server';
import type { Logger } from '../logger';
import type {
  Actor,
  ConfigureOutcome,
  CreateOutcome,
  FormValues,
  TargetDescription,
} from '../provisioning/outcome';
import type { WorkspaceStore } from '../store/types';

/**
 * The use cases the Slack adapter calls, by shape (src/provisioning's `createProvisioning` satisfies it).
 * Declared here so the adapter depends on what it uses only.
 */
export interface SlackProvisioning {
  createPersonGroup(input: { workspaceId: string; actor: Actor; values: FormValues }): Promise<CreateOutcome>;
  configureWorkspace(input: {
    workspaceId: string;
    actor: Actor;
    isAdmin: boolean;
    values: FormValues;
  }): Promise<ConfigureOutcome>;
  describeWorkspace(
    workspaceId: string,
  ): Promise<{ configured: boolean; target?: TargetDescription | undefined }>;
}

/** Seals installation JSON at rest (src/store/secret-box.ts `SecretBox` satisfies it). */
export interface InstallationSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

export interface SlackEndpointDeps {
  config: Config;
  provisioning: SlackProvisioning;
  store: WorkspaceStore;
  secretBox: InstallationSealer;
  logger: Logger;
}

/**
 * The Slack platform as the composition root sees it: HTTP routes to mount on the shared server (none in
 * Socket Mode), and start/stop for the Socket Mode connection (no-ops over HTTP).
 */
export interface SlackEndpoint {
  routes: Record<string, RouteHandler>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What every listener gets besides Bolt's arguments. */
export interface ListenerDeps {
  provisioning: SlackProvisioning;
  /** BOT_ADMINS: user ids allowed to configure besides the workspace's admins and owners. */
  admins: readonly string[];
  logger: Logger;
  /** How long a view_submission waits for the use case before acking with a "Creating…" view. */
  inlineBudgetMs: number;
  store: WorkspaceStore;
}
