import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/store/secret-box';
import { configure, GOOD_KEY, type Harness, puts, startHarness, USER } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.reset();
});

describe('createPersonGroup', () => {
  it('creates the group with the workspace key and audits who did it', async () => {
    await configure(h, 'slack:T-create');
    h.emulator.reset();

    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: 'slack:T-create',
      actor: USER,
      values: {
        personGroupId: 'team-a',
        name: 'Team A',
        userData: 'floor 3',
        recognitionModel: 'recognition_04',
      },
    });

    expect(outcome).toMatchObject({
      kind: 'created',
      group: {
        personGroupId: 'team-a',
        name: 'Team A',
        userData: 'floor 3',
        recognitionModel: 'recognition_04',
      },
      // With FACE_ENDPOINT_OVERRIDE the reply names where the call really went, and the stored region.
      target: {
        label: expect.stringMatching(
          /^127\.0\.0\.1:\d+ \(FACE_ENDPOINT_OVERRIDE, standing in for West US\)$/,
        ),
        emulated: false,
      },
      by: USER,
    });
    expect(h.emulator.groups(GOOD_KEY).map((group) => group.personGroupId)).toEqual(['team-a']);
    const [entry] = await h.store.listAudit({ workspaceId: 'slack:T-create', limit: 1 });
    expect(entry).toMatchObject({
      action: 'create_person_group',
      userId: USER.id,
      personGroupId: 'team-a',
      outcome: 'created',
    });
    expect(entry?.durationMs).toEqual(expect.any(Number));
  });

  it('returns every field error with the values kept as text and calls nobody', async () => {
    await configure(h, 'slack:T-invalid');
    h.emulator.reset();

    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: 'slack:T-invalid',
      actor: USER,
      values: { personGroupId: 'Team A', name: '', userData: 'x', recognitionModel: 'recognition_09' },
    });

    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.errors.map((error) => error.field)).toEqual(['personGroupId', 'name', 'recognitionModel']);
    expect(outcome.values).toEqual({
      personGroupId: 'Team A',
      name: '',
      userData: 'x',
      recognitionModel: 'recognition_09',
    });
    expect(h.emulator.requests).toEqual([]);
    const [entry] = await h.store.listAudit({ workspaceId: 'slack:T-invalid', limit: 1 });
    expect(entry).toMatchObject({
      outcome: 'invalid',
      errorCode: 'invalid:personGroupId,name,recognitionModel',
    });
  });

  it('tells an unconfigured workspace to ask an admin, without a Face call', async () => {
    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: 'teams:unknown-tenant',
      actor: USER,
      values: { personGroupId: 'g1', name: 'G1' },
    });

    expect(outcome).toEqual({
      kind: 'not_configured',
      workspaceId: 'teams:unknown-tenant',
      values: { personGroupId: 'g1', name: 'G1' },
    });
    expect(h.emulator.requests).toEqual([]);
    const [entry] = await h.store.listAudit({ workspaceId: 'teams:unknown-tenant', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'not_configured', personGroupId: 'g1' });
  });

  it('serves an unconfigured workspace from the emulator in local mode, in its own namespace', async () => {
    const local = h.with({ localMode: true, emulatorUrl: h.emulator.url, faceEndpointOverride: undefined });

    const outcome = await local.createPersonGroup({
      workspaceId: 'teams:local',
      actor: USER,
      values: { personGroupId: 'local-group', name: 'Local' },
    });

    expect(outcome).toMatchObject({ kind: 'created', target: { emulated: true } });
    expect(h.emulator.groups('local:teams:local').map((group) => group.personGroupId)).toEqual([
      'local-group',
    ]);
    await expect(local.describeWorkspace('teams:local')).resolves.toEqual({
      configured: false,
      target: { label: 'the built-in Face emulator', emulated: true },
    });
  });

  it('answers "already exists" under the id when a different group with that id exists', async () => {
    await configure(h, 'slack:T-exists');
    const first = await h.provisioning.createPersonGroup({
      workspaceId: 'slack:T-exists',
      actor: USER,
      values: { personGroupId: 'taken', name: 'First' },
    });
    expect(first.kind).toBe('created');

    const second = await h.provisioning.createPersonGroup({
      workspaceId: 'slack:T-exists',
      actor: USER,
      values: { personGroupId: 'taken', name: 'Second' },
    });

    expect(second).toMatchObject({
      kind: 'failed',
      failure: { kind: 'already_exists', field: 'personGroupId' },
      values: { personGroupId: 'taken', name: 'Second' },
    });
  });

  it('reports a key sealed under an unknown secret as a failure with a remedy', async () => {
    const foreign = new SecretBox({ current: randomBytes(32) });
    await h.store.putWorkspace({
      workspaceId: 'slack:T-foreign',
      region: 'westus',
      endpoint: undefined,
      sealedKey: foreign.seal(GOOD_KEY),
      keyHint: 'cdef',
      updatedBy: 'cli',
      updatedAt: new Date(),
    });

    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: 'slack:T-foreign',
      actor: USER,
      values: { personGroupId: 'g', name: 'G' },
    });

    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: { remedy: expect.stringContaining('SECRET_KEY_PREVIOUS') },
    });
    expect(puts(h.emulator)).toBe(0);
  });

  it('reports a stored region it cannot use as a failure telling an admin to configure again', async () => {
    const direct = h.with({ faceEndpointOverride: undefined });
    await h.store.putWorkspace({
      workspaceId: 'slack:T-mars',
      region: 'mars1',
      endpoint: undefined,
      sealedKey: h.secretBox.seal(GOOD_KEY),
      keyHint: 'cdef',
      updatedBy: 'cli',
      updatedAt: new Date(),
    });

    const outcome = await direct.createPersonGroup({
      workspaceId: 'slack:T-mars',
      actor: USER,
      values: { personGroupId: 'g', name: 'G' },
    });

    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: { remedy: expect.stringContaining('/persongroup config') },
    });
    expect(puts(h.emulator)).toBe(0);
  });
});
