import { MISSING } from '../fuzz/arbitraries';
import { createSubmissionPayload, payloadBody } from '../fuzz/slack-payloads';
import { FORM, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { postSigned, type SignedResponse } from '../helpers/slack-requests';

/** The text of every block of an `update` ack's view, to read what the user is shown. */
function shownText(response: SignedResponse): string {
  return JSON.stringify((response.json?.view as { blocks?: unknown } | undefined)?.blocks ?? []);
}

/** Found by fuzzing (test/fuzz): each of these used to answer 500, or never. */
describe('/slack/events with malformed but signed payloads', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ faceBudgetMs: 3000 });
    await h.configure('T1');
  });
  afterAll(() => h.close());

  const form = (personGroupId: string) => ({
    personGroupId,
    name: 'Malformed',
    userData: MISSING,
    recognitionModel: '',
    extra: {},
  });
  const submit = (payload: Record<string, unknown>) => postSigned(h.eventsUrl, payloadBody(payload), FORM);
  const base = (personGroupId = 'malformed') =>
    createSubmissionPayload(form(personGroupId), h.slack.responseUrl(personGroupId));
  const putsTo = (id: string) =>
    h.emulator.requests.filter((r) => r.method === 'PUT' && r.path.endsWith(`/persongroups/${id}`)).length;

  for (const part of ['view', 'user'] as const) {
    it(`acks a create submission without \`${part}\` with a view saying the form could not be read`, async () => {
      const payload = base(`no-${part}`);
      delete payload[part];
      const response = await submit(payload);
      expect(response.status).toBe(200);
      expect(response.json?.response_action).toBe('update');
      expect(shownText(response)).toContain('could not be read');
      expect(putsTo(`no-${part}`)).toBe(0);
    });
  }

  it('acks a create submission whose user has no id with a view saying the form could not be read', async () => {
    const payload = base('no-user-id');
    delete (payload.user as Record<string, unknown>).id;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(shownText(response)).toContain('could not be read');
    expect(putsTo('no-user-id')).toBe(0);
  });

  it("acks a view_submission whose view has no callback_id at once, not after Bolt's 3 s", async () => {
    const payload = base('no-callback');
    delete (payload.view as Record<string, unknown>).callback_id;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(shownText(response)).toContain('could not be read');
    expect(response.elapsedMs).toBeLessThan(2500);
  });

  it('acks a create submission without view.state with a view saying the form could not be read', async () => {
    const payload = base('no-state');
    delete (payload.view as Record<string, unknown>).state;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(response.json?.response_action).toBe('update');
    expect(shownText(response)).toContain('could not be read');
    expect(putsTo('no-state')).toBe(0);
  });

  it('acks a create submission that names no team with a view saying the form could not be read', async () => {
    const payload = base('no-team');
    delete payload.team;
    delete (payload.user as Record<string, unknown>).team_id;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(shownText(response)).toContain('could not be read');
    expect(putsTo('no-team')).toBe(0);
  });

  it('acks a view_closed without `user` with an empty 200', async () => {
    const payload: Record<string, unknown> = { ...base(), type: 'view_closed' };
    delete payload.user;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });

  it('creates the group of a submission whose response_urls is null, as if it were absent', async () => {
    const payload = base('null-response-urls');
    payload.response_urls = null;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(putsTo('null-response-urls')).toBe(1);
  });

  it('ignores a response_urls list whose first entry is not an object', async () => {
    const payload = base('odd-response-urls');
    payload.response_urls = [null];
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(putsTo('odd-response-urls')).toBe(1);
  });

  it('reads a null block in view.state.values as a field not sent, and says so under the field', async () => {
    const payload = base('null-block');
    const values = (payload.view as { state: { values: Record<string, unknown> } }).state.values;
    values.personGroupId = null;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(response.json?.response_action).toBe('errors');
    expect(Object.keys(response.json?.errors as object)).toEqual(['personGroupId']);
  });

  it('reads a null action state in view.state.values as a field not sent', async () => {
    const payload = base('null-action');
    const values = (payload.view as { state: { values: Record<string, Record<string, unknown>> } }).state
      .values;
    (values.name as Record<string, unknown>).name = null;
    const response = await submit(payload);
    expect(response.status).toBe(200);
    expect(Object.keys(response.json?.errors as object)).toEqual(['name']);
  });

  for (const [label, json] of [
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"view_submission"'],
    ['a list', '[{"type":"view_submission"}]'],
  ] as const) {
    it(`answers a signed payload that is ${label} with 400 and the reason`, async () => {
      const response = await postSigned(h.eventsUrl, new URLSearchParams({ payload: json }).toString(), FORM);
      expect(response.status).toBe(400);
      expect(response.json?.error).toBe(`the payload is ${label}, not a JSON object`);
    });
  }

  it.each([
    ['a `name` (an options request)', '{"name":null,"a":true}'],
    ['`actions` (an action)', '{"actions":[]}'],
  ])(
    'acks a payload Bolt reads by its shape as one with %s but that has no user, never 500',
    async (_label, json) => {
      const response = await postSigned(h.eventsUrl, new URLSearchParams({ payload: json }).toString(), FORM);
      expect(response.status).toBe(200);
    },
  );

  it('answers a JSON body of null (not form-encoded) with 400 and the reason', async () => {
    const response = await postSigned(h.eventsUrl, 'null', 'application/json');
    expect(response.status).toBe(400);
    expect(response.json?.error).toMatch(/not a JSON object/);
  });

  it('answers an unsigned payload=null with 401: the signature is checked before the shape', async () => {
    const response = await postSigned(h.eventsUrl, 'payload=null', FORM, { signature: 'v0=deadbeef' });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
  });

  it('still answers an ssl_check without a signature with 200', async () => {
    const response = await postSigned(h.eventsUrl, 'ssl_check=1&token=x', FORM, { signature: null });
    expect(response.status).toBe(200);
  });
});
