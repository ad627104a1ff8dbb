import { createInputs, executeInvoke, textMessage } from '../helpers/teams-activities';
import { actionsOf, cardOf, cardText, type FoundAction, inputOf } from '../helpers/teams-cards';
import { type BotResponse, startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness';
import { seedGroups, seedPersons } from '../provisioning/group-seed';

const KEY = 'teams-read-key-0123456789abcdef';
const TEAM_IDS = Array.from({ length: 25 }, (_, i) => `team-${String(i).padStart(2, '0')}`);

function invokeCard(response: BotResponse): Record<string, unknown> {
  expect(response.status).toBe(200);
  const body = response.json as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}

describe('Teams: list, show and history of person groups', () => {
  let bot: TeamsHarness;
  beforeAll(async () => {
    bot = await startTeamsHarness({ localMode: false, faceBudgetMs: 1000 });
    const outcome = await bot.provisioning.configureWorkspace({
      workspaceId: 'teams:tenant-0001',
      actor: { id: 'cli', name: 'operator' },
      isAdmin: true,
      values: { region: 'westus', endpoint: '', subscriptionKey: KEY },
      verify: false,
    });
    if (outcome.kind !== 'configured') throw new Error(outcome.kind);
  });
  afterAll(() => bot.close());

  async function seed() {
    await seedGroups(bot.emulator, KEY, [...TEAM_IDS, 'twin']);
    await seedGroups(bot.emulator, KEY, ['alpha', 'twin'], 'largePersonGroup');
    await seedPersons(bot.emulator, KEY, 'largePersonGroup', 'alpha', 2);
  }

  /** Sends a typed command and returns the card the bot answered with. */
  async function answerTo(text: string): Promise<Record<string, unknown>> {
    bot.connector.reset();
    const activity = textMessage(text, { serviceUrl: bot.connector.serviceUrl, conversation: 'channel' });
    expect((await bot.post(activity)).status).toBe(200);
    expect(bot.connector.calls).toHaveLength(1);
    return cardOf(bot.connector.calls[0]);
  }

  const press = (verb: string, data: Record<string, unknown>) =>
    bot.post(executeInvoke(verb, data, { serviceUrl: bot.connector.serviceUrl })).then(invokeCard);

  describe('with groups', () => {
    beforeAll(seed);

    it('lists 20 groups of both kinds in id order with the count, row buttons and More', async () => {
      const card = await answerTo('persongroup list');
      const text = cardText(card);
      expect(text).toContain('28 groups');
      expect(text).toContain('alpha\nName of alpha\nLarge person group · recognition_04');
      const rowButtons = actionsOf(card).filter((a) => a.verb !== 'personGroupList');
      expect(rowButtons).toHaveLength(60);
      expect(rowButtons.slice(0, 3)).toEqual([
        expect.objectContaining({
          verb: 'personGroupShow',
          data: expect.objectContaining({ personGroupId: 'alpha', kind: 'largePersonGroup' }),
        }),
        expect.objectContaining({
          verb: 'personGroupTrain',
          data: expect.objectContaining({ personGroupId: 'alpha' }),
        }),
        expect.objectContaining({
          verb: 'personGroupDeleteConfirm',
          data: expect.objectContaining({ personGroupId: 'alpha' }),
        }),
      ]);
      const more = (card.actions as FoundAction[])[0];
      expect(more).toMatchObject({
        type: 'Action.Execute',
        verb: 'personGroupList',
        data: { start: 'team-18', prefix: '' },
      });

      const next = await press('personGroupList', more?.data ?? {});
      const nextText = cardText(next);
      expect(nextText).toContain('team-19\nName of team-19');
      expect(nextText).toContain('twin\nName of twin\nLarge person group');
      expect(nextText).not.toContain('team-18\n');
      expect(next.actions ?? []).toEqual([]);
    });

    it('narrows the list to a prefix', async () => {
      const text = cardText(await answerTo('persongroup list team-1'));
      expect(text).toContain('Person groups starting with "team-1"');
      expect(text).toContain('10 groups');
      expect(text).not.toContain('team-20');
    });

    it('says how to create a group when no id has the prefix', async () => {
      expect(cardText(await answerTo('persongroup list nobody'))).toContain('/persongroup create');
    });

    it('shows a group of either kind by id: kind, model, persons, training', async () => {
      const text = cardText(await answerTo('persongroup show alpha'));
      for (const part of ['Name of alpha (alpha)', 'Large person group', 'recognition_04', 'Never trained'])
        expect(text).toContain(part);
      expect(text).toMatch(/Persons\n2/);
    });

    it('asks which kind when both have the id, and the chosen button shows that one', async () => {
      const card = await answerTo('persongroup show twin');
      expect(cardText(card)).toContain('Two groups have the id twin');
      const large = actionsOf(card).find((a) => a.data.kind === 'largePersonGroup');
      expect(large).toMatchObject({ verb: 'personGroupShow', data: { personGroupId: 'twin' } });
      const shown = cardText(await press('personGroupShow', large?.data ?? {}));
      expect(shown).toContain('Large person group');
      expect(shown).toContain('Name of twin (twin)');
    });

    it('answers a Show button of the list in place', async () => {
      const text = cardText(
        await press('personGroupShow', { personGroupId: 'team-03', kind: 'personGroup' }),
      );
      expect(text).toContain('Name of team-03 (team-03)');
    });

    it('maps a missing group to "does not exist" with what to do', async () => {
      const text = cardText(await answerTo('persongroup show missing'));
      expect(text).toContain('The person group does not exist');
      expect(text).toContain('/persongroup list');
    });

    it.each([
      ['persongroup show', 'Give the id'],
      ['persongroup show Bad-Id', 'not a valid id'],
      ['persongroup show a b', 'Unexpected "b"'],
      ['persongroup list Bad!', 'not a valid prefix'],
      ['persongroup history no/such', 'not a valid id'],
    ])('answers "%s" with the usage and what was wrong', async (typed, problem) => {
      const before = bot.emulator.requests.length;
      const text = cardText(await answerTo(typed));
      expect(text).toMatch(/^Usage: \/persongroup (show <id>|list \[prefix\]|history \[id\])/);
      expect(text).toContain(problem);
      expect(bot.emulator.requests.length).toBe(before);
    });

    it('answers a button with a forged id with the usage, calling nobody', async () => {
      const text = cardText(await press('personGroupShow', { personGroupId: '../x', kind: 'personGroup' }));
      expect(text).toContain('Usage: /persongroup show <id>');
    });

    it('creates a large person group from the form and the history names it, newest first', async () => {
      const form = await answerTo('persongroup create');
      expect(inputOf(form, 'kind')).toMatchObject({ type: 'Input.ChoiceSet', value: 'personGroup' });
      const created = cardText(
        await press('personGroupCreate', createInputs('huge', { kind: 'largePersonGroup' })),
      );
      expect(created).toContain('Large person group created');
      expect(created).toContain('Ada Lovelace created the large person group huge');

      const history = cardText(await answerTo('persongroup history'));
      expect(history).toContain('History of this workspace');
      expect(history).toMatch(/just now · Ada Lovelace · Teams · create · huge \(large\) · created/);
      const shown = cardText(await answerTo('persongroup show huge'));
      expect(shown).toMatch(/by Ada Lovelace in Teams, \d{4}-\d\d-\d\d \d\d:\d\d UTC \(just now\)/);
    });

    it('pages the history with More', async () => {
      for (let i = 0; i < 21; i += 1) {
        await bot.store.appendAudit({
          at: new Date(Date.now() - 3_600_000 - i * 60_000),
          workspaceId: 'teams:tenant-0001',
          userId: 'aad-x',
          userName: 'Old Timer',
          platform: 'slack',
          action: 'train_person_group',
          personGroupId: `old-${i}`,
          outcome: 'started',
        });
      }
      const card = await answerTo('persongroup history');
      const more = (card.actions as FoundAction[])[0];
      expect(more).toMatchObject({ verb: 'personGroupHistory', data: { start: 20, personGroupId: '' } });
      const next = cardText(await press('personGroupHistory', more?.data ?? {}));
      expect(next).toContain('Events 21–');
      expect(next).toContain('Old Timer · Slack · train · old-');
    });

    it("narrows the history to one group's events", async () => {
      const text = cardText(await answerTo('persongroup history huge'));
      expect(text).toContain('History of huge');
      expect(text).not.toContain('old-');
    });
  });

  describe('when the Face API fails', () => {
    afterEach(() => bot.emulator.reset());

    it.each([
      [
        {
          kind: 'status',
          status: 401,
          body: { error: { code: '401', message: 'Access denied due to invalid subscription key.' } },
        },
        'The Face API refused the key',
      ],
      [{ kind: 'rate_limit_bare' }, 'The Face API did not finish in time'],
      [{ kind: 'server_error', status: 500 }, 'The Face API did not finish in time'],
      [{ kind: 'limited_access' }, 'Limited Access'],
    ] as const)('maps %j for list and show', async (fault, title) => {
      bot.emulator.injectFaults(fault, 50);
      expect(cardText(await answerTo('persongroup list'))).toContain(title);
      expect(cardText(await answerTo('persongroup show alpha'))).toContain(title);
    });
  });
});
