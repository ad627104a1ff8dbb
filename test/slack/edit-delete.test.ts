import { seedGroup, TRAINING_RUNNING_FAULT } from '../helpers/group-seeds';
import { buttonBody, groupFormMetadata } from '../helpers/slack-buttons';
import { FACE_KEY, FORM, LISTED_ADMIN, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { postSigned } from '../helpers/slack-requests';

interface Block {
  type: string;
  block_id?: string;
  element?: { initial_value?: string };
  elements?: { action_id?: string; value?: string }[];
}
interface View {
  callback_id: string;
  private_metadata?: string;
  blocks: Block[];
}

const WORKSPACE = 'slack:T1';

describe('edit and delete in Slack', () => {
  let h: SlackHarness;
  let counter = 0;
  beforeAll(async () => {
    h = await startSlackHarness({ faceBudgetMs: 2000 });
    await h.configure('T1');
  });
  afterAll(() => h.close());
  beforeEach(() => h.emulator.reset());

  const next = (what: string) => `${what}-${++counter}`;
  const faceCalls = (method: string) => h.emulator.requests.filter((request) => request.method === method);

  /** `/persongroup <text>`: the modal it opened. */
  async function opened(text: string, userId = 'U1'): Promise<View> {
    const triggerId = next('trigger');
    const res = await h.command({ text, triggerId, userId });
    expect(res.text).toBe('');
    return (await h.slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId)).body.view as View;
  }
  /** `/persongroup <text>` answered at once with an ephemeral message: its JSON. */
  async function ephemeral(text: string, userId = 'U1'): Promise<string> {
    const res = await h.command({ text, userId });
    expect(res.json?.response_type).toBe('ephemeral');
    return JSON.stringify(res.json);
  }
  function submit(
    callbackId: string,
    data: Record<string, string>,
    values: Record<string, string>,
    userId = 'U1',
  ) {
    const responseId = next('response');
    const privateMetadata = groupFormMetadata(h.slack.responseUrl(responseId), data);
    return {
      responseId,
      answer: h.submit({ callbackId, privateMetadata, values, userId, viewId: next('V') }),
    };
  }
  function press(actionId: string, value: Record<string, unknown>, userId = 'U1') {
    const responseId = next('button');
    const triggerId = next('trigger');
    const body = buttonBody({
      actionId,
      value,
      userId,
      triggerId,
      responseUrl: h.slack.responseUrl(responseId),
    });
    return { responseId, triggerId, answer: postSigned(h.eventsUrl, body, FORM) };
  }
  const auditOf = (action: 'update_person_group' | 'delete_person_group', id: string) =>
    h.app.store.listAudit({ workspaceId: WORKSPACE, personGroupId: id, actions: [action] });

  describe('/persongroup edit', () => {
    it('opens the edit modal prefilled from the service, carrying the id and kind', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'lobby', { name: 'Lobby staff', userData: 'floor 1' });
      const view = await opened('edit lobby');
      expect(view.callback_id).toBe('persongroup_edit');
      const inputs = view.blocks.filter((b) => b.type === 'input');
      expect(inputs.map((b) => [b.block_id, b.element?.initial_value])).toEqual([
        ['name', 'Lobby staff'],
        ['userData', 'floor 1'],
      ]);
      expect(JSON.parse(view.private_metadata ?? '{}').data).toEqual({
        personGroupId: 'lobby',
        kind: 'personGroup',
      });
    });

    it('closes the modal on submit, PATCHes, posts who changed what to the channel and audits it', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'renamed');
      const { responseId, answer } = submit(
        'persongroup_edit',
        { personGroupId: 'renamed', kind: 'personGroup' },
        { name: 'Renamed group', userData: '' },
      );
      expect((await answer).text).toBe('');
      const post = await h.slack.waitFor('response_url', (c) => c.path.endsWith(`/${responseId}`));
      expect(post.body.response_type).toBe('in_channel');
      expect(post.body.text).toContain('<@U1> updated the person group `renamed`');
      expect(JSON.parse(faceCalls('PATCH')[0]?.body ?? '{}')).toEqual({
        name: 'Renamed group',
        userData: '',
      });
      expect((await auditOf('update_person_group', 'renamed'))[0]).toMatchObject({
        platform: 'slack',
        userId: 'U1',
        outcome: 'updated',
      });
    });

    it('puts every broken rule under its field and sends nothing', async () => {
      const { answer } = submit(
        'persongroup_edit',
        { personGroupId: 'renamed', kind: 'personGroup' },
        { name: '', userData: '😀'.repeat(4097) },
      );
      const res = await answer;
      expect(res.json?.response_action).toBe('errors');
      expect(Object.keys(res.json?.errors as object).sort()).toEqual(['name', 'userData']);
      expect(faceCalls('PATCH')).toHaveLength(0);
    });

    it('answers /persongroup edit without an id with its usage, ephemerally', async () => {
      expect(await ephemeral('edit')).toContain('Usage: /persongroup edit <id>');
    });

    it('answers an id no group has with the mapped "does not exist"', async () => {
      expect(await ephemeral('edit nobody')).toContain('The person group does not exist');
    });

    it('asks which kind with one button each, and the button opens that group’s modal', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'twin', { name: 'Small twin' });
      await seedGroup(h.emulator, FACE_KEY, 'twin', { large: true, name: 'Large twin' });
      const message = await ephemeral('edit twin');
      expect(message).toContain('Which twin?');
      expect(message).toContain('"action_id":"personGroupEdit"');
      const { triggerId, answer } = press('personGroupEdit', {
        personGroupId: 'twin',
        kind: 'largePersonGroup',
      });
      expect((await answer).status).toBe(200);
      const view = (await h.slack.waitFor('views.open', (c) => c.body.trigger_id === triggerId)).body
        .view as View;
      expect(view.blocks.find((b) => b.block_id === 'name')?.element?.initial_value).toBe('Large twin');
      expect(JSON.parse(view.private_metadata ?? '{}').data.kind).toBe('largePersonGroup');
    });

    it('leaves user data longer than a Slack input out of the modal, and keeps it on submit', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'long-data', { userData: 'd'.repeat(5000) });
      const view = await opened('edit long-data');
      expect(view.blocks.some((b) => b.block_id === 'userData')).toBe(false);
      expect(JSON.stringify(view)).toContain('kept unchanged');
      const { answer } = submit(
        'persongroup_edit',
        { personGroupId: 'long-data', kind: 'personGroup' },
        { name: 'Kept' },
      );
      expect((await answer).text).toBe('');
      expect(JSON.parse(faceCalls('PATCH')[0]?.body ?? '{}')).toEqual({ name: 'Kept' });
    });

    it('keeps the modal with a "being trained" banner on 409 TrainingNotFinished', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'training');
      h.emulator.injectFaults(TRAINING_RUNNING_FAULT, 1);
      const { answer } = submit(
        'persongroup_edit',
        { personGroupId: 'training', kind: 'personGroup' },
        { name: 'X', userData: '' },
      );
      const res = await answer;
      expect(res.json?.response_action).toBe('update');
      expect(JSON.stringify(res.json?.view)).toContain('The person group is being trained');
    });
  });

  describe('/persongroup delete', () => {
    it('opens the confirmation for an admin, deletes on the typed id and posts who deleted what', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'old');
      const view = await opened('delete old', LISTED_ADMIN);
      expect(view.callback_id).toBe('persongroup_delete');
      expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['confirmId']);
      const { responseId, answer } = submit(
        'persongroup_delete',
        { personGroupId: 'old', kind: 'personGroup' },
        { confirmId: 'old' },
        LISTED_ADMIN,
      );
      expect((await answer).text).toBe('');
      const post = await h.slack.waitFor('response_url', (c) => c.path.endsWith(`/${responseId}`));
      expect(post.body.response_type).toBe('in_channel');
      expect(post.body.text).toContain(`<@${LISTED_ADMIN}> deleted the person group \`old\``);
      expect(faceCalls('DELETE').map((r) => r.path)).toEqual(['/face/v1.0/persongroups/old']);
      expect((await auditOf('delete_person_group', 'old'))[0]).toMatchObject({
        platform: 'slack',
        outcome: 'deleted',
      });
    });

    it('opens the confirmation for the user who created the group through the bot', async () => {
      await h.app.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: { id: 'U1', name: 'alice' },
        platform: 'slack',
        values: { personGroupId: 'alices', name: 'Alice’s', recognitionModel: 'recognition_04' },
      });
      expect((await opened('delete alices')).callback_id).toBe('persongroup_delete');
    });

    it('tells anyone else who may delete, and refuses their submit without deleting', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'portal-made');
      const message = await ephemeral('delete portal-made', 'U2');
      expect(message).toContain('You cannot delete portal-made');
      expect(message).toContain('was not created through this bot');
      const { answer } = submit(
        'persongroup_delete',
        { personGroupId: 'portal-made', kind: 'personGroup' },
        { confirmId: 'portal-made' },
        'U2',
      );
      const res = await answer;
      expect(res.json?.response_action).toBe('update');
      expect(JSON.stringify(res.json?.view)).toContain('You cannot delete portal-made');
      expect(faceCalls('DELETE')).toHaveLength(0);
    });

    it('puts a mistyped confirmation under confirmId and deletes nothing', async () => {
      const { answer } = submit(
        'persongroup_delete',
        { personGroupId: 'old', kind: 'personGroup' },
        { confirmId: 'olf' },
        LISTED_ADMIN,
      );
      const res = await answer;
      expect(res.json).toMatchObject({
        response_action: 'errors',
        errors: { confirmId: expect.stringContaining('not the id') },
      });
      expect(faceCalls('DELETE')).toHaveLength(0);
    });

    it('keeps the confirmation with what to do on 409 TrainingNotFinished', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'busy');
      h.emulator.injectFaults(TRAINING_RUNNING_FAULT, 1);
      const { answer } = submit(
        'persongroup_delete',
        { personGroupId: 'busy', kind: 'personGroup' },
        { confirmId: 'busy' },
        LISTED_ADMIN,
      );
      const res = await answer;
      expect(JSON.stringify(res.json?.view)).toContain('Wait for the training to finish');
    });

    it('answers a Delete button of a missing group by replacing the message with the mapped 404', async () => {
      const { responseId, answer } = press(
        'personGroupDeleteConfirm',
        { personGroupId: 'missing', kind: 'personGroup' },
        LISTED_ADMIN,
      );
      expect((await answer).status).toBe(200);
      const reply = await h.slack.waitFor('response_url', (c) => c.path.endsWith(`/${responseId}`));
      expect(reply.body.replace_original).toBe(true);
      expect(JSON.stringify(reply.body)).toContain('The person group does not exist');
    });

    it('tells the user alone when the Face API keeps failing with 5xx', async () => {
      await seedGroup(h.emulator, FACE_KEY, 'flaky');
      h.emulator.injectFaults({ kind: 'server_error', status: 500 }, 20);
      const { responseId, answer } = submit(
        'persongroup_delete',
        { personGroupId: 'flaky', kind: 'personGroup' },
        { confirmId: 'flaky' },
        LISTED_ADMIN,
      );
      const res = await answer;
      expect(JSON.stringify(res.json?.view ?? '')).toContain('The Face API is unavailable');
      expect(h.slack.callsOf('response_url').some((c) => c.path.endsWith(`/${responseId}`))).toBe(false);
    });

    it('answers /persongroup delete with a wrong id with its usage', async () => {
      expect(await ephemeral('delete No_Such!', LISTED_ADMIN)).toContain('Usage: /persongroup delete <id>');
    });
  });
});
