import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TeamsCredentials } from '../../src/config';
import { createFaceClient } from '../../src/face/client';
import { type FaceEmulator, startFaceEmulator } from '../../src/face/emulator';
import { createHttpServer } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { createProvisioning, type Provisioning } from '../../src/provisioning';
import { openStore } from '../../src/store/open-store';
import { SecretBox } from '../../src/store/secret-box';
import type { WorkspaceStore } from '../../src/store/types';
import { createTeamsEndpoint } from '../../src/teams';
import { type FakeConnector, startFakeConnector } from './fake-connector';

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
 * The Teams endpoint over real loopback HTTP, composed like src/app.ts: SQLite in a temp dir, the real
 * Face client against the Face emulator (FACE_ENDPOINT_OVERRIDE for configured workspaces, the local
 * emulator for unconfigured ones in local mode), and a fake Bot Framework connector as serviceUrl.
 */
export async function startTeamsHarness(options: TeamsHarnessOptions = {}): Promise<TeamsHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'persongroup-teams-'));
  const localMode = options.localMode ?? true;
  const faceBudgetMs = options.faceBudgetMs ?? 3000;
  const logger = createLogger({ level: 'silent' });
  const emulator = await startFaceEmulator(options.emulatorKeys ? { keys: options.emulatorKeys } : {});
  const connector = await startFakeConnector();
  const store = openStore(`sqlite:${path.join(dataDir, 'bot.db')}`);
  await store.init();
  const provisioning = createProvisioning({
    store,
    faceClient: createFaceClient({ budgetMs: faceBudgetMs }),
    secretBox: new SecretBox({ current: randomBytes(32) }),
    logger,
    clock: () => new Date(),
    localMode,
    emulatorUrl: localMode ? emulator.url : undefined,
    faceEndpointOverride: emulator.url,
    budgetMs: faceBudgetMs,
    claimPollMs: 20,
  });
  const endpoint = createTeamsEndpoint({
    config: { teams: options.teams, admins: options.admins ?? [] },
    provisioning,
    logger,
  });
  const server: http.Server = createHttpServer({
    logger,
    routes: { '/api/messages': endpoint },
    isReady: async () => true,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const messagesUrl = `http://127.0.0.1:${port}/api/messages`;

  return {
    messagesUrl,
    connector,
    emulator,
    store,
    provisioning,
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await connector.close();
      await emulator.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
