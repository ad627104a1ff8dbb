import { createMetadata, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';

const values = (personGroupId: string, name = 'Front door staff') => ({
  personGroupId,
  name,
  userData: '',
  recognitionModel: 'recognition_04',
});

describe('the create modal submission', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await h.configure('T1');
  });
  afterAll(async () => {
    await h.close();
  });

  function submit(teamId: string, personGroupId: string, responseId: string, viewId = 'V1', name?: string) {
    return h.submit({
      callbackId: 'persongroup_create',
      privateMetadata: createMetadata(h.slack.responseUrl(responseId)),
      values: values(personGroupId, name),
      teamId,
      viewId,
    });
  }

  it('shows a broken rule inline under the field, keyed by block_id, without calling the Face API', async () => {
    const before = h.emulator.requests.length;
    const res = await submit('T1', 'Front-Door', 'invalid');
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe('errors');
    const errors = res.json?.errors as Record<string, string>;
    expect(Object.keys(errors)).toEqual(['personGroupId']);
    expect(errors.personGroupId).toMatch(/upper-case/i);
    expect(h.emulator.requests.length).toBe(before);
  });

  it('closes the modal and posts the new group to the channel, in_channel, naming who created it', async () => {
    const res = await submit('T1', 'front-door', 'created');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const post = await h.slack.waitFor('response_url', (c) => c.path.endsWith('/created'));
    expect(post.body.response_type).toBe('in_channel');
    expect(post.body.text).toContain('<@U1>');
    expect(post.body.text).toContain('front-door');
    expect(JSON.stringify(post.body.blocks)).toContain('alice');
    expect(JSON.stringify(post.body.blocks)).toContain('front-door');
    expect(
      h.emulator.requests.some((r) => r.method === 'PUT' && r.path.endsWith('/persongroups/front-door')),
    ).toBe(true);
  });

  it("posts with chat.postMessage to the command's channel when the response_url fails", async () => {
    const res = await h.submit({
      callbackId: 'persongroup_create',
      // Port 1 refuses connections: the response_url cannot be used.
      privateMetadata: JSON.stringify({
        channel: 'C42',
        user: 'U1',
        responseUrl: 'http://127.0.0.1:1/x',
        prefill: {},
      }),
      values: values('fallback-group'),
    });
    expect(res.status).toBe(200);
    const post = await h.slack.waitFor('chat.postMessage', (c) => c.body.channel === 'C42');
    expect(String(post.body.text)).toContain('fallback-group');
    expect(post.token).toBe('xoxb-test-token');
  });

  it('puts "already exists" under the id field inline', async () => {
    await submit('T1', 'taken-once', 'first');
    await h.slack.waitFor('response_url', (c) => c.path.endsWith('/first'));
    // Another name: a rival request, not a double submit of the same form.
    const res = await submit('T1', 'taken-once', 'second', 'V2', 'Someone else');
    expect(res.json?.response_action).toBe('errors');
    expect(Object.keys(res.json?.errors as object)).toEqual(['personGroupId']);
    // A separate submission hears who created the group and when (from the audit).
    expect(String((res.json?.errors as Record<string, string> | undefined)?.personGroupId)).toMatch(
      /taken-once was created by alice in Slack (just now|\d+ minutes? ago)/,
    );
    expect(h.slack.callsOf('response_url').some((c) => c.path.endsWith('/second'))).toBe(false);
  });

  it('tells the user by direct message when the channel post fails both ways (response_url spent, bot not in the channel)', async () => {
    h.slack.answer('chat.postMessage', (call) =>
      call.body.channel === 'C43'
        ? { ok: false, error: 'not_in_channel' }
        : { channel: call.body.channel, ts: '1.2' },
    );
    const res = await h.submit({
      callbackId: 'persongroup_create',
      privateMetadata: JSON.stringify({
        channel: 'C43',
        user: 'U1',
        responseUrl: 'http://127.0.0.1:1/x',
        data: {},
      }),
      values: values('dm-fallback'),
    });
    expect(res.status).toBe(200);
    const dm = await h.slack.waitFor('chat.postMessage', (c) => c.body.channel === 'U1');
    expect(String(dm.body.text)).toContain('dm-fallback');
  });

  it('tells the user alone that the workspace is not configured, with the remedy', async () => {
    const res = await submit('T9', 'front-door', 'not-configured');
    expect(res.json?.response_action).toBe('update');
    const text = JSON.stringify(res.json?.view);
    expect(text).toMatch(/not configured/i);
    expect(text).toContain('/persongroup config');
    expect(h.slack.callsOf('response_url').some((c) => c.path.endsWith('/not-configured'))).toBe(false);
  });

  it('tells the user alone when the Face API refuses the key, with the remedy', async () => {
    h.emulator.injectFaults(
      {
        kind: 'status',
        status: 401,
        body: {
          error: {
            code: '401',
            message: 'Access denied due to invalid subscription key or wrong API endpoint.',
          },
        },
      },
      1,
    );
    const res = await submit('T1', 'refused-key', 'unauthorized');
    expect(res.json?.response_action).toBe('update');
    const text = JSON.stringify(res.json?.view);
    expect(text).toMatch(/key/i);
    expect(text).toMatch(/config/i);
    expect(h.slack.callsOf('response_url').some((c) => c.path.endsWith('/unauthorized'))).toBe(false);
  });

  it('tells the user alone when the Face API rate-limits, saying to wait', async () => {
    h.emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 60 }, 5);
    // A team of its own: after this 429 the bot holds that workspace back for the 60 s it names.
    const res = await submit('TRATELIMITED', 'rate-limited', 'rate-limited');
    h.emulator.reset();
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.json);
    expect(text).toMatch(/too many|rate|wait/i);
    expect(h.slack.callsOf('response_url').some((c) => c.path.endsWith('/rate-limited'))).toBe(false);
  });

  it('acks within 3 s while the Face API takes 10 s, then updates the modal with the outcome', async () => {
    h.emulator.injectFaults({ kind: 'latency', ms: 10_000 }, 1);
    const res = await submit('T1', 'slow-group', 'slow', 'VSLOW');
    expect(res.elapsedMs).toBeLessThan(3000);
    expect(res.json?.response_action).toBe('update');
    expect(JSON.stringify(res.json?.view)).toContain('Creating');
    const update = await h.slack.waitFor('views.update', (c) => c.body.view_id === 'VSLOW', 25_000);
    expect(JSON.stringify(update.body.view)).toContain('slow-group');
    expect(update.token).toBe('xoxb-test-token');
  }, 30_000);

  it('makes one Face call for a double submit', async () => {
    const before = h.emulator.requests.filter((r) => r.path.endsWith('/persongroups/twice')).length;
    const [a, b] = await Promise.all([submit('T1', 'twice', 'twice-a'), submit('T1', 'twice', 'twice-b')]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const puts = h.emulator.requests.filter(
      (r) => r.method === 'PUT' && r.path.endsWith('/persongroups/twice'),
    );
    expect(puts.length - before).toBe(1);
  });
});
