import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BackgroundWork } from './async/background-work';
import { CARD_NAMES } from './cards/card-data';
import { defaultCardRenderer } from './cards/templates';
import { createCommandTable } from './commands';
import { type Config, isLoopbackHost } from './config';
import type { FaceEmulator } from './emulator';
import { createFaceClient } from './face/client';
import { FacePace } from './guardrails/face-pace';
import { createSpendGuard } from './guardrails/spend-guard';
import { metricsRoute } from './http/metrics-route';
import { createHttpServer, type RouteHandler } from './http/server';
import { teamsRoute } from './http/teams-route';
import type { Logger } from './logger';
import { createPrometheusMetrics } from './metrics/prometheus';
import { timedStore } from './metrics/timed-store';
import { createProvisioning, type Provisioning } from './provisioning/service';
import type { SlackSandbox } from './sandbox';
import type { SlackEndpoint } from './slack';
import { loadOrCreateLocalSecret, localSecretPath } from './store/local-secret';
import { openStore } from './store/open-store';
import { SecretBox } from './store/secret-box';
import type { WorkspaceStore } from './store/types';

/** The assembled bot: one HTTP server, the store, the use cases, the platforms that are switched on. */
export interface App {
  server: http.Server;
  store: WorkspaceStore;
  provisioning: Provisioning;
  /** What is on and where, for the start-up banner. */
  summary: AppSummary;
  listen(): Promise<AddressInfo>;
  /** Stops accepting requests, lets in-flight ones finish, closes sockets, platforms and the store. */
  close(): Promise<void>;
}

export interface AppSummary {
  localMode: boolean;
  teams: 'authenticated' | 'local' | 'off-not-loopback';
  /** `sandbox`: local mode's Slack, reached through the page at /slack/sandbox instead of Slack. */
  slack: 'http' | 'socket-mode' | 'sandbox' | 'off';
  slackOAuth: boolean;
  /** Base URL of the Face emulator that serves unconfigured workspaces (local mode), if any. */
  emulatorUrl: string | undefined;
  faceOverride: string | undefined;
  /** Where settings are kept, for people: `SQLite at <path>` or `PostgreSQL` (never the URL: it may hold a password). */
  storage: string;
  /** The generated secret key file (local mode without SECRET_KEY), else undefined. */
  secretKeyFile: string | undefined;
}

/**
 * Builds the bot from a validated Config. Dependencies flow one way: store + Face client → use cases →
 * platform endpoints → HTTP routes. Tests call this with their own Config (emulator, temp database).
 */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  // Every card template is read now: a missing or broken file stops the start, not a user's click.
  defaultCardRenderer.preload(CARD_NAMES);
  const secretKey = config.secretKey ?? loadOrCreateLocalSecret(config.dataDir);
  const secretBox = new SecretBox({
    current: secretKey,
    ...(config.secretKeyPrevious ? { previous: config.secretKeyPrevious } : {}),
  });
  const metrics = createPrometheusMetrics();
  const store = timedStore(openStore(config.databaseUrl), metrics);
  await store.init();
  const pace = new FacePace(store, logger.child({ component: 'guardrails' }));

  // Local mode serves unconfigured workspaces from the emulator: the operator's override, else our own.
  let emulator: FaceEmulator | undefined;
  let emulatorUrl: string | undefined;
  if (config.localMode) {
    if (config.faceEndpointOverride) emulatorUrl = config.faceEndpointOverride;
    else {
      // Loaded only here: a bot with real Face keys or an override never needs the emulator's code.
      const { startFaceEmulator } = require('./emulator') as typeof import('./emulator');
      emulator = await startFaceEmulator({ port: 0 });
      emulatorUrl = emulator.url;
    }
  }

  const faceClient = createFaceClient({
    budgetMs: config.faceBudgetMs,
    metrics,
    onRateLimited: pace.rateLimited,
  });
  const provisioning = createProvisioning({
    store,
    faceClient,
    secretBox,
    logger: logger.child({ component: 'provisioning' }),
    clock: () => new Date(),
    localMode: config.localMode,
    emulatorUrl,
    faceEndpointOverride: config.faceEndpointOverride,
    budgetMs: config.faceBudgetMs,
    trainingPoll: config.trainingPoll,
  });

  const commands = createCommandTable({
    provisioning,
    admins: config.admins,
    logger: logger.child({ component: 'commands' }),
    guard: createSpendGuard({
      store,
      // loadConfig always sets limits (10 and 60 unless configured); a Config built in code may leave them out.
      limits: config.faceActionLimits ?? { perUserPerMinute: 0, perWorkspacePerMinute: 0 },
      pace,
      logger: logger.child({ component: 'guardrails' }),
      clock: () => new Date(),
    }),
    metrics,
  });
  const routes: Record<string, RouteHandler> = {};
  // Numbers for the operator: with a token anywhere, without one only where nobody else can connect.
  if (config.metricsToken !== undefined || isLoopbackHost(config.host)) {
    routes['/metrics'] = metricsRoute(metrics, config.metricsToken);
  }
  const teams = teamsMode(config);
  const teamsFollowUps = new BackgroundWork();
  if (teams !== 'off-not-loopback') {
    // Each platform's framework is loaded only when it is on: botbuilder and Bolt cost start-up time and memory.
    const { createTeamsEndpoint, ACTIVITY_BODY_LIMIT } = require('./teams') as typeof import('./teams');
    const endpoint = createTeamsEndpoint({
      credentials: config.teams,
      admins: config.admins,
      commands,
      logger: logger.child({ component: 'teams' }),
      ...(config.teamsAnswerWithinMs === undefined ? {} : { answerWithinMs: config.teamsAnswerWithinMs }),
    });
    routes['/api/messages'] = teamsRoute(endpoint, ACTIVITY_BODY_LIMIT, teamsFollowUps);
  }
  // Local mode on loopback tries Slack without an account: the sandbox stands in for Slack.
  let sandbox: SlackSandbox | undefined;
  if (config.localMode && !config.slack && isLoopbackHost(config.host)) {
    const { startSlackSandbox } = require('./sandbox') as typeof import('./sandbox');
    const builtIn = emulator;
    sandbox = await startSlackSandbox({
      logger: logger.child({ component: 'slack-sandbox' }),
      // Only our own emulator can be slowed (the page's "slow Face API" button); an operator's override cannot.
      slowFace: builtIn ? (ms) => builtIn.injectFaults({ kind: 'latency', ms }, 1) : undefined,
    });
    Object.assign(routes, sandbox.routes);
  }
  const slackConfig = sandbox ? sandboxSlackConfig(config, sandbox) : config;
  let slack: SlackEndpoint | undefined;
  if (slackConfig.slack) {
    const { createSlackEndpoint } = require('./slack') as typeof import('./slack');
    slack = await createSlackEndpoint({
      settings: slackConfig.slack,
      slackApiUrl: slackConfig.slackApiUrl,
      admins: config.admins,
      faceBudgetMs: config.faceBudgetMs,
      commands,
      store,
      secretBox,
      logger: logger.child({ component: 'slack' }),
    });
    Object.assign(routes, slack.routes);
  }

  const server = createHttpServer({
    logger,
    routes,
    isReady: async () => {
      await store.ping();
      return true;
    },
  });

  // Responses being written, so that shutdown can close their keep-alive connections after the answer.
  const active = new Set<http.ServerResponse>();
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    active.add(res);
    res.once('close', () => active.delete(res));
  });

  const summary: AppSummary = {
    localMode: config.localMode,
    teams,
    slack: sandbox ? 'sandbox' : !config.slack ? 'off' : config.slack.appToken ? 'socket-mode' : 'http',
    slackOAuth: Boolean(config.slack?.oauth),
    emulatorUrl,
    faceOverride: config.faceEndpointOverride,
    storage: describeStorage(config.databaseUrl),
    secretKeyFile: config.secretKey ? undefined : localSecretPath(config.dataDir),
  };

  return {
    server,
    store,
    provisioning,
    summary,
    async listen() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      await slack?.start();
      return server.address() as AddressInfo;
    },
    async close() {
      // New requests stop first; then Slack's outcomes still on their way after an ack are delivered.
      const serverClosed = new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections close now; busy ones right after their answer, instead of
        // holding the shutdown until the keep-alive timeout.
        for (const res of active) {
          if (!res.headersSent) res.shouldKeepAlive = false;
          res.once('close', () => setImmediate(() => server.closeIdleConnections()));
        }
        server.closeIdleConnections();
      });
      // No poll outlives a stop: cards that follow a training stop updating (each logs it); the rest is delivered.
      if (teamsFollowUps.size > 0) logger.info({ running: teamsFollowUps.size }, 'stopping Teams follow-ups');
      teamsFollowUps.abort();
      await Promise.all([
        slack?.stop(),
        // Card updates after an answer get the Face budget plus time to reach the connector.
        teamsFollowUps.drain(config.faceBudgetMs + FOLLOW_UP_GRACE_MS),
      ]);
      // After Slack's outcomes are delivered (they reach the stand-in); also answers the page's long-polls.
      await sandbox?.close();
      await serverClosed;
      await emulator?.close();
      await store.close();
    },
  };
}

/** After the Face budget, how long stopping waits for card updates to reach the connector. */
const FOLLOW_UP_GRACE_MS = 5000;

/** Teams is authenticated with credentials; without them it is open only on a loopback address. */
function teamsMode(config: Config): AppSummary['teams'] {
  if (config.teams) return 'authenticated';
  return isLoopbackHost(config.host) ? 'local' : 'off-not-loopback';
}

/** Slack as the sandbox needs it: its signing secret and bot token, and its stand-in for the Web API. */
function sandboxSlackConfig(config: Config, sandbox: SlackSandbox): Config {
  const { signingSecret, botToken, apiUrl } = sandbox.slack;
  return {
    ...config,
    slack: { signingSecret, botToken, appToken: undefined, oauth: undefined },
    slackApiUrl: apiUrl,
  };
}

/** The store for the banner: the SQLite file, or just "PostgreSQL" (its URL may hold a password). */
function describeStorage(databaseUrl: string): string {
  const url = databaseUrl.trim();
  return url.startsWith('sqlite:') ? `SQLite at ${url.slice('sqlite:'.length)}` : 'PostgreSQL';
}
