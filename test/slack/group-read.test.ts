import type { FaceEmulator } from '../../src/emulator';
import { pressButton } from '../helpers/slack-buttons';
import { createMetadata, FACE_KEY, type SlackHarness, startSlackHarness } from '../helpers/slack-harness';
import { seedGroups } from '../provisioning/group-seed';

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { action_id?: string; value?: string; text?: { text: string } }[];
}

/** Every text of a message's blocks, joined. */
function blocksText(blocks: unknown): string {
  return ((blocks ?? []) as Block[])
    .flatMap((b) => [
      b.text?.text ?? '',
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => e.text?.text ?? ''),
    ])
    .join('\n');
}

function buttonsOf(blocks: unknown): { action_id: string; value: Record<string, unknown> }[] {
  return ((blocks ?? []) as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({
      action_id: e.action_id ?? '',
      value: JSON.parse(e.value ?? '{}') as Record<string, unknown>,
    }));
}

async function seed(emulator: FaceEmulator): Promise<void> {
  await seedGroups(emulator, FACE_KEY, [
    ...Array.from({ length: 22 }, (_, i) => `crew-${String(i).padStart(2, '0')}`),
    'twin',
  ]);
  await seedGroups(emulator, FACE_KEY, ['twin'], 'largePersonGroup');
}

describe('Slack: list, show and history of person groups', () => {
  let h: SlackHarness;
  let pressCount = 0;
  beforeAll(async () => {
    h = await startSlackHarness({ faceBudgetMs: 1000 });
    await h.configure('T1');
    await seed(h.emulator);
  });
  afterAll(() => h.close());

  /** A command answered in the ack (ephemeral). */
  async function ackOf(text: string) {
    const res = await h.command({ text });
    expect(res.status).toBe(200);
    expect(res.json?.response_type).toBe('ephemeral');
    return res.json as { text: string; blocks: unknown };
  }

  /** Presses a button; the answer replaces the message through its response_url. */
  async function press(actionId: string, value: Record<string, unknown>) {
    pressCount += 1;
    const id = `press-${pressCount}`;
    const res = await pressButton(h.eventsUrl, { actionId, value, responseUrl: h.slack.responseUrl(id) });
    expect(res.status).toBe(200);
    const call = await h.slack.waitFor('response_url', (c) => c.path === `/response/${id}`);
    expect(call.body.replace_original).toBe(true);
    return call.body as { text: string; blocks: unknown };
  }

  it('lists groups ephemerally with the count, Show / Train / Delete buttons and More that pages on', async () => {
    const first = await ackOf('list');
    const text = blocksText(first.blocks);
    expect(text).toContain('24 groups');
    expect(text).toContain('*crew-00*\nName of crew-00\nPerson group · recognition_04');
    const buttons = buttonsOf(first.blocks);
    expect(buttons.slice(0, 3)).toEqual([
      { action_id: 'personGroupShow', value: { personGroupId: 'crew-00', kind: 'personGroup' } },
      { action_id: 'personGroupTrain', value: { personGroupId: 'crew-00', kind: 'personGroup' } },
      { action_id: 'personGroupDeleteConfirm', value: { personGroupId: 'crew-00', kind: 'personGroup' } },
    ]);
    const more = buttons.at(-1);
    expect(more).toEqual({ action_id: 'personGroupList', value: { start: 'crew-19', prefix: '' } });

    const next = await press('personGroupList', more?.value ?? {});
    const nextText = blocksText(next.blocks);
    expect(nextText).toContain('*crew-20*');
    expect(nextText).toContain('*twin*\nName of twin\nLarge person group');
    expect(nextText).not.toContain('*crew-19*');
  });

  it('shows a group from the Show button in place of the list', async () => {
    const shown = await press('personGroupShow', { personGroupId: 'crew-07', kind: 'personGroup' });
    const text = blocksText(shown.blocks);
    expect(text).toContain('Name of crew-07 (crew-07)');
    expect(text).toContain('Never trained');
  });

  it('asks which kind for an id both have, with one button per kind', async () => {
    const answer = await ackOf('show twin');
    expect(blocksText(answer.blocks)).toContain('Two groups have the id twin');
    expect(buttonsOf(answer.blocks)).toEqual([
      { action_id: 'personGroupShow', value: { personGroupId: 'twin', kind: 'personGroup' } },
      { action_id: 'personGroupShow', value: { personGroupId: 'twin', kind: 'largePersonGroup' } },
    ]);
  });

  it('maps a missing group to "does not exist"', async () => {
    expect((await ackOf('show nothing-here')).text).toContain('The person group does not exist');
  });

  it.each([
    ['show', 'Give the id'],
    ['show UPPER', 'not a valid id'],
    ['list a b', 'Unexpected "b"'],
    ['history Bad!', 'not a valid id'],
  ])('answers "/persongroup %s" with the usage', async (typed, problem) => {
    const answer = await ackOf(typed);
    expect(blocksText(answer.blocks)).toMatch(
      /Usage: \/persongroup (show <id>|list \[prefix\]|history \[id\])/,
    );
    expect(blocksText(answer.blocks)).toContain(problem);
  });

  it('creates a large person group from the modal, then history and show name who did it', async () => {
    const submit = await h.submit({
      callbackId: 'persongroup_create',
      privateMetadata: createMetadata(h.slack.responseUrl('created-large')),
      values: {
        personGroupId: 'giant',
        name: 'Giant',
        userData: '',
        recognitionModel: 'recognition_04',
        kind: 'largePersonGroup',
      },
      userName: 'alice',
    });
    expect(submit.status).toBe(200);
    const posted = await h.slack.waitFor('response_url', (c) => c.path === '/response/created-large');
    expect(String(posted.body.text)).toContain('created large person group `giant`');
    expect(
      h.emulator.requests.some((r) => r.method === 'PUT' && r.path === '/face/v1.0/largepersongroups/giant'),
    ).toBe(true);

    const history = blocksText((await ackOf('history')).blocks);
    expect(history).toMatch(/just now · alice · Slack · create · giant \(large\) · created/);
    expect(blocksText((await ackOf('show giant')).blocks)).toContain('by alice in Slack');
  });

  it('pages the history with its More button', async () => {
    for (let i = 0; i < 20; i += 1) {
      await h.app.store.appendAudit({
        at: new Date(Date.now() - 86_400_000 - i * 1000),
        workspaceId: 'slack:T1',
        userId: 'U9',
        userName: 'bob',
        platform: 'teams',
        action: 'delete_person_group',
        personGroupId: `gone-${i}`,
        groupKind: 'personGroup',
        outcome: 'deleted',
      });
    }
    const first = await ackOf('history');
    const more = buttonsOf(first.blocks).at(-1);
    expect(more?.action_id).toBe('personGroupHistory');
    const next = blocksText((await press('personGroupHistory', more?.value ?? {})).blocks);
    expect(next).toContain('1 day ago');
    expect(next).toContain('bob · Teams · delete · gone-');
  });

  describe('when the Face API fails', () => {
    afterEach(async () => {
      h.emulator.reset();
      await seed(h.emulator);
    });

    it.each([
      [
        { kind: 'status', status: 401, body: { error: { code: '401', message: 'Access denied.' } } },
        'The Face API refused the key',
      ],
      [{ kind: 'rate_limit_bare' }, 'The Face API did not finish in time'],
      [{ kind: 'server_error', status: 503 }, 'The Face API did not finish in time'],
    ] as const)('maps %j for list and show, to the user alone', async (fault, title) => {
      h.emulator.injectFaults(fault, 50);
      const list = await h.command({ text: 'list', responseUrl: h.slack.responseUrl('fail-list') });
      const listAnswer =
        list.json ?? (await h.slack.waitFor('response_url', (c) => c.path === '/response/fail-list')).body;
      expect(listAnswer.response_type).toBe('ephemeral');
      expect(String(listAnswer.text)).toContain(title);
      const show = await h.command({ text: 'show crew-01', responseUrl: h.slack.responseUrl('fail-show') });
      const showAnswer =
        show.json ?? (await h.slack.waitFor('response_url', (c) => c.path === '/response/fail-show')).body;
      expect(String(showAnswer.text)).toContain(title);
    });
  });
});
