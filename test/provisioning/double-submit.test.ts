import { createFaceClient } from '../../src/face/client';
import { configure, type Harness, OTHER_USER, puts, startHarness, USER } from './harness';

let h: Harness;
const WORKSPACE = 'teams:tenant-double';

beforeAll(async () => {
  h = await startHarness();
  await configure(h, WORKSPACE);
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.reset();
});

const values = (personGroupId: string, name = 'Double') => ({
  personGroupId,
  name,
  recognitionModel: 'recognition_04',
});

describe('a double submit', () => {
  it('in one process (the same submission twice) makes one Face call and both hear "created", each named', async () => {
    const [first, second] = await Promise.all([
      h.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: USER,
        values: values('same-process'),
        submissionId: 'form-same-process',
      }),
      h.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: OTHER_USER,
        values: values('same-process'),
        submissionId: 'form-same-process',
      }),
    ]);

    expect(puts(h.emulator)).toBe(1);
    expect(first).toMatchObject({ kind: 'created', by: USER });
    expect(second).toMatchObject({ kind: 'created', by: OTHER_USER });
    const outcomes = (await h.store.listAudit({ workspaceId: WORKSPACE }))
      .filter((entry) => entry.action === 'create_person_group')
      .map((entry) => entry.outcome)
      .sort();
    expect(outcomes).toEqual(['created', 'duplicate:created']);
  });

  it('on two replicas sharing the database makes one Face call and both get the outcome', async () => {
    const replica = await h.replica();
    h.emulator.injectFaults({ kind: 'latency', ms: 300 }, 1);

    const [first, second] = await Promise.all([
      h.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: USER,
        values: values('two-replicas'),
        submissionId: 'form-two-replicas',
      }),
      replica.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: OTHER_USER,
        values: values('two-replicas'),
        submissionId: 'form-two-replicas',
      }),
    ]);

    expect(puts(h.emulator)).toBe(1);
    expect(first).toMatchObject({ kind: 'created', group: { personGroupId: 'two-replicas' } });
    expect(second).toMatchObject({ kind: 'created', group: { personGroupId: 'two-replicas' } });
  });

  it('arriving after the first finished still gets its creation without a second call', async () => {
    const first = await h.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: USER,
      values: values('late'),
      submissionId: 'form-late',
    });
    const late = await h.with({}).createPersonGroup({
      workspaceId: WORKSPACE,
      actor: OTHER_USER,
      values: values('late'),
      submissionId: 'form-late',
    });

    expect(first.kind).toBe('created');
    expect(late).toMatchObject({ kind: 'created', by: OTHER_USER });
    expect(puts(h.emulator)).toBe(1);
  });

  it('with different fields for one id never shares: the second hears that the id is taken', async () => {
    const [first, second] = await Promise.all([
      h.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: USER,
        values: values('rival', 'Mine'),
      }),
      h.provisioning.createPersonGroup({
        workspaceId: WORKSPACE,
        actor: OTHER_USER,
        values: values('rival', 'Yours'),
      }),
    ]);

    expect(first).toMatchObject({ kind: 'created', group: { name: 'Mine' } });
    expect(second).toMatchObject({ kind: 'failed', failure: { kind: 'already_exists' } });
    expect(puts(h.emulator)).toBe(2);
  });

  it('waiting on another replica longer than its budget gets a "still in progress" failure', async () => {
    const slow = await h.replica({
      budgetMs: 5000,
      faceClient: createFaceClient({ budgetMs: 5000, timeoutMs: 4000 }),
    });
    // It waits its 100 ms budget plus the claim's 500 ms grace: well under the first call's 1.5 s.
    const impatient = await h.replica({ budgetMs: 100 });
    h.emulator.injectFaults({ kind: 'latency', ms: 1500 }, 1);

    const firstDone = slow.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: USER,
      values: values('slow'),
    });
    // Let the first request take the claim before the second arrives.
    await until(() => h.emulator.requests.length > 0);
    const second = await impatient.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: OTHER_USER,
      values: values('slow'),
    });

    expect(second).toMatchObject({
      kind: 'failed',
      failure: { kind: 'concurrent_conflict', field: 'personGroupId' },
    });
    await expect(firstDone).resolves.toMatchObject({ kind: 'created' });
    expect(puts(h.emulator)).toBe(1);
  });
});

/** Yields to the event loop until `condition` holds (the emulator records a request when it arrives). */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition never became true');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('a separate submission', () => {
  it('later, with identical values, hears "already exists", naming who created it, where and when', async () => {
    const first = await h.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: USER,
      values: values('made-once'),
      submissionId: 'form-a',
      platform: 'slack',
    });
    const again = await h.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: OTHER_USER,
      values: values('made-once'),
      submissionId: 'form-b',
      platform: 'teams',
    });

    expect(first.kind).toBe('created');
    expect(again).toMatchObject({ kind: 'failed', failure: { kind: 'already_exists' } });
    const detail = again.kind === 'failed' ? again.failure.detail : '';
    expect(detail).toContain(`made-once was created by ${USER.name} in Slack just now`);
    expect(puts(h.emulator)).toBe(2);
  });

  it('without a submission identity never shares: identical values twice are two creates', async () => {
    const [first, second] = await Promise.all([
      h.provisioning.createPersonGroup({ workspaceId: WORKSPACE, actor: USER, values: values('no-form') }),
      h.provisioning.createPersonGroup({ workspaceId: WORKSPACE, actor: USER, values: values('no-form') }),
    ]);
    expect([first.kind, second.kind].sort()).toEqual(['created', 'failed']);
    expect(puts(h.emulator)).toBe(2);
  });
});
