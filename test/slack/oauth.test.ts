import { type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { eventBody, postSigned } from '../helpers/slack-requests';

/** Resolves once `check` holds, re-checking after each turn of the event loop; fails after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('Slack OAuth install (many workspaces)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ oauth: true });
  });
  afterAll(async () => {
    await h.close();
  });

  async function install(): Promise<Response> {
    const start = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    const page = await start.text();
    const cookie = start.headers.get('set-cookie') ?? '';
    const state = /state=([^&"'\s]+)/.exec(start.headers.get('location') ?? page)?.[1];
    expect(state).toBeTruthy();
    return fetch(`${h.baseUrl}/slack/oauth_redirect?code=the-code&state=${state}`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
      redirect: 'manual',
    });
  }

  it('serves /slack/install, exchanges the code with oauth.v2.access and stores the installation sealed', async () => {
    const done = await install();
    expect(done.status).toBe(200);
    const exchange = await h.slack.waitFor('oauth.v2.access');
    expect(exchange.body.code).toBe('the-code');
    const record = await h.app.store.getSlackInstallation('slack:T2');
    expect(record).toBeDefined();
    expect(record?.sealedInstallation).not.toContain('xoxb-installed-T2');
  });

  it('answers a request from an installed workspace with that workspace’s own token', async () => {
    const res = await h.command({ text: 'create', teamId: 'T2', triggerId: 'trig-t2' });
    expect(res.status).toBe(200);
    const open = await h.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-t2');
    expect(open.token).toBe('xoxb-installed-T2');
  });

  it('runs no listener for a workspace that never installed the app', async () => {
    const res = await h.command({ text: 'create', teamId: 'T3', triggerId: 'trig-t3' });
    expect([200, 401]).toContain(res.status);
    expect(h.slack.callsOf('views.open').some((c) => c.body.trigger_id === 'trig-t3')).toBe(false);
  });

  it('removes the installation when the app is uninstalled', async () => {
    const res = await postSigned(
      h.eventsUrl,
      eventBody({ type: 'app_uninstalled' }, 'T2'),
      'application/json',
    );
    expect(res.status).toBe(200);
    await eventually(async () => (await h.app.store.getSlackInstallation('slack:T2')) === undefined);
  });

  it('removes the installation when the bot tokens are revoked', async () => {
    await install();
    expect(await h.app.store.getSlackInstallation('slack:T2')).toBeDefined();
    const event = { type: 'tokens_revoked', tokens: { bot: ['UBOT2'] } };
    const res = await postSigned(h.eventsUrl, eventBody(event, 'T2'), 'application/json');
    expect(res.status).toBe(200);
    await eventually(async () => (await h.app.store.getSlackInstallation('slack:T2')) === undefined);
  });
});
