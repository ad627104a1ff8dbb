import { createFaceClient } from '../../src/face/client';
import { createLogger } from '../../src/logger';
import { listGroupsUseCase } from '../../src/provisioning/list-groups';
import { seedGroups, seedPersons, seedTraining } from './group-seed';
import { configure, GOOD_KEY, type Harness, startHarness, USER } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ emulator: { trainingMs: 60_000 } });
  await configure(h, 'slack:T-read');
});

afterAll(async () => {
  await h.close();
});

const W = 'slack:T-read';
const listCalls = () =>
  h.emulator.requests.filter((r) => r.method === 'GET' && /groups\?/.test(r.path)).length;

describe('listGroups', () => {
  beforeAll(async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `team-${String(i).padStart(2, '0')}`);
    await seedGroups(h.emulator, GOOD_KEY, ids);
    await seedGroups(h.emulator, GOOD_KEY, ['alpha', 'team-05', 'zulu'], 'largePersonGroup');
  });

  it('merges both kinds in id order, 20 a page, counts on the first page and pages on from the last id', async () => {
    const first = await h.provisioning.listGroups({ workspaceId: W });
    if (first.kind !== 'listed') throw new Error(first.kind);
    expect(first.total).toEqual({ count: 28, capped: false });
    expect(first.groups.slice(0, 3).map((g) => `${g.groupId}/${g.kind}`)).toEqual([
      'alpha/largePersonGroup',
      'team-00/personGroup',
      'team-01/personGroup',
    ]);
    expect(first.groups.map((g) => g.groupId)).toContain('team-05');
    expect(first.groups.filter((g) => g.groupId === 'team-05').map((g) => g.kind)).toEqual([
      'personGroup',
      'largePersonGroup',
    ]);
    expect(first.groups).toHaveLength(20);
    expect(first.next).toBe(first.groups.at(-1)?.groupId);

    const second = await h.provisioning.listGroups({ workspaceId: W, start: first.next as string });
    if (second.kind !== 'listed') throw new Error(second.kind);
    expect(second.total).toBeUndefined();
    expect(second.next).toBeUndefined();
    const all = [...first.groups, ...second.groups].map((g) => `${g.groupId}/${g.kind}`);
    expect(all).toHaveLength(28);
    expect(new Set(all).size).toBe(28);
    expect(second.groups.at(-1)).toMatchObject({ groupId: 'zulu', kind: 'largePersonGroup' });
  });

  it('keeps only ids with the prefix and starts the list at the prefix', async () => {
    const before = h.emulator.requests.length;
    const outcome = await h.provisioning.listGroups({ workspaceId: W, prefix: 'team-1' });
    if (outcome.kind !== 'listed') throw new Error(outcome.kind);
    expect(outcome.groups.map((g) => g.groupId)).toEqual(Array.from({ length: 10 }, (_, i) => `team-1${i}`));
    expect(outcome.total).toEqual({ count: 10, capped: false });
    const paths = h.emulator.requests.slice(before).map((r) => r.path);
    expect(paths.every((p) => p.includes('start=team-0z'))).toBe(true);
  });

  it('finds nothing for a prefix no id has', async () => {
    const outcome = await h.provisioning.listGroups({ workspaceId: W, prefix: 'nobody' });
    expect(outcome).toMatchObject({ kind: 'listed', groups: [], total: { count: 0, capped: false } });
  });

  it('stops counting at the cap and says so, with a bounded number of list calls', async () => {
    const deps = {
      store: h.store,
      faceClient: createFaceClient({ budgetMs: 2000 }),
      secretBox: h.secretBox,
      logger: createLogger({ level: 'silent' }),
      clock: () => new Date(),
      localMode: false,
      faceEndpointOverride: h.emulator.url,
      budgetMs: 2000,
    };
    const list = listGroupsUseCase(deps, { pageSize: 3, countCap: 10, top: 4 });
    const before = listCalls();
    const outcome = await list({ workspaceId: W });
    expect(outcome).toMatchObject({ kind: 'listed', total: { count: 10, capped: true }, next: 'team-01' });
    // 11 person groups seen in pages of 4 (3 calls), then one page of the large kind for its rows.
    expect(listCalls() - before).toBe(4);
  });

  it('answers a workspace without a key as not configured', async () => {
    expect(await h.provisioning.listGroups({ workspaceId: 'slack:T-nokey' })).toEqual({
      kind: 'not_configured',
    });
  });

  it.each([
    [{ kind: 'rate_limit_bare' } as const, 'rate_limited'],
    [{ kind: 'server_error', status: 500 } as const, 'service_unavailable'],
  ])('maps the service failing (%j) to a failure', async (fault, kind) => {
    h.emulator.injectFaults(fault, 20);
    const outcome = await h.with({ budgetMs: 300 }).listGroups({ workspaceId: W });
    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind } });
    h.emulator.reset();
    await seedGroups(
      h.emulator,
      GOOD_KEY,
      Array.from({ length: 25 }, (_, i) => `team-${String(i).padStart(2, '0')}`),
    );
    await seedGroups(h.emulator, GOOD_KEY, ['alpha', 'team-05', 'zulu'], 'largePersonGroup');
  });
});

describe('showGroup', () => {
  const S = 'slack:T-show';
  const KEY = 'show-key-0123456789abcdef';
  beforeAll(async () => {
    await configure(h, S, KEY);
    await seedGroups(h.emulator, KEY, ['only-small', 'twin']);
    await seedGroups(h.emulator, KEY, ['only-large', 'twin'], 'largePersonGroup');
    await seedPersons(h.emulator, KEY, 'largePersonGroup', 'only-large', 3);
  });

  it('finds a group of either kind by id, with persons, training and no creator for a group made elsewhere', async () => {
    const outcome = await h.provisioning.showGroup({ workspaceId: S, groupId: 'only-large' });
    expect(outcome).toMatchObject({
      kind: 'shown',
      group: { groupId: 'only-large', kind: 'largePersonGroup', name: 'Name of only-large' },
      persons: { count: 3, capped: false },
      training: { state: 'never' },
    });
    expect(outcome).not.toHaveProperty('creator');
  });

  it('reports a running training', async () => {
    await seedTraining(h.emulator, KEY, 'largePersonGroup', 'only-large');
    const outcome = await h.provisioning.showGroup({ workspaceId: S, groupId: 'only-large' });
    expect(outcome).toMatchObject({
      kind: 'shown',
      training: { state: expect.stringMatching(/running|notstarted/) },
    });
  });

  it('names who created the group through the bot, and when', async () => {
    await h.provisioning.createPersonGroup({
      workspaceId: S,
      actor: USER,
      platform: 'teams',
      values: {
        personGroupId: 'made-here',
        name: 'Made here',
        recognitionModel: 'recognition_04',
        kind: 'largePersonGroup',
      },
    });
    const outcome = await h.provisioning.showGroup({ workspaceId: S, groupId: 'made-here' });
    expect(outcome).toMatchObject({ kind: 'shown', creator: { name: USER.name, platform: 'teams' } });
  });

  it('asks which one when both kinds have the id, and shows the one asked for', async () => {
    expect(await h.provisioning.showGroup({ workspaceId: S, groupId: 'twin' })).toEqual({
      kind: 'ambiguous',
      groupId: 'twin',
      kinds: ['personGroup', 'largePersonGroup'],
    });
    const large = await h.provisioning.showGroup({
      workspaceId: S,
      groupId: 'twin',
      kind: 'largePersonGroup',
    });
    expect(large).toMatchObject({ kind: 'shown', group: { kind: 'largePersonGroup' } });
  });

  it('maps a missing group to not_found', async () => {
    const outcome = await h.provisioning.showGroup({ workspaceId: S, groupId: 'missing' });
    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'not_found' } });
  });
});

describe('groupHistory', () => {
  const S = 'slack:T-history';
  beforeAll(async () => {
    for (let i = 0; i < 23; i += 1) {
      await h.store.appendAudit({
        at: new Date(Date.UTC(2026, 0, 1, 0, i)),
        workspaceId: S,
        userId: 'U1',
        action: 'create_person_group',
        personGroupId: i % 2 === 0 ? 'even' : 'odd',
        outcome: 'created',
      });
    }
  });

  it('pages the workspace events newest first, 20 a page', async () => {
    const first = await h.provisioning.groupHistory({ workspaceId: S });
    if (first.kind !== 'history') throw new Error(first.kind);
    expect(first.entries).toHaveLength(20);
    expect(first.entries[0]?.at).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 22)));
    expect(first.next).toBe(20);
    const second = await h.provisioning.groupHistory({ workspaceId: S, start: 20 });
    expect(second).toMatchObject({ kind: 'history', start: 20 });
    if (second.kind !== 'history') throw new Error(second.kind);
    expect(second.entries).toHaveLength(3);
    expect(second.next).toBeUndefined();
  });

  it("narrows to one group's events", async () => {
    const odd = await h.provisioning.groupHistory({ workspaceId: S, personGroupId: 'odd' });
    if (odd.kind !== 'history') throw new Error(odd.kind);
    expect(odd.entries).toHaveLength(11);
    expect(odd.entries.every((e) => e.personGroupId === 'odd')).toBe(true);
  });
});
