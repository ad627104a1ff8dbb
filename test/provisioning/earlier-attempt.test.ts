import { configure, GOOD_KEY, type Harness, OTHER_USER, puts, startHarness, USER } from './harness';

let h: Harness;
const WORKSPACE = 'slack:T-earlier';

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

const values = (personGroupId: string, name = 'Lobby') => ({
  personGroupId,
  name,
  userData: 'floor 1',
  recognitionModel: 'recognition_04',
});

/** A create whose answer never arrives in time, though the service carries it out a moment later. */
async function timedOutCreate(personGroupId: string) {
  h.emulator.injectFaults({ kind: 'latency', ms: 2600 }, 5);
  const outcome = await h.provisioning.createPersonGroup({
    workspaceId: WORKSPACE,
    actor: USER,
    values: values(personGroupId),
    submissionId: `first-${personGroupId}`,
  });
  expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'timeout' } });
  h.emulator.clearFaults();
  // The service finishes the delayed PUT after the client gave up: the group exists now.
  for (
    let tries = 0;
    tries < 50 && !h.emulator.groups(GOOD_KEY).some((group) => group.personGroupId === personGroupId);
    tries++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a create after one whose answer was lost', () => {
  it('says the timed-out attempt may have created the group and how to check', async () => {
    h.emulator.injectFaults({ kind: 'latency', ms: 2600 }, 5);
    const outcome = await h.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: USER,
      values: values('told-to-check'),
    });
    const text =
      outcome.kind === 'failed'
        ? `${outcome.failure.detail} ${outcome.failure.remedy}`
        : JSON.stringify(outcome);
    expect(text).toContain('may or may not have been created');
    expect(text).toContain('/persongroup show');
  });

  it('with the same settings answers "created (your earlier attempt went through)" after a 409 and a GET', async () => {
    await timedOutCreate('lost-answer');
    const putsBefore = puts(h.emulator);
    const again = await h.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: USER,
      values: values('lost-answer'),
      submissionId: 'second-lost-answer',
    });
    expect(again).toMatchObject({
      kind: 'created',
      earlierAttempt: true,
      group: { personGroupId: 'lost-answer' },
    });
    const methods = h.emulator.requests.map((request) => request.method);
    expect(methods.filter((method) => method === 'GET').length).toBeGreaterThanOrEqual(1);
    expect(puts(h.emulator) - putsBefore).toBe(1);
  });

  it('with other settings still hears "already exists": the group is not the one asked for', async () => {
    await timedOutCreate('lost-other');
    const again = await h.provisioning.createPersonGroup({
      workspaceId: WORKSPACE,
      actor: OTHER_USER,
      values: values('lost-other', 'Someone else'),
      submissionId: 'second-lost-other',
    });
    expect(again).toMatchObject({ kind: 'failed', failure: { kind: 'already_exists' } });
  });
});
