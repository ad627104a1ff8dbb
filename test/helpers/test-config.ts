import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../../src/config';

/**
 * The Config every in-process test bot starts from: loopback on a random port, SQLite in `dataDir`, a fresh
 * SECRET_KEY, every Face call to the test emulator, no platform. A harness states only what differs.
 */
export function testConfig(dataDir: string, emulatorUrl: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${path.join(dataDir, 'bot.db')}`,
    secretKey: randomBytes(32),
    secretKeyPrevious: undefined,
    faceEndpointOverride: emulatorUrl,
    faceBudgetMs: 3000,
    teams: undefined,
    slack: undefined,
    slackApiUrl: undefined,
    admins: [],
    logLevel: 'silent',
    localMode: false,
    dataDir,
    ...overrides,
  };
}
