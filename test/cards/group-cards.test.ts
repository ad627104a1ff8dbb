import { cardToBlocks } from '../../src/cards/block-kit';
import { groupListCard, groupShowCard, historyCard } from '../../src/cards/group-cards';
import type { FaceGroup } from '../../src/face/types';
import type { AuditEntry } from '../../src/store/types';
import { actionsOf, type FoundAction } from '../helpers/teams-cards';
import { cardText } from './card-samples';

const TARGET = { label: 'West US', emulated: false };
const NOW = new Date('2026-01-15T10:00:00Z');

function groups(count: number, kind: FaceGroup['kind'] = 'personGroup'): FaceGroup[] {
  return Array.from({ length: count }, (_, i) => ({
    kind,
    groupId: `group-${String(i).padStart(2, '0')}`,
    name: `Group ${i}`,
    recognitionModel: 'recognition_04' as const,
  }));
}

describe('the group list card', () => {
  it('gives each row its id, name, kind and model, and Show / Train / Delete with {personGroupId, kind}', () => {
    const rows = [...groups(1), { ...groups(1, 'largePersonGroup')[0], groupId: 'big' } as FaceGroup];
    const card = groupListCard(
      { kind: 'listed', groups: rows, prefix: '', target: TARGET, total: { count: 2, capped: false } },
      { useSubmit: false },
    );
    const text = cardText(card);
    for (const part of [
      'group-00',
      'Group 0',
      'Person group',
      'Large person group',
      'recognition_04',
      '2 groups',
    ])
      expect(text).toContain(part);
    const verbs = actionsOf(card).map((a) => `${a.verb}:${a.data.personGroupId}:${a.data.kind}`);
    expect(verbs).toEqual([
      'personGroupShow:group-00:personGroup',
      'personGroupTrain:group-00:personGroup',
      'personGroupDeleteConfirm:group-00:personGroup',
      'personGroupShow:big:largePersonGroup',
      'personGroupTrain:big:largePersonGroup',
      'personGroupDeleteConfirm:big:largePersonGroup',
    ]);
  });

  it('offers More with {start: the last id shown, prefix} when there is a next page', () => {
    const card = groupListCard(
      { kind: 'listed', groups: groups(20), prefix: 'group', target: TARGET, next: 'group-19' },
      { useSubmit: false },
    );
    expect(card.actions).toEqual([
      expect.objectContaining({
        verb: 'personGroupList',
        data: { verb: 'personGroupList', start: 'group-19', prefix: 'group' },
      }),
    ]);
  });

  it('gives every Action.Execute an Action.Submit fallback with the same data', () => {
    const card = groupListCard(
      { kind: 'listed', groups: groups(2), prefix: '', target: TARGET, next: 'group-01' },
      { useSubmit: false },
    );
    const executes = actionsOf(card) as unknown as { fallback?: FoundAction; data: unknown }[];
    expect(executes).toHaveLength(7);
    for (const action of executes)
      expect(action.fallback).toMatchObject({ type: 'Action.Submit', data: action.data });
  });

  it('uses Action.Submit buttons for clients without Action.Execute', () => {
    const card = groupListCard(
      { kind: 'listed', groups: groups(1), prefix: '', target: TARGET, next: 'group-00' },
      { useSubmit: true },
    );
    expect(new Set(actionsOf(card).map((a) => a.type))).toEqual(new Set(['Action.Submit']));
  });

  it('says "10,000+" when counting stopped at the cap', () => {
    const card = groupListCard(
      {
        kind: 'listed',
        groups: groups(20),
        prefix: '',
        target: TARGET,
        next: 'x',
        total: { count: 10_000, capped: true },
      },
      { useSubmit: false },
    );
    expect(cardText(card)).toContain('10,000+ groups');
  });

  it('tells how to create a group when there is none', () => {
    const card = groupListCard(
      { kind: 'listed', groups: [], prefix: '', target: TARGET },
      { useSubmit: false },
    );
    expect(cardText(card)).toContain('/persongroup create');
    expect(actionsOf(card)).toEqual([]);
  });

  it('fits a full page with a tie (21 rows) into one Slack message', () => {
    const card = groupListCard(
      {
        kind: 'listed',
        groups: groups(21),
        prefix: '',
        target: { ...TARGET, emulated: true },
        next: 'x',
        total: { count: 9999, capped: false },
      },
      { useSubmit: false },
    );
    const blocks = cardToBlocks(card);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const buttons = blocks.filter((b) => b.type === 'actions');
    expect(buttons).toHaveLength(22);
  });
});

describe('the show card', () => {
  const group: FaceGroup = {
    kind: 'largePersonGroup',
    groupId: 'big',
    name: 'Big',
    userData: 'u'.repeat(600),
    recognitionModel: 'recognition_03',
  };

  it('shows the details, the first 500 characters of userData, the count and who created it', () => {
    const card = groupShowCard({
      kind: 'shown',
      group,
      persons: { count: 1000, capped: true },
      training: { state: 'succeeded', at: new Date('2026-01-15T09:00:00Z') },
      creator: { name: 'Ada', platform: 'slack', at: new Date('2026-01-15T07:00:00Z') },
      target: TARGET,
      now: NOW,
    });
    const text = cardText(card);
    for (const part of [
      'big',
      'Big',
      'Large person group',
      'recognition_03',
      '1,000+',
      'Succeeded at 2026-01-15 09:00 UTC',
      'by Ada in Slack',
      '3 hours ago',
    ])
      expect(text).toContain(part);
    expect(text).toContain(`${'u'.repeat(500)} … (first 500 characters)`);
    expect(text).not.toContain('u'.repeat(501));
  });

  it.each([
    [{ state: 'never' } as const, 'Never trained'],
    [{ state: 'running' } as const, 'Running'],
    [
      { state: 'failed', message: 'There is no person in the group.' } as const,
      'The Face API said: "There is no person in the group."',
    ],
  ])('words the training %j as "%s"', (training, words) => {
    const card = groupShowCard({
      kind: 'shown',
      group,
      persons: { count: 0, capped: false },
      training,
      target: TARGET,
      now: NOW,
    });
    expect(cardText(card)).toContain(words);
    expect(cardText(card)).not.toContain('Created');
  });
});

describe('the history card', () => {
  const entry = (i: number): AuditEntry => ({
    at: new Date(NOW.getTime() - i * 60_000 - 120_000),
    workspaceId: 'w',
    userId: 'U1',
    userName: 'Ada Lovelace',
    platform: 'teams',
    action: 'create_person_group',
    personGroupId: `g${i}`,
    groupKind: 'largePersonGroup',
    outcome: 'created',
  });

  it('gives each event when, who, platform, action, group and outcome, and More with the next offset', () => {
    const card = historyCard(
      { kind: 'history', entries: [entry(0)], start: 20, next: 21, now: NOW },
      { useSubmit: false },
    );
    expect(cardText(card)).toContain('2 minutes ago · Ada Lovelace · Teams · create · g0 (large) · created');
    expect(card.actions?.[0]).toMatchObject({
      verb: 'personGroupHistory',
      data: { start: 21, personGroupId: '' },
    });
  });

  it('says what gets recorded when there is nothing yet', () => {
    const card = historyCard(
      { kind: 'history', entries: [], start: 0, now: NOW, personGroupId: 'g1' },
      { useSubmit: false },
    );
    expect(cardText(card)).toContain('No events for g1 yet');
  });
});
