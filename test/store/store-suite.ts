import { randomBytes, randomUUID } from 'node:crypto';
import { SecretBox } from '../../src/store/secret-box';
import type { AuditEntry, WorkspaceRecord, WorkspaceStore } from '../../src/store/types';
import { describeAuditStore } from './audit-suite';
import { describeGuardrailsStore } from './guardrails-suite';
import type { OpenVersion1Database } from './version1';

/**
 * The one behaviour every WorkspaceStore must show, run against each real engine.
 * `makeStore` opens a new store on the SAME database each call (a restart, or a second replica);
 * `readRawBytes` returns everything the engine holds, as stored, for the "no plaintext key" check;
 * `openVersion1Database` builds a database as schema version 1 left it (see version1.ts).
 */
export function describeWorkspaceStore(
  name: string,
  makeStore: () => WorkspaceStore,
  readRawBytes: () => Promise<Buffer>,
  openVersion1Database: OpenVersion1Database<WorkspaceStore>,
): void {
  describe(`${name} (shared WorkspaceStore suite)`, () => {
    const opened: WorkspaceStore[] = [];
    let store: WorkspaceStore;

    async function open(): Promise<WorkspaceStore> {
      const instance = makeStore();
      opened.push(instance);
      await instance.init();
      return instance;
    }

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await Promise.all(opened.map((instance) => instance.close()));
    });

    const newWorkspaceId = () => `slack:T${randomUUID()}`;
    const workspace = (overrides: Partial<WorkspaceRecord> = {}): WorkspaceRecord => ({
      workspaceId: newWorkspaceId(),
      region: 'westeurope',
      endpoint: undefined,
      sealedKey: `v1.sealed.${randomUUID()}`,
      keyHint: 'a1b2',
      updatedBy: 'U123',
      updatedAt: new Date('2025-01-02T03:04:05.678Z'),
      ...overrides,
    });

    describeAuditStore(() => store, openVersion1Database);
    describeGuardrailsStore(() => store, open);

    it('answers ping once initialised', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('reads a stored workspace back field for field, region or endpoint', async () => {
      const byRegion = workspace();
      const byEndpoint = workspace({
        region: undefined,
        endpoint: 'https://contoso.cognitiveservices.azure.com',
      });
      await store.putWorkspace(byRegion);
      await store.putWorkspace(byEndpoint);
      expect(await store.getWorkspace(byRegion.workspaceId)).toStrictEqual(byRegion);
      expect(await store.getWorkspace(byEndpoint.workspaceId)).toStrictEqual(byEndpoint);
    });

    it('returns undefined for a workspace that was never configured', async () => {
      expect(await store.getWorkspace(newWorkspaceId())).toBeUndefined();
    });

    it('replaces a workspace when it is put again', async () => {
      const first = workspace();
      const second = workspace({
        workspaceId: first.workspaceId,
        region: 'eastus',
        keyHint: 'zz99',
        updatedBy: 'U999',
        updatedAt: new Date('2025-06-01T00:00:00.000Z'),
      });
      await store.putWorkspace(first);
      await store.putWorkspace(second);
      expect(await store.getWorkspace(first.workspaceId)).toStrictEqual(second);
    });

    it('lists every stored workspace ordered by id', async () => {
      const records = [workspace(), workspace(), workspace()];
      for (const record of records) await store.putWorkspace(record);
      const listed = await store.listWorkspaces();
      const ids = listed.map((record) => record.workspaceId);
      expect(ids).toStrictEqual([...ids].sort());
      for (const record of records) expect(listed).toContainEqual(record);
    });

    it('removes a workspace and reports false when there was nothing to remove', async () => {
      const record = workspace();
      await store.putWorkspace(record);
      expect(await store.removeWorkspace(record.workspaceId)).toBe(true);
      expect(await store.getWorkspace(record.workspaceId)).toBeUndefined();
      expect(await store.removeWorkspace(record.workspaceId)).toBe(false);
    });

    it('gives the first claimant the claim, a second one busy, and a late one the finished result', async () => {
      const ws = newWorkspaceId();
      const first = await store.claim(ws, 'group', 60_000);
      expect(first).toStrictEqual({ status: 'claimed', token: expect.any(String) });
      expect(await store.claim(ws, 'group', 60_000)).toStrictEqual({ status: 'busy' });
      expect(await store.claimResult(ws, 'group')).toBeUndefined();

      if (first.status !== 'claimed') throw new Error('unreachable');
      await store.finishClaim(ws, 'group', first.token, '{"kind":"created"}', 60_000);
      expect(await store.claimResult(ws, 'group')).toBe('{"kind":"created"}');
      expect(await store.claim(ws, 'group', 60_000)).toStrictEqual({
        status: 'done',
        result: '{"kind":"created"}',
      });
      expect(await store.claim(ws, 'other-group', 60_000)).toMatchObject({ status: 'claimed' });
      expect(await store.claim(newWorkspaceId(), 'group', 60_000)).toMatchObject({ status: 'claimed' });
    });

    it('frees a released claim for the next claimant', async () => {
      const ws = newWorkspaceId();
      const first = await store.claim(ws, 'group', 60_000);
      if (first.status !== 'claimed') throw new Error(`expected claimed, got ${first.status}`);
      await store.releaseClaim(ws, 'group', first.token);
      expect(await store.claimResult(ws, 'group')).toBeUndefined();
      expect(await store.claim(ws, 'group', 60_000)).toMatchObject({ status: 'claimed' });
    });

    it('lets an expired claim be taken over, and its old owner can then neither finish nor release it', async () => {
      const ws = newWorkspaceId();
      const crashed = await store.claim(ws, 'group', 0);
      const takeover = await store.claim(ws, 'group', 60_000);
      if (crashed.status !== 'claimed' || takeover.status !== 'claimed')
        throw new Error('expected two claims');
      expect(takeover.token).not.toBe(crashed.token);

      await store.finishClaim(ws, 'group', crashed.token, '"stale"', 60_000);
      await store.releaseClaim(ws, 'group', crashed.token);
      expect(await store.claim(ws, 'group', 60_000)).toStrictEqual({ status: 'busy' });
      await store.finishClaim(ws, 'group', takeover.token, '"fresh"', 60_000);
      expect(await store.claimResult(ws, 'group')).toBe('"fresh"');
    });

    it("stores a claim's result and the create's audit entry in one write", async () => {
      const ws = newWorkspaceId();
      const claim = await store.claim(ws, 'group', 60_000);
      if (claim.status !== 'claimed') throw new Error(`expected claimed, got ${claim.status}`);
      const entry: AuditEntry = {
        at: new Date(),
        workspaceId: ws,
        userId: 'U1',
        action: 'create_person_group',
        personGroupId: 'group',
        outcome: 'created',
        durationMs: 12,
      };
      const finished = { workspaceId: ws, personGroupId: 'group', token: claim.token, keepMs: 60_000 };
      await store.finishClaimAndAudit({ ...finished, result: '"done"' }, entry);
      expect(await store.claimResult(ws, 'group')).toBe('"done"');
      expect(await store.listAudit({ workspaceId: ws })).toStrictEqual([
        { ...entry, id: expect.any(Number) },
      ]);
    });

    it('stores neither the result nor the audit entry when the entry cannot be written', async () => {
      const ws = newWorkspaceId();
      const claim = await store.claim(ws, 'group', 60_000);
      if (claim.status !== 'claimed') throw new Error(`expected claimed, got ${claim.status}`);
      // A null action: the audit table's NOT NULL refuses the row after the claim's UPDATE has run.
      const broken = {
        at: new Date(),
        workspaceId: ws,
        userId: 'U1',
        action: null as unknown as AuditEntry['action'],
        outcome: 'created',
      };
      const finished = { workspaceId: ws, personGroupId: 'group', token: claim.token, keepMs: 60_000 };
      // Matched by message, not with toThrow(): better-sqlite3's native module builds its SqliteError in the
      // realm of the first test file of a Jest worker, and Jest's isError does not recognise it in the next.
      await expect(
        store.finishClaimAndAudit({ ...finished, result: '"done"' }, broken),
      ).rejects.toHaveProperty('message', expect.stringMatching(/not[- ]null/i));
      expect(await store.claimResult(ws, 'group')).toBeUndefined();
      expect(await store.claim(ws, 'group', 60_000)).toStrictEqual({ status: 'busy' });
      expect(await store.listAudit({ workspaceId: ws })).toStrictEqual([]);
    });

    it('forgets a finished result once its keep time is over', async () => {
      const ws = newWorkspaceId();
      const first = await store.claim(ws, 'group', 60_000);
      if (first.status !== 'claimed') throw new Error(`expected claimed, got ${first.status}`);
      await store.finishClaim(ws, 'group', first.token, '"old"', 0);
      expect(await store.claimResult(ws, 'group')).toBeUndefined();
      expect(await store.claim(ws, 'group', 60_000)).toMatchObject({ status: 'claimed' });
    });

    it('grants exactly one of twenty simultaneous claims made through two store instances', async () => {
      const replica = await open();
      const ws = newWorkspaceId();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : replica).claim(ws, 'group', 60_000)),
      );
      expect(results.filter((result) => result.status === 'claimed')).toHaveLength(1);
      expect(results.filter((result) => result.status === 'busy')).toHaveLength(19);
    });

    it('stores, replaces, lists and removes Slack installations', async () => {
      const ws = newWorkspaceId();
      const first = {
        workspaceId: ws,
        sealedInstallation: 'v1.a.b.c.d',
        updatedAt: new Date('2025-01-01T00:00:00.000Z'),
      };
      const second = {
        ...first,
        sealedInstallation: 'v1.e.f.g.h',
        updatedAt: new Date('2025-02-01T00:00:00.000Z'),
      };
      await store.putSlackInstallation(first);
      expect(await store.getSlackInstallation(ws)).toStrictEqual(first);
      await store.putSlackInstallation(second);
      expect(await store.getSlackInstallation(ws)).toStrictEqual(second);
      expect(await store.listSlackInstallations()).toContainEqual(second);
      await store.removeSlackInstallation(ws);
      expect(await store.getSlackInstallation(ws)).toBeUndefined();
      await expect(store.removeSlackInstallation(ws)).resolves.toBeUndefined();
    });

    it('applies its migrations again without error, keeping the data', async () => {
      const record = workspace();
      await store.putWorkspace(record);
      await store.init();
      await (await open()).init();
      expect(await store.getWorkspace(record.workspaceId)).toStrictEqual(record);
    });

    it('keeps workspaces, audit, results and installations across a close and reopen', async () => {
      const before = await open();
      const record = workspace();
      const entry: AuditEntry = {
        at: new Date(),
        workspaceId: record.workspaceId,
        userId: 'U1',
        action: 'configure_workspace',
        outcome: 'configured',
      };
      const installation = {
        workspaceId: record.workspaceId,
        sealedInstallation: 'v1.x',
        updatedAt: new Date(),
      };
      await before.putWorkspace(record);
      await before.appendAudit(entry);
      await before.putSlackInstallation(installation);
      const claim = await before.claim(record.workspaceId, 'group', 60_000);
      if (claim.status !== 'claimed') throw new Error(`expected claimed, got ${claim.status}`);
      await before.finishClaim(record.workspaceId, 'group', claim.token, '"kept"', 60_000);
      await before.close();

      const after = await open();
      expect(await after.getWorkspace(record.workspaceId)).toStrictEqual(record);
      expect(await after.listAudit({ workspaceId: record.workspaceId })).toStrictEqual([
        { ...entry, id: expect.any(Number) },
      ]);
      expect(await after.getSlackInstallation(record.workspaceId)).toStrictEqual(installation);
      expect(await after.claimResult(record.workspaceId, 'group')).toBe('"kept"');
    });

    it('never holds a Face key or Slack token in plaintext or base64 in the database bytes', async () => {
      const box = new SecretBox({ current: randomBytes(32) });
      const faceKey = randomBytes(16).toString('hex');
      const slackToken = `xoxb-${randomBytes(12).toString('hex')}`;
      const record = workspace({ sealedKey: box.seal(faceKey), keyHint: faceKey.slice(-4) });
      await store.putWorkspace(record);
      await store.putSlackInstallation({
        workspaceId: record.workspaceId,
        sealedInstallation: box.seal(JSON.stringify({ bot: { token: slackToken } })),
        updatedAt: new Date(),
      });

      const raw = await readRawBytes();
      expect(raw.includes(record.sealedKey)).toBe(true); // the bytes really are the stored rows
      for (const secret of [faceKey, slackToken]) {
        expect(raw.includes(secret)).toBe(false);
        expect(raw.includes(Buffer.from(secret).toString('base64'))).toBe(false);
        expect(raw.includes(Buffer.from(secret).toString('base64url'))).toBe(false);
      }
    });
  });
}
