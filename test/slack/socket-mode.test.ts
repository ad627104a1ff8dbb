import { randomBytes } from 'node:crypto';
import { createCommandTable } from '../../src/commands';
import { createLogger } from '../../src/logger';
import type { Provisioning } from '../../src/provisioning/service';
import { createSlackEndpoint } from '../../src/slack';
import { SecretBox } from '../../src/store/secret-box';
import type { WorkspaceStore } from '../../src/store/types';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/fake-slack-api';

describe('Socket Mode', () => {
  let slack: FakeSlackApi;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('serves no HTTP route when an app token is set, and checks the bot token with auth.test', async () => {
    const logger = createLogger({ level: 'silent' });
    // Socket Mode never reaches the use cases or the store in this test: no request arrives.
    const endpoint = await createSlackEndpoint({
      settings: {
        signingSecret: undefined,
        botToken: 'xoxb-socket',
        appToken: 'xapp-1-test',
        oauth: undefined,
      },
      slackApiUrl: slack.apiUrl,
      admins: [],
      faceBudgetMs: 1000,
      commands: createCommandTable({ provisioning: {} as Provisioning, admins: [], logger }),
      store: {} as WorkspaceStore,
      secretBox: new SecretBox({ current: randomBytes(32) }),
      logger,
    });
    expect(endpoint.routes).toEqual({});
    const check = await slack.waitFor('auth.test', (c) => c.token === 'xoxb-socket');
    expect(check.method).toBe('auth.test');
  });
});
