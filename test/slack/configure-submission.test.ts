import { FACE_KEY, LISTED_ADMIN, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';

describe('the config modal submission', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const submit = (userId: string, values: Record<string, string>, teamId = 'T5') =>
    h.submit({
      callbackId: 'workspace_configure',
      privateMetadata: JSON.stringify({ channel: 'C1', user: userId, responseUrl: '', prefill: {} }),
      values,
      userId,
      teamId,
    });

  it('saves the key for a listed admin and shows only its last 4 characters', async () => {
    const res = await submit(LISTED_ADMIN, { region: 'westus', endpoint: '', subscriptionKey: FACE_KEY });
    expect(res.json?.response_action).toBe('update');
    const shown = JSON.stringify(res.json?.view);
    expect(shown).toContain(FACE_KEY.slice(-4));
    expect(shown).not.toContain(FACE_KEY);
    expect((await h.app.store.getWorkspace('slack:T5'))?.region).toBe('westus');
    const [audited] = await h.app.store.listAudit({
      workspaceId: 'slack:T5',
      actions: ['configure_workspace'],
    });
    expect(audited).toMatchObject({ userId: LISTED_ADMIN, platform: 'slack', outcome: 'configured' });
    expect(audited?.userName).toBeTruthy();
  });

  it('shows a missing key inline under the key field', async () => {
    const res = await submit(LISTED_ADMIN, { region: 'westus', endpoint: '', subscriptionKey: '' }, 'T6');
    expect(res.json?.response_action).toBe('errors');
    expect(Object.keys(res.json?.errors as object)).toContain('subscriptionKey');
  });

  it('saves the custom endpoint the admin chose though the region select still holds a region (it cannot be cleared)', async () => {
    const values = {
      target: 'endpoint',
      region: 'westus',
      endpoint: 'https://my-face.cognitiveservices.azure.com/',
      subscriptionKey: FACE_KEY,
    };
    const res = await submit(LISTED_ADMIN, values, 'T8');
    expect(res.json?.response_action).toBe('update');
    const saved = await h.app.store.getWorkspace('slack:T8');
    expect(saved).toMatchObject({
      endpoint: 'https://my-face.cognitiveservices.azure.com/',
      region: undefined,
    });
  });

  it('asks for the endpoint under its field when the admin chose an endpoint and left it empty', async () => {
    const res = await submit(
      LISTED_ADMIN,
      { target: 'endpoint', region: 'westus', endpoint: '', subscriptionKey: FACE_KEY },
      'T9',
    );
    expect(res.json?.response_action).toBe('errors');
    expect(Object.keys(res.json?.errors as object)).toEqual(['endpoint']);
  });

  it('refuses a submission from a user who is no longer an admin and saves nothing', async () => {
    const res = await submit('UPLAIN', { region: 'westus', endpoint: '', subscriptionKey: FACE_KEY }, 'T7');
    expect(res.json?.response_action).toBe('update');
    expect(JSON.stringify(res.json?.view)).toMatch(/only admins/i);
    expect(await h.app.store.getWorkspace('slack:T7')).toBeUndefined();
  });
});
