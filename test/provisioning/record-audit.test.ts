import { createLogger } from '../../src/logger';
import { recordAudit, recordAuditAndClaim } from '../../src/provisioning/audit';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { AuditEntry } from '../../src/store/types';

/** An entry with every field a use case may give, the actor's name, platform and group kind included. */
const ENTRY: AuditEntry = {
  at: new Date('2031-02-03T04:05:06.789Z'),
  workspaceId: 'slack:T-record',
  userId: 'U42',
  userName: 'Grace Hopper',
  platform: 'slack',
  action: 'train_person_group',
  personGroupId: 'big-group',
  groupKind: 'largePersonGroup',
  outcome: 'failed:training_failed',
  errorCode: 'BadArgument',
  durationMs: 1234,
  requestId: 'req-42',
};

describe('recordAudit', () => {
  it('writes the actor name, platform and group kind to the store untouched', async () => {
    const store = new SqliteStore(':memory:');
    await store.init();
    try {
      await recordAudit(store, createLogger({ level: 'silent' }), ENTRY);
      expect(await store.listAudit({ workspaceId: ENTRY.workspaceId })).toStrictEqual([
        { ...ENTRY, id: expect.any(Number) },
      ]);
    } finally {
      await store.close();
    }
  });

  it('logs the whole entry, new fields included, when the store cannot take it', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'error',
      destination: { write: (line: string) => lines.push(line) },
    });
    const neverOpened = new SqliteStore(':memory:');

    await expect(recordAudit(neverOpened, logger, ENTRY)).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'could not write an audit entry',
      userName: 'Grace Hopper',
      platform: 'slack',
      groupKind: 'largePersonGroup',
      personGroupId: 'big-group',
    });
  });
});

describe('recordAuditAndClaim', () => {
  it("stores the entry and the claim's result together", async () => {
    const store = new SqliteStore(':memory:');
    await store.init();
    try {
      const claim = await store.claim(ENTRY.workspaceId, 'big-group', 60_000);
      if (claim.status !== 'claimed') throw new Error(`expected claimed, got ${claim.status}`);
      const finished = { workspaceId: ENTRY.workspaceId, personGroupId: 'big-group', token: claim.token };
      await recordAuditAndClaim(
        store,
        createLogger({ level: 'silent' }),
        { ...finished, result: '"r"', keepMs: 60_000 },
        ENTRY,
      );
      expect(await store.claimResult(ENTRY.workspaceId, 'big-group')).toBe('"r"');
      expect(await store.listAudit({ workspaceId: ENTRY.workspaceId })).toStrictEqual([
        { ...ENTRY, id: expect.any(Number) },
      ]);
    } finally {
      await store.close();
    }
  });

  it('logs the whole entry when the store cannot take it, rather than failing the create', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'error',
      destination: { write: (line: string) => lines.push(line) },
    });
    const claim = {
      workspaceId: ENTRY.workspaceId,
      personGroupId: 'big-group',
      token: 't',
      result: '"r"',
      keepMs: 1,
    };

    await expect(
      recordAuditAndClaim(new SqliteStore(':memory:'), logger, claim, ENTRY),
    ).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'could not write an audit entry',
      personGroupId: 'big-group',
      userName: 'Grace Hopper',
      claimResultStored: false,
    });
  });
});
