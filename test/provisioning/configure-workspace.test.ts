import { ADMIN, GOOD_KEY, type Harness, startHarness, USER } from './harness';

let h: Harness;

beforeAll(async () => {
  // Only GOOD_KEY is a valid key at this emulator: anything else gets the gateway's 401.
  h = await startHarness({ emulator: { keys: [GOOD_KEY] } });
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.reset();
});

const configure = (workspaceId: string, values: Record<string, unknown>, isAdmin = true) =>
  h.provisioning.configureWorkspace({ workspaceId, actor: isAdmin ? ADMIN : USER, isAdmin, values });

async function lastAudit(workspaceId: string) {
  const [entry] = await h.store.listAudit({ workspaceId, limit: 1 });
  return entry;
}

describe('configureWorkspace', () => {
  it('refuses a non-admin, saves nothing, calls nobody and audits the attempt', async () => {
    const outcome = await configure(
      'slack:T-forbidden',
      { region: 'westus', subscriptionKey: GOOD_KEY },
      false,
    );

    expect(outcome).toEqual({ kind: 'forbidden', workspaceId: 'slack:T-forbidden' });
    await expect(h.store.getWorkspace('slack:T-forbidden')).resolves.toBeUndefined();
    expect(h.emulator.requests).toEqual([]);
    await expect(lastAudit('slack:T-forbidden')).resolves.toMatchObject({
      action: 'configure_workspace',
      userId: USER.id,
      outcome: 'forbidden',
    });
  });

  it.each([
    ['an unknown region', { region: 'moon-1' }, 'region'],
    ['an http endpoint', { endpoint: 'http://my-face.cognitiveservices.azure.com/' }, 'endpoint'],
    ['a non-Azure host', { endpoint: 'https://evil.example.com/' }, 'endpoint'],
    ['the cloud metadata address', { endpoint: 'https://169.254.169.254/' }, 'endpoint'],
    [
      'a look-alike Azure host',
      { endpoint: 'https://cognitiveservices.azure.com.evil.example/' },
      'endpoint',
    ],
    [
      'both a region and an endpoint',
      { region: 'westus', endpoint: 'https://my-face.cognitiveservices.azure.com/' },
      'endpoint',
    ],
    ['neither a region nor an endpoint', {}, 'region'],
  ])('refuses %s with a field error and no Face call', async (_what, placement, field) => {
    const outcome = await configure('slack:T-bad', { ...placement, subscriptionKey: GOOD_KEY });

    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.errors.map((error) => error.field)).toEqual([field]);
    expect(JSON.stringify(outcome)).not.toContain(GOOD_KEY);
    expect(h.emulator.requests).toEqual([]);
    await expect(h.store.getWorkspace('slack:T-bad')).resolves.toBeUndefined();
  });

  it('asks for a missing key and keeps the other values for the form', async () => {
    const outcome = await configure('slack:T-nokey', { region: 'westus', subscriptionKey: '  ' });

    expect(outcome).toMatchObject({
      kind: 'invalid',
      errors: [{ field: 'subscriptionKey' }],
      values: { region: 'westus' },
    });
    expect(h.emulator.requests).toEqual([]);
  });

  it('checks the key live: a wrong key is "unauthorized", nothing is saved, the attempt is audited', async () => {
    const outcome = await configure('slack:T-wrong', {
      region: 'westus',
      subscriptionKey: 'ffffffffffffffffffffffffffffffff',
    });

    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: { kind: 'unauthorized' },
      values: { region: 'westus' },
    });
    expect(JSON.stringify(outcome)).not.toContain('ffffffffffffffff');
    await expect(h.store.getWorkspace('slack:T-wrong')).resolves.toBeUndefined();
    expect(h.emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      expect.stringMatching(/^GET \/face\/v1\.0\/persongroups\?(.*&)?top=1(&|$)/),
    ]);
    await expect(lastAudit('slack:T-wrong')).resolves.toMatchObject({
      outcome: 'failed:unauthorized',
      errorCode: '401',
    });
  });

  it('saves a checked key sealed, with its last 4 as the hint, and audits it', async () => {
    const outcome = await configure('slack:T-good', {
      region: 'westeurope',
      subscriptionKey: ` ${GOOD_KEY} `,
    });

    expect(outcome).toMatchObject({
      kind: 'configured',
      workspaceId: 'slack:T-good',
      target: { label: expect.stringContaining('standing in for West Europe'), emulated: false },
      keyHint: 'cdef',
      by: ADMIN,
    });
    const record = await h.store.getWorkspace('slack:T-good');
    expect(record).toMatchObject({
      region: 'westeurope',
      endpoint: undefined,
      keyHint: 'cdef',
      updatedBy: ADMIN.id,
    });
    expect(record?.sealedKey).not.toContain(GOOD_KEY);
    expect(h.secretBox.open(record?.sealedKey ?? '')).toBe(GOOD_KEY);
    await expect(lastAudit('slack:T-good')).resolves.toMatchObject({
      outcome: 'configured',
      userId: ADMIN.id,
    });
    await expect(h.provisioning.describeWorkspace('slack:T-good')).resolves.toEqual({
      configured: true,
      target: { label: expect.stringContaining('standing in for West Europe'), emulated: false },
    });
  });

  it('accepts a custom Azure endpoint and names it by its host', async () => {
    const outcome = await configure('teams:custom', {
      endpoint: 'https://My-Face.cognitiveservices.azure.com/face/v1.0/',
      subscriptionKey: GOOD_KEY,
    });

    expect(outcome).toMatchObject({
      kind: 'configured',
      target: { label: expect.stringContaining('standing in for my-face.cognitiveservices.azure.com') },
    });
    await expect(h.store.getWorkspace('teams:custom')).resolves.toMatchObject({
      region: undefined,
      endpoint: 'https://my-face.cognitiveservices.azure.com/',
    });
  });

  it('saves without a Face call when asked not to verify (the CLI --no-verify)', async () => {
    const outcome = await h.provisioning.configureWorkspace({
      workspaceId: 'slack:T-noverify',
      actor: ADMIN,
      isAdmin: true,
      values: { region: 'westus', subscriptionKey: 'not-checked-key-1234' },
      verify: false,
    });

    expect(outcome.kind).toBe('configured');
    expect(h.emulator.requests).toEqual([]);
    await expect(lastAudit('slack:T-noverify')).resolves.toMatchObject({ outcome: 'configured_unverified' });
  });
});

describe('removeWorkspace and describeWorkspace', () => {
  it('forgets a workspace once, audits both tries, and then describes it as not configured', async () => {
    await configure('slack:T-remove', { region: 'westus', subscriptionKey: GOOD_KEY });

    await expect(h.provisioning.removeWorkspace('slack:T-remove', ADMIN)).resolves.toBe(true);
    await expect(h.provisioning.removeWorkspace('slack:T-remove', ADMIN)).resolves.toBe(false);

    await expect(h.provisioning.describeWorkspace('slack:T-remove')).resolves.toEqual({ configured: false });
    const outcomes = (await h.store.listAudit({ workspaceId: 'slack:T-remove', limit: 2 })).map(
      (entry) => entry.outcome,
    );
    expect(outcomes).toEqual(['not_found', 'removed']);
  });
});
