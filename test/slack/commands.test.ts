import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FACE_REGIONS } from '../../src/face/regions';
import { LISTED_ADMIN, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';

interface Block {
  type: string;
  block_id?: string;
  label?: { text: string };
  element?: { type: string; action_id?: string; initial_value?: string; options?: unknown[] };
}

interface View {
  callback_id: string;
  private_metadata?: string;
  title: { text: string };
  blocks: Block[];
}

const createCard = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../cards/persongroup-create.json'), 'utf8'),
) as { body: Array<{ id?: string; label?: string }> };
const cardLabel = (id: string) => createCard.body.find((e) => e.id === id)?.label;

describe('/persongroup commands', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function openedView(triggerId: string): Promise<View> {
    const call = await h.slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId);
    return call.body.view as View;
  }

  it('acks create at once and opens the create modal made from cards/persongroup-create.json', async () => {
    const res = await h.command({ text: 'create', triggerId: 'trig-create' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const view = await openedView('trig-create');
    expect(view.callback_id).toBe('persongroup_create');
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual([
      'personGroupId',
      'name',
      'userData',
      'recognitionModel',
      'kind',
    ]);
    for (const block of inputs) expect(block.element?.action_id).toBe(block.block_id);
    const label = cardLabel('personGroupId');
    expect(label).toBeTruthy();
    expect(inputs[0]?.label?.text).toBe(label);
  });

  it('opens the modal with the bot token and the trigger_id of the command', async () => {
    await h.command({ text: 'create', triggerId: 'trig-token' });
    const call = await h.slack.waitFor('views.open', (c) => c.body.trigger_id === 'trig-token');
    expect(call.token).toBe('xoxb-test-token');
  });

  it('prefills the id and a name of several words, and carries channel, user and response_url in private_metadata', async () => {
    const responseUrl = h.slack.responseUrl('prefill');
    await h.command({
      text: 'create front-door Front door staff',
      triggerId: 'trig-prefill',
      channelId: 'C77',
      responseUrl,
    });
    const view = await openedView('trig-prefill');
    const byId = Object.fromEntries(view.blocks.map((b) => [b.block_id, b]));
    expect(byId.personGroupId?.element?.initial_value).toBe('front-door');
    expect(byId.name?.element?.initial_value).toBe('Front door staff');
    const meta = JSON.parse(view.private_metadata ?? '{}');
    expect(meta).toEqual({ channel: 'C77', user: 'U1', responseUrl, data: {} });
    expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(3000);
  });

  it('opens the form for an id longer than the input holds, cut to fit and saying so, with no heading repeating the title', async () => {
    await h.command({ text: `create ${'x'.repeat(70)} Long one`, triggerId: 'trig-long' });
    const view = await openedView('trig-long');
    const byId = Object.fromEntries(view.blocks.map((b) => [b.block_id, b]));
    expect(byId.personGroupId?.element?.initial_value).toBe('x'.repeat(64));
    expect(JSON.stringify(byId.personGroupId)).toContain('this field holds at most 64');
    expect(view.blocks.some((b) => b.type === 'header')).toBe(false);
    expect(
      h.slack.callsOf('response_url').some((c) => JSON.stringify(c.body).includes('could not be opened')),
    ).toBe(false);
  });

  it.each([['help'], [''], ['HELP']])('answers "%s" with ephemeral usage in the ack', async (text) => {
    const res = await h.command({ text });
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe('ephemeral');
    expect(String(res.json?.text)).toContain('/persongroup create');
    expect(JSON.stringify(res.json?.blocks)).toContain('/persongroup config');
  });

  it('answers an unknown verb with ephemeral usage that names what it did not understand', async () => {
    const res = await h.command({ text: 'destroy abc' });
    expect(res.json?.response_type).toBe('ephemeral');
    expect(String(res.json?.text)).toContain('destroy abc');
  });

  it('refuses config to a user who is neither listed nor a workspace admin, ephemerally in the ack, saying who can', async () => {
    const responseUrl = h.slack.responseUrl('config-refused');
    const res = await h.command({ text: 'config', userId: 'UPLAIN', triggerId: 'trig-refused', responseUrl });
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe('ephemeral');
    expect(String(res.json?.text)).toMatch(/admins and owners/);
    expect(h.slack.callsOf('users.info').some((c) => c.body.user === 'UPLAIN')).toBe(true);
    expect(h.slack.callsOf('views.open').some((c) => c.body.trigger_id === 'trig-refused')).toBe(false);
  });

  it('opens the config modal for a BOT_ADMINS user without asking users.info', async () => {
    await h.command({ text: 'config', userId: LISTED_ADMIN, triggerId: 'trig-listed' });
    const view = await openedView('trig-listed');
    expect(view.callback_id).toBe('workspace_configure');
    expect(h.slack.callsOf('users.info').some((c) => c.body.user === LISTED_ADMIN)).toBe(false);
    const byId = Object.fromEntries(view.blocks.map((b) => [b.block_id, b]));
    expect(byId.region?.element?.type).toBe('static_select');
    expect(byId.region?.element?.options?.length).toBe(FACE_REGIONS.length);
    expect(byId.endpoint?.element?.type).toBe('plain_text_input');
    expect(byId.subscriptionKey?.element?.initial_value ?? '').toBe('');
    expect(JSON.stringify(view.blocks)).toContain('visible while you type');
  });

  it('opens the config modal for a workspace admin according to users.info', async () => {
    h.slack.answer('users.info', (c) => ({
      user: { id: c.body.user, is_admin: c.body.user === 'UWSADMIN' },
    }));
    await h.command({ text: 'config', userId: 'UWSADMIN', triggerId: 'trig-wsadmin' });
    const view = await openedView('trig-wsadmin');
    expect(view.callback_id).toBe('workspace_configure');
  });
});
