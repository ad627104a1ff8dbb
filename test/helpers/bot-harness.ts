import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import type { Config } from '../../src/config';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { createLogger } from '../../src/logger';
import { type FakeConnector, startFakeConnector } from './fake-connector';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api';
import { createMetadata } from './slack-harness';
import { postSigned, type SignedResponse, submissionBody, TEST_SIGNING_SECRET } from './slack-requests';
import { ADMIN, executeInvoke } from './teams-activities';
import type { BotResponse } from './teams-harness';
import { testConfig } from './test-config';

/** Slack user listed in BOT_ADMINS; Teams' admin is ADMIN (aad-grace). */
export const SLACK_ADMIN = 'UADMIN';

export interface BotHarnessOptions {
  /** Default: SQLite in a fresh temp dir. */
  databaseUrl?: string;
  /** Face budget per create (default 3000 ms). */
  faceBudgetMs?: number;
  /** Anything else of the Config (limits, HOST, METRICS_TOKEN …), applied last. */
  config?: Partial<Config>;
}

export interface BotHarness {
  app: App;
  emulator: FaceEmulator;
  slack: FakeSlackApi;
  connector: FakeConnector;
  baseUrl: string;
  /** The SQLite file when the default store is used. */
  sqlitePath: string | undefined;
  /** Every log line the app wrote (JSON), parsed. */
  logs: Record<string, unknown>[];
  /** An Action.Execute invoke from tenant `tenantId` (workspace `teams:<tenantId>`). */
  teamsInvoke(
    tenantId: string,
    verb: string,
    data: Record<string, unknown>,
    from?: { id: string; name: string; aadObjectId?: string },
  ): Promise<BotResponse>;
  /** A signed view_submission from team `teamId`; its modal names `responseUrlId` on the fake Slack. */
  slackSubmit(
    teamId: string,
    callbackId: 'persongroup_create' | 'workspace_configure',
    values: Record<string, string>,
    ids: { viewId: string; responseUrlId: string; userId?: string },
  ): Promise<SignedResponse>;
  /** GET /readyz's status. */
  readyz(): Promise<number>;
  /** Gives a workspace its own Face key (region westus, served by the emulator through the override). */
  configure(workspaceId: string, key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole bot as src/app.ts assembles it with BOTH platforms on (Slack with one bot token, Teams open
 * to loopback clients), any DATABASE_URL, the Face emulator behind FACE_ENDPOINT_OVERRIDE, a fake Slack
 * Web API and a fake Bot Framework connector, and the app's log lines captured for assertions.
 */
export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'persongroup-bot-'));
  const sqlitePath = options.databaseUrl ? undefined : path.join(dataDir, 'bot.db');
  const emulator = await startFaceEmulator({ port: 0 });
  const slack = await startFakeSlackApi();
  const connector = await startFakeConnector();
  const logs: Record<string, unknown>[] = [];
  const destination = {
    write(line: string) {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  const config = testConfig(dataDir, emulator.url, {
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    faceBudgetMs: options.faceBudgetMs ?? 3000,
    slack: {
      signingSecret: TEST_SIGNING_SECRET,
      botToken: 'xoxb-test-token',
      appToken: undefined,
      oauth: undefined,
    },
    slackApiUrl: slack.apiUrl,
    admins: [SLACK_ADMIN, ADMIN.aadObjectId],
    logLevel: 'info',
    ...options.config,
  });
  const app = await createApp(config, createLogger({ level: 'info', destination }));
  const { port } = await app.listen();
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    app,
    emulator,
    slack,
    connector,
    baseUrl,
    sqlitePath,
    logs,
    async teamsInvoke(tenantId, verb, data, from) {
      const activity = executeInvoke(verb, data, {
        serviceUrl: connector.serviceUrl,
        tenantId,
        ...(from ? { from } : {}),
      });
      const response = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, text, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    slackSubmit(teamId, callbackId, values, ids) {
      const body = submissionBody({
        callbackId,
        privateMetadata: createMetadata(slack.responseUrl(ids.responseUrlId)),
        values,
        teamId,
        viewId: ids.viewId,
        ...(ids.userId ? { userId: ids.userId } : {}),
      });
      return postSigned(`${baseUrl}/slack/events`, body, 'application/x-www-form-urlencoded');
    },
    async readyz() {
      const response = await fetch(`${baseUrl}/readyz`);
      await response.arrayBuffer();
      return response.status;
    },
    async configure(workspaceId, key) {
      const outcome = await app.provisioning.configureWorkspace({
        workspaceId,
        actor: { id: 'cli', name: 'operator' },
        isAdmin: true,
        values: { region: 'westus', endpoint: '', subscriptionKey: key },
        verify: false,
      });
      if (outcome.kind !== 'configured') throw new Error(`configuring ${workspaceId}: ${outcome.kind}`);
    },
    async close() {
      app.server.closeAllConnections();
      await app.close();
      await slack.close();
      await connector.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
