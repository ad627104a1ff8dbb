import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditQuery, WorkspaceStore } from '../../src/store/types';
import type { OpenVersion1Database } from './version1';

/** An entry as the store reads it back: the same fields plus the id the store gave it. */
const stored = (entry: AuditEntry): AuditEntry => ({ ...entry, id: expect.any(Number) });

/** Times in one far-off minute, so entries of other tests (written "now") never sort between them. */
const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, second));

/**
 * The audit half of the shared WorkspaceStore suite (see store-suite.ts). `getStore()` is an initialised
 * store; `openVersion1Database` builds an old database for the migration test.
 */
export function describeAuditStore(
  getStore: () => WorkspaceStore,
  openVersion1Database: OpenVersion1Database<WorkspaceStore>,
): void {
  const newWorkspaceId = () => `slack:T${randomUUID()}`;
  const entry = (workspaceId: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    at: at(1),
    workspaceId,
    userId: 'U1',
    action: 'create_person_group',
    outcome: 'created',
    ...overrides,
  });
  async function append(...entries: AuditEntry[]): Promise<void> {
    for (const one of entries) await getStore().appendAudit(one);
  }
  const list = (query: AuditQuery) => getStore().listAudit(query);

  describe('audit', () => {
    it('lists audit entries newest first, filtered by workspace and cut to the limit', async () => {
      const mine = newWorkspaceId();
      const other = newWorkspaceId();
      const full = entry(mine, {
        at: at(3),
        personGroupId: 'group-1',
        outcome: 'failed:quota_exceeded',
        errorCode: 'QuotaExceeded',
        durationMs: 420,
        requestId: 'req-1',
      });
      const bare = entry(mine, { userId: 'cli', action: 'configure_workspace', outcome: 'configured' });
      const middle: AuditEntry = { ...bare, at: at(2), outcome: 'forbidden' };
      const foreign: AuditEntry = { ...bare, at: at(4), workspaceId: other };
      await append(bare, full, foreign, middle);

      expect(await list({ workspaceId: mine })).toStrictEqual([full, middle, bare].map(stored));
      expect(await list({ workspaceId: mine, limit: 2 })).toStrictEqual([full, middle].map(stored));
      expect(await list({ workspaceId: other, limit: 1 })).toStrictEqual([stored(foreign)]);
      expect(await list({ workspaceId: newWorkspaceId() })).toStrictEqual([]);
    });

    it('reads back the actor name, platform and group kind, and leaves out fields never given', async () => {
      const ws = newWorkspaceId();
      const rich = entry(ws, {
        at: at(2),
        userName: 'Ada Lovelace (she/her) 🧮',
        platform: 'teams',
        personGroupId: 'big',
        groupKind: 'largePersonGroup',
        action: 'train_person_group',
        outcome: 'training',
        requestId: 'req-9',
      });
      const bare = entry(ws);
      await append(bare, rich);

      const [richRead, bareRead] = await list({ workspaceId: ws });
      expect(richRead).toStrictEqual(stored(rich));
      // toStrictEqual also fails on a key present with the value undefined.
      expect(bareRead).toStrictEqual(stored(bare));
      expect(Object.keys(bareRead ?? {}).sort()).toStrictEqual(
        ['action', 'at', 'id', 'outcome', 'userId', 'workspaceId'].sort(),
      );
    });

    it('orders entries of the same time by id, the later appended first', async () => {
      const ws = newWorkspaceId();
      const entries = ['first', 'second', 'third'].map((outcome) => entry(ws, { outcome }));
      await append(...entries);

      const listed = await list({ workspaceId: ws });
      expect(listed.map((one) => one.outcome)).toStrictEqual(['third', 'second', 'first']);
      const ids = listed.map((one) => one.id ?? Number.NaN);
      expect(ids.every(Number.isInteger)).toBe(true);
      expect(ids).toStrictEqual([...ids].sort((a, b) => b - a));
      expect(new Set(ids).size).toBe(3);
    });

    it('filters by group id, within a workspace or across workspaces', async () => {
      const ws = newWorkspaceId();
      const group = `g-${randomUUID()}`;
      const mineA = entry(ws, { at: at(1), personGroupId: group, groupKind: 'personGroup' });
      const mineB = entry(ws, { at: at(2), personGroupId: 'another-group' });
      const mineNone = entry(ws, { at: at(3), action: 'configure_workspace', outcome: 'configured' });
      const foreignA = entry(newWorkspaceId(), { at: at(4), personGroupId: group });
      await append(mineA, mineB, mineNone, foreignA);

      expect(await list({ workspaceId: ws, personGroupId: group })).toStrictEqual([stored(mineA)]);
      expect(await list({ personGroupId: group })).toStrictEqual([foreignA, mineA].map(stored));
      expect(await list({ workspaceId: ws, personGroupId: 'never-seen' })).toStrictEqual([]);
    });

    it('filters by any of several actions and any of several outcomes, together with the other filters', async () => {
      const ws = newWorkspaceId();
      const created = entry(ws, { at: at(1), personGroupId: 'g', outcome: 'created' });
      const updated = entry(ws, {
        at: at(2),
        personGroupId: 'g',
        action: 'update_person_group',
        outcome: 'updated',
      });
      const deleted = entry(ws, {
        at: at(3),
        personGroupId: 'g',
        action: 'delete_person_group',
        outcome: 'deleted',
      });
      const failedTrain = entry(ws, {
        at: at(4),
        personGroupId: 'g',
        action: 'train_person_group',
        outcome: 'failed:not_found',
      });
      const otherGroup = entry(ws, {
        at: at(5),
        personGroupId: 'h',
        action: 'delete_person_group',
        outcome: 'deleted',
      });
      await append(created, updated, deleted, failedTrain, otherGroup);

      expect(
        await list({ workspaceId: ws, actions: ['update_person_group', 'delete_person_group'] }),
      ).toStrictEqual([otherGroup, deleted, updated].map(stored));
      expect(await list({ workspaceId: ws, outcomes: ['created', 'failed:not_found'] })).toStrictEqual(
        [failedTrain, created].map(stored),
      );
      expect(
        await list({
          workspaceId: ws,
          personGroupId: 'g',
          actions: ['delete_person_group', 'train_person_group'],
          outcomes: ['deleted'],
        }),
      ).toStrictEqual([stored(deleted)]);
      // Outcomes match exactly: `failed` is not a prefix filter.
      expect(await list({ workspaceId: ws, outcomes: ['failed'] })).toStrictEqual([]);
    });

    it('matches nothing for an empty list of actions or of outcomes', async () => {
      const ws = newWorkspaceId();
      await append(entry(ws));

      expect(await list({ workspaceId: ws })).toHaveLength(1);
      expect(await list({ workspaceId: ws, actions: [] })).toStrictEqual([]);
      expect(await list({ workspaceId: ws, outcomes: [] })).toStrictEqual([]);
    });

    it('pages newest first with limit and offset, without gaps or repeats among entries of the same time', async () => {
      const ws = newWorkspaceId();
      // Seven entries over three distinct times: pages cut through groups of the same time.
      const entries = [1, 1, 2, 2, 2, 3, 3].map((second, index) =>
        entry(ws, { at: at(second), outcome: `outcome-${index}` }),
      );
      await append(...entries);

      const all = await list({ workspaceId: ws });
      const pages = [
        await list({ workspaceId: ws, limit: 3 }),
        await list({ workspaceId: ws, limit: 3, offset: 3 }),
        await list({ workspaceId: ws, limit: 3, offset: 6 }),
      ];
      expect(pages.map((page) => page.length)).toStrictEqual([3, 3, 1]);
      expect(pages.flat()).toStrictEqual(all);
      expect(all.map((one) => one.outcome)).toStrictEqual([
        'outcome-6',
        'outcome-5',
        'outcome-4',
        'outcome-3',
        'outcome-2',
        'outcome-1',
        'outcome-0',
      ]);
      expect(await list({ workspaceId: ws, offset: 7 })).toStrictEqual([]);
      expect(await list({ workspaceId: ws, offset: 0 })).toStrictEqual(all);
    });

    it('reads an old database migrated from schema version 1 with its rows, and writes the new fields to it', async () => {
      const ws = newWorkspaceId();
      const oldFull = entry(ws, {
        at: at(1),
        personGroupId: 'legacy',
        outcome: 'failed:conflict',
        errorCode: 'PersonGroupExists',
        durationMs: 12,
        requestId: 'req-old',
      });
      const oldBare = entry(ws, { at: at(2), userId: 'cli', action: 'remove_workspace', outcome: 'removed' });
      const old = await openVersion1Database([oldFull, oldBare]);
      try {
        await old.init();
        expect(await old.listAudit({ workspaceId: ws })).toStrictEqual([oldBare, oldFull].map(stored));
        expect(await old.listAudit({ workspaceId: ws, personGroupId: 'legacy' })).toStrictEqual([
          stored(oldFull),
        ]);

        const fresh = entry(ws, {
          at: at(3),
          userName: 'Grace',
          platform: 'slack',
          personGroupId: 'legacy',
          groupKind: 'personGroup',
          action: 'delete_person_group',
          outcome: 'deleted',
        });
        await old.appendAudit(fresh);
        await old.init();
        expect(await old.listAudit({ workspaceId: ws, personGroupId: 'legacy' })).toStrictEqual(
          [fresh, oldFull].map(stored),
        );
      } finally {
        await old.close();
      }
    });
  });
}
