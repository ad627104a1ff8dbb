import { HTTPModuleFunctions } from '@slack/bolt';
import { FORM, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { commandBody, eventBody, postSigned } from '../helpers/slack-requests';

/**
 * Bolt's exported request functions are the only way a body is verified or parsed (our receiver and
 * Bolt's own receivers call them through this same module object), so spying on them — calls pass
 * through unchanged — counts every verification and parse a request costs, ours and Bolt's alike.
 */
describe('/slack/events reads each request once', () => {
  let h: SlackHarness;
  const verify = jest.spyOn(HTTPModuleFunctions, 'parseAndVerifyHTTPRequest');
  const parse = jest.spyOn(HTTPModuleFunctions, 'parseHTTPRequestBody');
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  beforeEach(() => {
    verify.mockClear();
    parse.mockClear();
  });
  afterAll(async () => {
    verify.mockRestore();
    parse.mockRestore();
    await h.close();
  });

  it('verifies and parses a signed slash command once, and answers it', async () => {
    const response = await postSigned(
      h.eventsUrl,
      commandBody({ text: 'help', responseUrl: h.slack.responseUrl('once') }),
      FORM,
    );
    expect(response.status).toBe(200);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('verifies and parses a signed event once, and acks it', async () => {
    const event = { type: 'tokens_revoked', tokens: { oauth: ['U1'] } };
    const response = await postSigned(h.eventsUrl, eventBody(event), 'application/json');
    expect(response.status).toBe(200);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('verifies and parses a malformed view_submission once before refusing it', async () => {
    const payload = { type: 'view_submission', team: { id: 'T1' }, view: { callback_id: 'x' } };
    const response = await postSigned(
      h.eventsUrl,
      `payload=${encodeURIComponent(JSON.stringify(payload))}`,
      FORM,
    );
    expect(response.status).toBe(200);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('never parses a request whose signature is wrong', async () => {
    const body = commandBody({ text: 'help', responseUrl: h.slack.responseUrl('bad') });
    const response = await postSigned(h.eventsUrl, body, FORM, { signature: 'v0=deadbeef' });
    expect(response.status).toBe(401);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(parse).not.toHaveBeenCalled();
  });
});
