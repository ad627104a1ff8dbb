import { readFileSync } from 'node:fs';
import { run } from '../cli/run';
import type { RecordedCall } from '../helpers/fake-slack-api';
import { findSecretLeaks } from '../helpers/secret-forms';
import { commandBody, postSigned, submissionBody } from '../helpers/slack-requests';
import { ADMIN, createInputs, executeInvoke, submitMessage, textMessage } from '../helpers/teams-activities';
import {
  BOT_TOKEN,
  CLI_KEY,
  type SessionApp,
  SLACK_ADMIN,
  SLACK_KEY,
  startSessionApp,
  TEAMS_KEY,
  WRONG_KEY,
} from './session-app';

const FORM = 'application/x-www-form-urlencoded';

/** Reads a file that may not exist (the -wal file after a checkpoint) as bytes. */
function bytesOf(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}

/** A recorded Slack call without the credential the bot authenticates with. */
function withoutCredential(call: RecordedCall): Omit<RecordedCall, 'token'> {
  const { token: _token, ...rest } = call;
  if (call.method === 'response_url') return rest;
  const { token: _field, ...body } = call.body;
  return { ...rest, body };
}

describe('secret hygiene over a whole session on both platforms and the CLI', () => {
  let s: SessionApp;
  /** Every HTTP answer the bot gave, and every CLI output, in order. */
  const replies: string[] = [];
  const cliOutput: string[] = [];
  let dbDuringSession: Buffer;
  let walDuringSession: Buffer;

  async function teams(activity: unknown): Promise<string> {
    const response = await fetch(`${s.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    replies.push(`teams ${response.status} ${text}`);
    return text;
  }

  async function slack(body: string): Promise<string> {
    const response = await postSigned(`${s.baseUrl}/slack/events`, body, FORM);
    replies.push(`slack ${response.status} ${response.text}`);
    return response.text;
  }

  const slackCommand = (text: string, userId: string, responseId: string) =>
    slack(
      commandBody({
        text,
        userId,
        responseUrl: s.slack.responseUrl(responseId),
        triggerId: `trig-${responseId}`,
      }),
    );

  const slackSubmit = (
    callbackId: string,
    values: Record<string, string>,
    responseId: string,
    userId = 'U1',
  ) =>
    slack(
      submissionBody({
        callbackId,
        userId,
        privateMetadata: JSON.stringify({
          channel: 'C1',
          user: userId,
          responseUrl: s.slack.responseUrl(responseId),
          prefill: {},
        }),
        values,
      }),
    );

  beforeAll(async () => {
    s = await startSessionApp();
    const serviceUrl = s.connector.serviceUrl;
    const asAdmin = { serviceUrl, from: ADMIN };

    // Teams: an admin opens the config form, types a wrong key, then the right one (Execute and Submit).
    await teams(textMessage('persongroup config', asAdmin));
    await teams(
      executeInvoke(
        'workspaceConfigure',
        { region: 'westus', endpoint: '', subscriptionKey: WRONG_KEY },
        asAdmin,
      ),
    );
    await teams(
      executeInvoke(
        'workspaceConfigure',
        { region: 'westus', endpoint: '', subscriptionKey: TEAMS_KEY },
        asAdmin,
      ),
    );
    await teams(
      submitMessage(
        'workspaceConfigure',
        { region: 'westeurope', endpoint: '', subscriptionKey: TEAMS_KEY },
        asAdmin,
      ),
    );
    // Creates: created, already exists, field errors, and a failure the Face API answers.
    await teams(executeInvoke('personGroupCreate', createInputs('hygiene-teams'), { serviceUrl }));
    await teams(
      executeInvoke('personGroupCreate', createInputs('hygiene-teams', { name: 'Rival' }), { serviceUrl }),
    );
    await teams(executeInvoke('personGroupCreate', createInputs('Bad Id'), { serviceUrl }));
    s.emulator.injectFaults({ kind: 'limited_access' });
    await teams(executeInvoke('personGroupCreate', createInputs('hygiene-refused'), { serviceUrl }));
    await teams(submitMessage('personGroupCreate', createInputs('hygiene-submit'), { serviceUrl }));
    await teams(textMessage('persongroup config', asAdmin));

    // Slack: the admin's config modal with a wrong key, then the right one; creates; config shown again.
    await slackCommand('config', SLACK_ADMIN, 'cfg-open');
    await slackSubmit(
      'workspace_configure',
      { region: 'westus', endpoint: '', subscriptionKey: WRONG_KEY },
      'c1',
      SLACK_ADMIN,
    );
    await slackSubmit(
      'workspace_configure',
      { region: 'westus', endpoint: '', subscriptionKey: SLACK_KEY },
      'c2',
      SLACK_ADMIN,
    );
    await slackCommand('create hygiene-slack Slack group', 'U1', 'create-open');
    const created = {
      personGroupId: 'hygiene-slack',
      name: 'Slack group',
      userData: 'x',
      recognitionModel: 'recognition_04',
    };
    await slackSubmit('persongroup_create', created, 'created');
    await s.slack.waitFor('response_url', (call) => call.path.endsWith('/created'));
    await slackSubmit('persongroup_create', { ...created, name: 'Rival' }, 'exists');
    await slackSubmit('persongroup_create', { ...created, personGroupId: 'Bad Id' }, 'invalid');
    s.emulator.injectFaults({ kind: 'limited_access' });
    await slackSubmit('persongroup_create', { ...created, personGroupId: 'hygiene-refused' }, 'refused');
    await slackCommand('config', SLACK_ADMIN, 'cfg-again');
    await slackCommand('help', 'U1', 'help');

    // The CLI against the same database.
    const env = {
      DATABASE_URL: `sqlite:${s.databasePath}`,
      DATA_DIR: s.dataDir,
      SECRET_KEY: s.secretKey.toString('base64'),
      FACE_ENDPOINT_OVERRIDE: s.emulator.url,
      FACE_BUDGET_MS: '2000',
    };
    const runs = [
      await run(['workspace', 'set', 'slack:T2', '--region', 'westus'], env, `${CLI_KEY}\n`),
      await run(['workspace', 'set', 'slack:T3', '--region', 'westus'], env, `${WRONG_KEY}\n`),
      await run(['workspace', 'show', 'slack:T2'], env),
      await run(['workspace', 'show', 'slack:T1'], env),
      await run(['workspace', 'list'], env),
      await run(['audit'], env),
      await run(['audit', '--workspace', 'teams:tenant-0001', '--limit', '50'], env),
    ];
    for (const result of runs) cliOutput.push(`${result.code}\n${result.stdout}\n${result.stderr}`);
    dbDuringSession = bytesOf(s.databasePath);
    walDuringSession = bytesOf(`${s.databasePath}-wal`);
  }, 60_000);
  afterAll(() => s.close());

  /** Everything a person, a log reader or a disk reader could see. */
  function captures(): Record<string, string | Buffer> {
    return {
      logs: s.logLines.join(''),
      replies: replies.join('\n'),
      // The bot token's own channel to Slack (the Authorization header, or the `token` field Bolt's
      // auth.test sends) is left out; every other field, body and path is checked.
      slackCalls: JSON.stringify(s.slack.calls.map(withoutCredential)),
      connectorCalls: JSON.stringify(s.connector.calls),
      faceRecord: JSON.stringify(s.emulator.requests),
      cli: cliOutput.join('\n'),
      database: dbDuringSession,
      databaseWal: walDuringSession,
    };
  }

  it('ran a real session: keys saved, groups created and failures shown, so the captures are not empty', async () => {
    expect(await s.app.store.getWorkspace('teams:tenant-0001')).toMatchObject({ region: 'westeurope' });
    expect(await s.app.store.getWorkspace('slack:T1')).toMatchObject({ region: 'westus' });
    expect(replies.join('\n')).toMatch(/refused the key/i);
    expect(replies.join('\n')).toMatch(/Limited Access/i);
    expect(s.logLines.length).toBeGreaterThan(20);
    expect(s.logLines.some((line) => line.includes('"level":20'))).toBe(true);
    expect(replies.join('\n')).toContain('Person group created');
    expect(s.emulator.groups(TEAMS_KEY).map((group) => group.personGroupId)).toContain('hygiene-teams');
    expect(s.emulator.groups(SLACK_KEY).map((group) => group.personGroupId)).toContain('hygiene-slack');
    expect(s.connector.calls.length).toBeGreaterThan(0);
    expect(s.slack.callsOf('views.open').length).toBe(3);
    expect(cliOutput[0]).toMatch(/^0\n/);
    expect(cliOutput.join('\n')).toContain('hygiene-slack');
    expect(dbDuringSession.length).toBeGreaterThan(0);
  });

  it('shows at most the last 4 characters of a key, as a hint', () => {
    const seen = `${replies.join('\n')}${cliOutput.join('\n')}`;
    expect(seen).toContain(TEAMS_KEY.slice(-4));
    expect(seen).toContain(CLI_KEY.slice(-4));
  });

  it('never puts a configured key, the bot token or SECRET_KEY in a log line, reply, card, call, CLI output or database byte', () => {
    const leaks = findSecretLeaks(captures(), {
      TEAMS_KEY,
      SLACK_KEY,
      CLI_KEY,
      WRONG_KEY,
      BOT_TOKEN,
      SECRET_KEY: s.secretKey,
      SECRET_KEY_BASE64: s.secretKey.toString('base64'),
    });
    expect(leaks).toEqual([]);
  });

  it('finds a key that does leak, in any of its forms (the check can fail)', () => {
    for (const leaked of [
      TEAMS_KEY,
      Buffer.from(TEAMS_KEY).toString('base64'),
      Buffer.from(`ab${TEAMS_KEY}`).toString('base64url'),
    ]) {
      expect(findSecretLeaks({ logs: `{"msg":"${leaked}"}` }, { TEAMS_KEY })).not.toEqual([]);
    }
  });
});
