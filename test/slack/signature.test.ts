import { FORM, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { commandBody, postSigned, slackSignature, TEST_SIGNING_SECRET } from '../helpers/slack-requests';

describe('Slack request signatures', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const body = () => commandBody({ text: 'create abc', responseUrl: h.slack.responseUrl('sig') });

  it('answers a correctly signed command with 200', async () => {
    const res = await postSigned(
      h.eventsUrl,
      commandBody({ text: 'help', responseUrl: h.slack.responseUrl('ok') }),
      FORM,
    );
    expect(res.status).toBe(200);
  });

  it('answers a wrong signature with 401 and runs no listener', async () => {
    const before = h.slack.calls.length;
    const res = await postSigned(h.eventsUrl, body(), FORM, { signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    expect(h.slack.calls.length).toBe(before);
  });

  it('answers a request signed with another secret with 401', async () => {
    const res = await postSigned(h.eventsUrl, body(), FORM, { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
  });

  it('answers a request without a signature with 401', async () => {
    const res = await postSigned(h.eventsUrl, body(), FORM, { signature: null });
    expect(res.status).toBe(401);
  });

  it('answers a correctly signed request older than five minutes with 401 and runs no listener', async () => {
    const before = h.slack.calls.length;
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const text = body();
    const res = await postSigned(h.eventsUrl, text, FORM, {
      timestamp,
      signature: slackSignature(TEST_SIGNING_SECRET, timestamp, text),
    });
    expect(res.status).toBe(401);
    expect(h.slack.calls.length).toBe(before);
    expect(h.slack.callsOf('views.open')).toHaveLength(0);
  });

  it('answers a body changed after signing with 401', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(TEST_SIGNING_SECRET, timestamp, body());
    const res = await postSigned(h.eventsUrl, commandBody({ text: 'config', responseUrl: 'x' }), FORM, {
      timestamp,
      signature,
    });
    expect(res.status).toBe(401);
  });

  it('serves no install pages in single-workspace token mode', async () => {
    const res = await fetch(`${h.baseUrl}/slack/install`);
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });
});
