import { z } from 'zod';
import type { TrainingPollSettings } from './provisioning/training';
import type { SlackSettings } from './slack/types';
import type { TeamsCredentials } from './teams/adapter';

/**
 * The process configuration, read and validated once at start-up. Nothing else reads process.env.
 * Variable names are the ones in CONTRACT.md (botbuilder's own names for the Bot Framework ones).
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** 32 bytes; undefined only in local mode before the generated key is loaded (see local-mode). */
  secretKey: Buffer | undefined;
  /** The key before a rotation: still decrypts, never encrypts. */
  secretKeyPrevious: Buffer | undefined;
  faceEndpointOverride: string | undefined;
  /** Total time a chat request may spend on the Face API, retries included. */
  faceBudgetMs: number;
  /**
   * How long a Teams card action waits for its outcome before answering "still working" (Teams shows
   * "Unable to reach app" after ~10 s). Not an environment setting: tests shorten it.
   */
  teamsAnswerWithinMs?: number;
  teams: TeamsCredentials | undefined;
  slack: SlackSettings | undefined;
  slackApiUrl: string | undefined;
  admins: string[];
  logLevel: string;
  /** No platform credential at all: loopback only, generated secret, built-in Face emulator. */
  localMode: boolean;
  dataDir: string;
  /** Face-spending actions a minute, per user and per workspace, shared by replicas (0: no limit). loadConfig always sets them; absent (a Config built in code): no limits. */
  faceActionLimits?: { perUserPerMinute: number; perWorkspacePerMinute: number };
  /** Bearer token that GET /metrics requires; unset: /metrics is served on a loopback HOST only. */
  metricsToken?: string | undefined;
  /** How a training's status is followed; not from the environment (tests shorten it). Default 1 s → 15 s, 2 min. */
  trainingPoll?: TrainingPollSettings;
}

// The platforms own the shapes of their settings (a platform never imports the configuration).
export type { SlackSettings } from './slack/types';
export type { BotTokenSources, TeamsCredentials } from './teams/adapter';

/** Face-spending actions a minute per user and per workspace, unless configured. */
export const DEFAULT_FACE_ACTION_LIMITS = { perUserPerMinute: 10, perWorkspacePerMinute: 60 } as const;

/** A configuration problem, stated in one line an operator can act on. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  PORT: optional.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  HOST: optional,
  DATABASE_URL: optional,
  SECRET_KEY: optional,
  SECRET_KEY_PREVIOUS: optional,
  FACE_ENDPOINT_OVERRIDE: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  FACE_BUDGET_MS: optional.pipe(z.coerce.number<string | undefined>().int().min(100).max(60000).optional()),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional.pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: optional,
  ToBotFromChannelOpenIdMetadataUrl: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ToBotFromEmulatorOpenIdMetadataUrl: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  ToBotFromChannelTokenIssuer: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  BOT_ADMINS: optional,
  LOG_LEVEL: optional.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  DATA_DIR: optional,
  FACE_ACTIONS_PER_USER_PER_MINUTE: optional.pipe(
    z.coerce.number<string | undefined>().int().min(0).max(1_000_000).optional(),
  ),
  FACE_ACTIONS_PER_WORKSPACE_PER_MINUTE: optional.pipe(
    z.coerce.number<string | undefined>().int().min(0).max(1_000_000).optional(),
  ),
  METRICS_TOKEN: optional.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
});

/** Decodes a base64 SECRET_KEY; it must hold exactly 32 bytes (AES-256). */
export function parseSecretKey(value: string, variable: string): Buffer {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== 32 || bytes.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) {
    throw new ConfigError(
      `${variable} must be 32 random bytes in base64 (generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")`,
    );
  }
  return bytes;
}

/** Validates the environment; throws ConfigError with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `Invalid ${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'bad value'}`,
    );
  }
  const e = parsed.data;
  const slackOAuthParts = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (slackOAuthParts.some(Boolean) && !slackOAuthParts.every(Boolean)) {
    throw new ConfigError(
      'Slack OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together',
    );
  }
  const localMode = !e.MicrosoftAppId && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN && !e.SLACK_CLIENT_ID;
  const slackOn = Boolean(e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN || e.SLACK_CLIENT_ID);
  if (slackOn && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError('Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)');
  }
  if (slackOn && !e.SLACK_BOT_TOKEN && !e.SLACK_CLIENT_ID) {
    throw new ConfigError(
      'Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (OAuth install)',
    );
  }
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('MicrosoftAppId is set but MicrosoftAppPassword is missing');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId');
  }
  if (!localMode && !e.SECRET_KEY) {
    throw new ConfigError('SECRET_KEY is required once platform credentials are set (32 bytes, base64)');
  }
  const dataDir = e.DATA_DIR ?? 'data';
  return {
    port: e.PORT ?? 3978,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: e.DATABASE_URL ?? `sqlite:${dataDir}/persongroup-bot.db`,
    secretKey: e.SECRET_KEY ? parseSecretKey(e.SECRET_KEY, 'SECRET_KEY') : undefined,
    secretKeyPrevious: e.SECRET_KEY_PREVIOUS
      ? parseSecretKey(e.SECRET_KEY_PREVIOUS, 'SECRET_KEY_PREVIOUS')
      : undefined,
    faceEndpointOverride: e.FACE_ENDPOINT_OVERRIDE,
    faceBudgetMs: e.FACE_BUDGET_MS ?? 30_000,
    teams: e.MicrosoftAppId
      ? {
          appId: e.MicrosoftAppId,
          appPassword: e.MicrosoftAppPassword,
          appType: e.MicrosoftAppType ?? 'MultiTenant',
          tenantId: e.MicrosoftAppTenantId,
          tokenSources: {
            channelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
            emulatorOpenIdMetadataUrl: e.ToBotFromEmulatorOpenIdMetadataUrl,
            channelTokenIssuer: e.ToBotFromChannelTokenIssuer,
          },
        }
      : undefined,
    slack: slackOn
      ? {
          signingSecret: e.SLACK_SIGNING_SECRET,
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          oauth:
            e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
              ? {
                  clientId: e.SLACK_CLIENT_ID,
                  clientSecret: e.SLACK_CLIENT_SECRET,
                  stateSecret: e.SLACK_STATE_SECRET,
                }
              : undefined,
        }
      : undefined,
    slackApiUrl: e.SLACK_API_URL,
    admins: (e.BOT_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL ?? 'info',
    localMode,
    dataDir,
    faceActionLimits: {
      perUserPerMinute: e.FACE_ACTIONS_PER_USER_PER_MINUTE ?? DEFAULT_FACE_ACTION_LIMITS.perUserPerMinute,
      perWorkspacePerMinute:
        e.FACE_ACTIONS_PER_WORKSPACE_PER_MINUTE ?? DEFAULT_FACE_ACTION_LIMITS.perWorkspacePerMinute,
    },
    metricsToken: e.METRICS_TOKEN,
  };
}

/** True when HOST is a loopback address: only then may an unauthenticated endpoint listen. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}
