import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import type { Config, TeamsCredentials } from '../../src/config';
import { type FaceEmulator, type FaceEmulatorOptions, startFaceEmulator } from '../../src/emulator';
import { createLogger } from '../../src/logger';
import type { Provisioning } from '../../src/provisioning';
import type { WorkspaceStore } from '../../src/store/types';
import { type FakeConnector, startFakeConnector } from './fake-connector';
import { testConfig } from './test-config';

export interface TeamsHarnessOptions {
  /** Local mode: unconfigured workspaces are served by the emulator (default true). */
  localMode?: boolean;
  /** Bot Framework credentials: authentication on. */
  teams?: TeamsCredentials;
  admins?: string[];
  /** Face budget per create (default 3000 ms, so timeout tests stay short). */
  faceBudgetMs?: number;
  /** Keys the emulator accepts (default: any). */
  emulatorKeys?: string[];
  /** How long a card action waits before answering "still working" (default: the product's 8 s). */
  teamsAnswerWithinMs?: number;
  /** More emulator options (training time, empty-group mode, faults…). */
  emulator?: FaceEmulatorOptions;
  /** Config fields to change (e.g. trainingPoll). */
  config?: Partial<Config>;
}

export interface BotResponse {
  status: number;
  text: string;
  /** Parsed JSON body, or undefined when empty or not JSON. */
  json: unknown;
}

export interface TeamsHarness {
  /** http://127.0.0.1:PORT/api/messages */
  messagesUrl: string;
  connector: FakeConnector;
  emulator: FaceEmulator;
  store: WorkspaceStore;
  provisioning: Provisioning;
  /** POSTs an activity (or a raw body) to /api/messages. */
  post(activity: unknown, headers?: Record<string, string>): Promise<BotResponse>;
  close(): Promise<void>;
}

/**
 * The whole bot as src/app.ts assembles it, over real loopback HTTP: SQLite in a temp dir, the Face
 * emulator behind FACE_ENDPOINT_OVERRIDE (in local mode it also serves unconfigured workspaces), and a
 * fake Bot Framework connector that the test activities name as their serviceUrl.
 */
export async function startTeamsHarness(options: TeamsHarnessOptions = {}): Promise<TeamsHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'persongroup-teams-'));
  const emulator = await startFaceEmulator({
    ...(options.emulatorKeys ? { keys: options.emulatorKeys } : {}),
    ...options.emulator,
  });
  const connector = await startFakeConnector();
  const config = testConfig(dataDir, emulator.url, {
    faceBudgetMs: options.faceBudgetMs ?? 3000,
    teams: options.teams,
    admins: options.admins ?? [],
    localMode: options.localMode ?? true,
    ...(options.teamsAnswerWithinMs === undefined
      ? {}
      : { teamsAnswerWithinMs: options.teamsAnswerWithinMs }),
    ...options.config,
  });
  const app: App = await createApp(config, createLogger({ level: 'silent' }));
  const { port } = await app.listen();
  const messagesUrl = `http://127.0.0.1:${port}/api/messages`;

  return {
    messagesUrl,
    connector,
    emulator,
    store: app.store,
    provisioning: app.provisioning,
    async post(activity, headers = {}) {
      const response = await fetch(messagesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined; // a non-JSON body stays available as `text`
      }
      return { status: response.status, text, json };
    },
    async close() {
      app.server.closeAllConnections();
      await app.close();
      await connector.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
