import { configure, type Harness, OTHER_USER, startHarness, USER } from './harness';

let h: Harness;
const W = 'slack:T-kind';

beforeAll(async () => {
  h = await startHarness();
  await configure(h, W);
});

afterAll(async () => {
  await h.close();
});

const values = (id: string, kind?: unknown) => ({
  personGroupId: id,
  name: `Group ${id}`,
  recognitionModel: 'recognition_04',
  ...(kind === undefined ? {} : { kind }),
});

describe('createPersonGroup with a kind', () => {
  it('creates a large person group with PUT /largepersongroups and audits its kind', async () => {
    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: W,
      actor: USER,
      platform: 'slack',
      values: values('big-one', 'largePersonGroup'),
    });
    expect(outcome).toMatchObject({ kind: 'created', groupKind: 'largePersonGroup' });
    expect(h.emulator.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toContain(
      '/face/v1.0/largepersongroups/big-one',
    );
    const [entry] = await h.store.listAudit({ workspaceId: W, personGroupId: 'big-one', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'created', groupKind: 'largePersonGroup', platform: 'slack' });
  });

  it('creates a person group when no kind (or an empty one) is given', async () => {
    for (const [id, kind] of [
      ['plain-a', undefined],
      ['plain-b', ''],
    ] as const) {
      const outcome = await h.provisioning.createPersonGroup({
        workspaceId: W,
        actor: USER,
        values: values(id, kind),
      });
      expect(outcome).toMatchObject({ kind: 'created', groupKind: 'personGroup' });
      const [entry] = await h.store.listAudit({ workspaceId: W, personGroupId: id, limit: 1 });
      expect(entry?.groupKind).toBe('personGroup');
    }
  });

  it('answers a second large create of the id with "already exists", naming who created it', async () => {
    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: W,
      actor: OTHER_USER,
      values: values('big-one', 'largePersonGroup'),
    });
    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: {
        kind: 'already_exists',
        field: 'personGroupId',
        title: 'A large person group with this ID already exists',
      },
    });
    if (outcome.kind !== 'failed') throw new Error(outcome.kind);
    expect(outcome.failure.detail).toContain(`created by ${USER.name} in Slack`);
  });

  it('creates a person group with the id of an existing large one: the kinds are separate collections', async () => {
    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: W,
      actor: USER,
      values: values('big-one'),
    });
    expect(outcome).toMatchObject({ kind: 'created', groupKind: 'personGroup' });
  });

  it('refuses an unknown kind as a field error and calls nobody', async () => {
    const before = h.emulator.requests.length;
    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: W,
      actor: USER,
      values: values('odd', 'hugeGroup'),
    });
    expect(outcome).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'kind' }],
      values: { kind: 'hugeGroup' },
    });
    expect(h.emulator.requests.length).toBe(before);
  });
});
