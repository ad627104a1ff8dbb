import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import type { Config } from '../../src/config';
import { type FaceEmulator, type FaceEmulatorOptions, startFaceEmulator } from '../../src/emulator';
import { createLogger } from '../../src/logger';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api';
import {
  type CommandFields,
  commandBody,
  postSigned,
  type SignedResponse,
  type SubmissionFields,
  submissionBody,
  TEST_SIGNING_SECRET,
} from './slack-requests';
import { testConfig } from './test-config';

export const FORM = 'application/x-www-form-urlencoded';
export const BOT_TOKEN = 'xoxb-test-token';
export const LISTED_ADMIN = 'UADMIN';
/** A Face key the emulator accepts (any non-empty key is its own namespace there). */
export const FACE_KEY = 'slack-test-face-key-0123456789abcdef';

export interface SlackHarnessOptions {
  /** OAuth install flow instead of one bot token. */
  oauth?: boolean;
  /** Face budget per create (default 12 s, above the 10 s latency fault). */
  faceBudgetMs?: number;
  /** More emulator options (training time, empty-group mode, faults…). */
  emulator?: FaceEmulatorOptions;
  /** Config fields to change (e.g. trainingPoll). */
  config?: Partial<Config>;
}

export interface SlackHarness {
  app: App;
  slack: FakeSlackApi;
  emulator: FaceEmulator;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  eventsUrl: string;
  /** A signed slash command; response_url defaults to a fresh one on the fake. */
  command(fields: Partial<CommandFields> & { text: string }): Promise<SignedResponse>;
  /** A signed view_submission. */
  submit(fields: SubmissionFields): Promise<SignedResponse>;
  /** Gives a workspace its own Face key (region westus; the emulator serves it through the override). */
  configure(teamId: string): Promise<void>;
  close(): Promise<void>;
}

let responseCounter = 0;

/**
 * The whole bot as src/app.ts assembles it, Slack on: SQLite in a temp dir, the Face emulator behind
 * FACE_ENDPOINT_OVERRIDE, and Bolt's Web API client pointed at a fake Slack (SLACK_API_URL).
 */
export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'persongroup-slack-'));
  const slack = await startFakeSlackApi();
  const emulator = await startFaceEmulator({ port: 0, ...options.emulator });
  const config = testConfig(dataDir, emulator.url, {
    faceBudgetMs: options.faceBudgetMs ?? 12_000,
    slack: {
      signingSecret: TEST_SIGNING_SECRET,
      botToken: options.oauth ? undefined : BOT_TOKEN,
      appToken: undefined,
      oauth: options.oauth
        ? { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests' }
        : undefined,
    },
    slackApiUrl: slack.apiUrl,
    admins: [LISTED_ADMIN],
    ...options.config,
  });
  const app = await createApp(config, createLogger({ level: 'silent' }));
  const address = await app.listen();
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const eventsUrl = `${baseUrl}/slack/events`;

  return {
    app,
    slack,
    emulator,
    baseUrl,
    eventsUrl,
    command(fields) {
      responseCounter += 1;
      const responseUrl = fields.responseUrl ?? slack.responseUrl(`cmd-${responseCounter}`);
      return postSigned(eventsUrl, commandBody({ ...fields, responseUrl }), FORM);
    },
    submit(fields) {
      return postSigned(eventsUrl, submissionBody(fields), FORM);
    },
    async configure(teamId) {
      const outcome = await app.provisioning.configureWorkspace({
        workspaceId: `slack:${teamId}`,
        actor: { id: LISTED_ADMIN, name: 'ada' },
        isAdmin: true,
        values: { region: 'westus', endpoint: '', subscriptionKey: FACE_KEY },
      });
      if (outcome.kind !== 'configured')
        throw new Error(`configuring ${teamId} failed: ${JSON.stringify(outcome)}`);
    },
    async close() {
      app.server.closeAllConnections();
      await app.close();
      await slack.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The private_metadata a create modal opened from `/persongroup create` in C1 by U1 carries. */
export function createMetadata(responseUrl: string, prefill: Record<string, string> = {}): string {
  return JSON.stringify({ channel: 'C1', user: 'U1', responseUrl, prefill });
}
