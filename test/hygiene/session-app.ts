import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import type { Config } from '../../src/config';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { createLogger } from '../../src/logger';
import { type FakeConnector, startFakeConnector } from '../helpers/fake-connector';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api';
import { TEST_SIGNING_SECRET } from '../helpers/slack-requests';
import { ADMIN } from '../helpers/teams-activities';

/** A 48-character key: its last 4 ("…k9Q2") cannot be mistaken for the whole key. */
export const TEAMS_KEY = 'teamsKey7f3a9c1e5b2d8f4a6c0e9b3d7f1a5c8e2b6dk9Q2';
export const SLACK_KEY = 'slackKey2e8b4d0f6a1c7e3b9d5f2a8c4e0b6d1f7a3cm4W7';
export const CLI_KEY = 'cliKey0d6f2b8e4a1c9f5d3b7e1a6c2f8d4b0e9a5c3fx8R5';
/** A key an admin typed that the Face API refused: it must not be echoed either. */
export const WRONG_KEY = 'wrongKey5c1e7a3f9b2d6e0a4c8f1b5d9e3a7c2f6b0ez3T6';
export const BOT_TOKEN = 'xoxb-hygiene-7301-5f0c2e9a8b6d4f1e3c7a9b2d5f8e1c4a';
export const SLACK_ADMIN = 'UADMIN';

export interface SessionApp {
  app: App;
  emulator: FaceEmulator;
  connector: FakeConnector;
  slack: FakeSlackApi;
  baseUrl: string;
  secretKey: Buffer;
  databasePath: string;
  dataDir: string;
  /** Every log line the app wrote, at level trace. */
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The bot with both platforms on (Slack with a bot token, Teams open to loopback clients), not in local
 * mode, logging at trace into memory, with an emulator that accepts only the configured keys.
 */
export async function startSessionApp(): Promise<SessionApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'persongroup-hygiene-'));
  const databasePath = path.join(dataDir, 'bot.db');
  const emulator = await startFaceEmulator({ keys: [TEAMS_KEY, SLACK_KEY, CLI_KEY] });
  const connector = await startFakeConnector();
  const slack = await startFakeSlackApi();
  const secretKey = randomBytes(32);
  const logLines: string[] = [];
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${databasePath}`,
    secretKey,
    secretKeyPrevious: undefined,
    faceEndpointOverride: emulator.url,
    faceBudgetMs: 3000,
    teams: undefined,
    slack: { signingSecret: TEST_SIGNING_SECRET, botToken: BOT_TOKEN, appToken: undefined, oauth: undefined },
    slackApiUrl: slack.apiUrl,
    admins: [ADMIN.aadObjectId, SLACK_ADMIN],
    logLevel: 'trace',
    localMode: false,
    dataDir,
  };
  const logger = createLogger({
    level: 'trace',
    destination: { write: (line: string) => logLines.push(line) },
  });
  const app = await createApp(config, logger);
  const { port } = await app.listen();
  return {
    app,
    emulator,
    connector,
    slack,
    baseUrl: `http://127.0.0.1:${port}`,
    secretKey,
    databasePath,
    dataDir,
    logLines,
    async close() {
      app.server.closeAllConnections();
      await app.close();
      await connector.close();
      await slack.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
