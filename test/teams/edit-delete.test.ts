import { localEmulatorKey } from '../../src/provisioning';
import { seedGroup, TRAINING_RUNNING_FAULT } from '../helpers/group-seeds';
import { ADMIN, executeInvoke, TENANT_ID, textMessage, USER } from '../helpers/teams-activities';
import { cardOf, cardText, inputOf, submitActionOf } from '../helpers/teams-cards';
import { type BotResponse, startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';

const WORKSPACE = `teams:${TENANT_ID}`;
const KEY = localEmulatorKey(WORKSPACE);
const OTHER = { id: '29:user-otto', name: 'Otto Other', aadObjectId: 'aad-otto' };

function invokeCard(response: BotResponse): Record<string, unknown> {
  expect(response.status).toBe(200);
  const body = response.json as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}

describe('edit and delete in Teams (local mode, the built-in emulator)', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({ admins: [ADMIN.aadObjectId] });
  });
  afterAll(() => bot.close());
  beforeEach(() => {
    bot.connector.reset();
    bot.emulator.reset();
  });

  /** A typed command; the answer is the card of the message the bot posts. */
  async function typed(text: string, from = USER): Promise<Record<string, unknown>> {
    const response = await bot.post(textMessage(text, { serviceUrl: bot.connector.serviceUrl, from }));
    expect(response.status).toBeLessThan(300);
    return cardOf(await bot.connector.waitFor((call) => call.method === 'POST'));
  }
  const press = (verb: string, data: Record<string, unknown>, from = USER) =>
    bot.post(executeInvoke(verb, data, { serviceUrl: bot.connector.serviceUrl, from }));
  const faceCalls = (method: string) => bot.emulator.requests.filter((request) => request.method === method);

  /** A group created through the bot by `by` (so the audit knows its creator). */
  async function createdBy(id: string, by: { id: string; name: string }) {
    const outcome = await bot.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: by,
      platform: 'teams',
      values: {
        personGroupId: id,
        name: `Group ${id}`,
        userData: 'floor 2',
        recognitionModel: 'recognition_04',
      },
    });
    expect(outcome.kind).toBe('created');
  }
  const auditOf = async (action: 'update_person_group' | 'delete_person_group', id: string) =>
    bot.store.listAudit({ workspaceId: WORKSPACE, personGroupId: id, actions: [action] });

  describe('/persongroup edit', () => {
    it('opens a form prefilled from the service, the id and kind carried in its submit data', async () => {
      await seedGroup(bot.emulator, KEY, 'lobby', { name: 'Lobby staff', userData: 'floor 1' });
      const card = await typed('persongroup edit lobby');
      expect(inputOf(card, 'name')?.value).toBe('Lobby staff');
      expect(inputOf(card, 'userData')?.value).toBe('floor 1');
      expect(inputOf(card, 'personGroupId')).toBeUndefined();
      expect(submitActionOf(card)).toMatchObject({
        type: 'Action.Execute',
        verb: 'personGroupUpdate',
        data: { personGroupId: 'lobby', kind: 'personGroup' },
      });
      expect(faceCalls('GET').some((r) => r.path.includes('returnRecognitionModel=true'))).toBe(true);
    });

    it('PATCHes name and user data on submit, answers with the new state and audits it once', async () => {
      await seedGroup(bot.emulator, KEY, 'patched');
      const card = invokeCard(
        await press('personGroupUpdate', {
          personGroupId: 'patched',
          kind: 'personGroup',
          name: 'New name',
          userData: 'floor 3',
        }),
      );
      expect(cardText(card)).toContain(
        'Ada Lovelace updated the person group patched: its name is now New name.',
      );
      const patches = faceCalls('PATCH');
      expect(patches).toHaveLength(1);
      expect(patches[0]?.path).toBe('/face/v1.0/persongroups/patched');
      expect(JSON.parse(patches[0]?.body ?? '{}')).toEqual({ name: 'New name', userData: 'floor 3' });
      const [entry, ...more] = await auditOf('update_person_group', 'patched');
      expect(more).toHaveLength(0);
      expect(entry).toMatchObject({
        userId: USER.aadObjectId,
        userName: USER.name,
        platform: 'teams',
        groupKind: 'personGroup',
        outcome: 'updated',
      });
      expect(entry?.requestId).toEqual(expect.any(String));
    });

    it('shows every broken rule at once on the form again and sends nothing', async () => {
      const card = invokeCard(
        await press('personGroupUpdate', {
          personGroupId: 'patched',
          kind: 'personGroup',
          name: '   ',
          userData: 'é'.repeat(9000),
        }),
      );
      const json = JSON.stringify(card);
      expect(json).toMatch(/"id":"name-error","text":"The name is required/);
      expect(json).toMatch(/"id":"userData-error","text":"User data is 18000 bytes/);
      expect(faceCalls('PATCH')).toHaveLength(0);
    });

    it.each(['persongroup edit', 'persongroup edit Lobby!', 'persongroup edit a b'])(
      'answers "%s" with the usage of edit, calling nothing',
      async (text) => {
        const card = await typed(text);
        expect(cardText(card)).toContain('Usage: /persongroup edit <id>');
        expect(bot.emulator.requests).toHaveLength(0);
      },
    );

    it('answers an id no group has with the mapped "does not exist" and what to do', async () => {
      const text = cardText(await typed('persongroup edit nobody'));
      expect(text).toContain('The person group does not exist');
      expect(text).toContain('/persongroup list');
    });

    it('asks which one when both kinds have the id, and the chosen button opens that kind’s form', async () => {
      await seedGroup(bot.emulator, KEY, 'twin', { name: 'Small twin' });
      await seedGroup(bot.emulator, KEY, 'twin', { large: true, name: 'Large twin' });
      const choice = await typed('persongroup edit twin');
      expect(cardText(choice)).toContain('Which twin?');
      const buttons = JSON.stringify(choice);
      expect(buttons).toContain('"verb":"personGroupEdit","title":"Edit the person group"');
      expect(buttons).toContain('"kind":"largePersonGroup"');
      const form = invokeCard(
        await press('personGroupEdit', { personGroupId: 'twin', kind: 'largePersonGroup' }),
      );
      expect(inputOf(form, 'name')?.value).toBe('Large twin');
      expect(cardText(form)).toContain('large person group');
    });

    it('keeps the form with a "being trained" banner when the service answers 409 TrainingNotFinished', async () => {
      await seedGroup(bot.emulator, KEY, 'training');
      bot.emulator.injectFaults(TRAINING_RUNNING_FAULT, 1);
      const card = invokeCard(
        await press('personGroupUpdate', {
          personGroupId: 'training',
          kind: 'personGroup',
          name: 'X',
          userData: '',
        }),
      );
      expect(cardText(card)).toContain('The person group is being trained');
      expect(inputOf(card, 'name')?.value).toBe('X');
      expect((await auditOf('update_person_group', 'training'))[0]?.outcome).toBe('failed:training_running');
    });

    it('answers a group deleted meanwhile with the mapped 404 card', async () => {
      const card = invokeCard(
        await press('personGroupUpdate', {
          personGroupId: 'gone',
          kind: 'personGroup',
          name: 'X',
          userData: '',
        }),
      );
      expect(cardText(card)).toContain('The person group does not exist');
      expect(inputOf(card, 'name')).toBeUndefined();
    });

    it('answers a Face API failing with 5xx with the form again and a next step', async () => {
      bot.emulator.injectFaults({ kind: 'server_error', status: 503 }, 20);
      const card = invokeCard(
        await press('personGroupUpdate', {
          personGroupId: 'down',
          kind: 'personGroup',
          name: 'X',
          userData: '',
        }),
      );
      expect(cardText(card)).toMatch(/The Face API is unavailable|did not finish in time/);
      expect(inputOf(card, 'name')?.value).toBe('X');
    });
  });

  describe('/persongroup delete', () => {
    it('offers an admin the confirmation, deletes on the typed id and audits it once', async () => {
      await seedGroup(bot.emulator, KEY, 'old-lobby');
      const card = await typed('persongroup delete old-lobby', ADMIN);
      expect(inputOf(card, 'confirmId')).toBeDefined();
      expect(submitActionOf(card)).toMatchObject({
        verb: 'personGroupDelete',
        data: { personGroupId: 'old-lobby', kind: 'personGroup' },
      });
      const done = invokeCard(
        await press(
          'personGroupDelete',
          { personGroupId: 'old-lobby', kind: 'personGroup', confirmId: 'old-lobby' },
          ADMIN,
        ),
      );
      expect(cardText(done)).toContain('Grace Hopper deleted the person group old-lobby');
      expect(faceCalls('DELETE').map((r) => r.path)).toEqual(['/face/v1.0/persongroups/old-lobby']);
      const [entry, ...more] = await auditOf('delete_person_group', 'old-lobby');
      expect(more).toHaveLength(0);
      expect(entry).toMatchObject({
        userName: ADMIN.name,
        platform: 'teams',
        groupKind: 'personGroup',
        outcome: 'deleted',
      });
    });

    it('offers the confirmation to the user who created the group through the bot', async () => {
      await createdBy('mine', { id: USER.aadObjectId, name: USER.name });
      const card = await typed('persongroup delete mine');
      expect(inputOf(card, 'confirmId')).toBeDefined();
    });

    it('tells a user who is neither admin nor creator who can delete, and refuses their submit too', async () => {
      await createdBy('not-yours', { id: USER.aadObjectId, name: USER.name });
      const text = cardText(await typed('persongroup delete not-yours', OTHER));
      expect(text).toContain('You cannot delete not-yours');
      expect(text).toContain('created by Ada Lovelace in Teams');
      expect(text).not.toContain('Type the id');
      const refused = invokeCard(
        await press(
          'personGroupDelete',
          { personGroupId: 'not-yours', kind: 'personGroup', confirmId: 'not-yours' },
          OTHER,
        ),
      );
      expect(cardText(refused)).toContain('You cannot delete not-yours');
      expect(faceCalls('DELETE')).toHaveLength(0);
      expect((await auditOf('delete_person_group', 'not-yours'))[0]?.outcome).toBe('forbidden');
    });

    it('shows the confirmation again with the error under confirmId when the id is mistyped, deleting nothing', async () => {
      await seedGroup(bot.emulator, KEY, 'keep-me');
      const card = invokeCard(
        await press(
          'personGroupDelete',
          { personGroupId: 'keep-me', kind: 'personGroup', confirmId: 'keep-m' },
          ADMIN,
        ),
      );
      expect(JSON.stringify(card)).toMatch(/"id":"confirmId-error","text":"That is not the id/);
      expect(faceCalls('DELETE')).toHaveLength(0);
    });

    it('answers 409 TrainingNotFinished with the confirmation again saying to wait for the training', async () => {
      await seedGroup(bot.emulator, KEY, 'busy');
      bot.emulator.injectFaults(TRAINING_RUNNING_FAULT, 1);
      const card = invokeCard(
        await press(
          'personGroupDelete',
          { personGroupId: 'busy', kind: 'personGroup', confirmId: 'busy' },
          ADMIN,
        ),
      );
      expect(cardText(card)).toContain('The person group is being trained');
      expect(cardText(card)).toContain('Wait for the training to finish');
    });

    it('answers a Delete button of a group that no longer exists with the mapped 404', async () => {
      const card = invokeCard(
        await press('personGroupDeleteConfirm', { personGroupId: 'vanished', kind: 'personGroup' }, ADMIN),
      );
      expect(cardText(card)).toContain('The person group does not exist');
    });

    it('answers a Face API that refuses the key with the mapped failure', async () => {
      await seedGroup(bot.emulator, KEY, 'locked');
      bot.emulator.injectFaults(
        { kind: 'status', status: 401, body: { error: { code: '401', message: 'Access denied.' } } },
        1,
      );
      const card = invokeCard(
        await press(
          'personGroupDelete',
          { personGroupId: 'locked', kind: 'personGroup', confirmId: 'locked' },
          ADMIN,
        ),
      );
      expect(cardText(card)).toContain('The Face API refused the key');
    });

    it.each(['persongroup delete', 'persongroup delete UPPER'])(
      'answers "%s" with the usage of delete',
      async (text) => {
        expect(cardText(await typed(text, ADMIN))).toContain('Usage: /persongroup delete <id>');
      },
    );

    it('shows the whole channel who deleted what', async () => {
      await seedGroup(bot.emulator, KEY, 'shared');
      const activity = executeInvoke(
        'personGroupDelete',
        { personGroupId: 'shared', kind: 'personGroup', confirmId: 'shared' },
        { serviceUrl: bot.connector.serviceUrl, from: ADMIN, conversation: 'channel' },
      );
      invokeCard(await bot.post(activity));
      const update = await bot.connector.waitFor((call) => call.method === 'PUT');
      expect(cardText(cardOf(update))).toContain('Grace Hopper deleted the person group shared');
    });
  });
});
