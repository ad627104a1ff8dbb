import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { createFaceClient } from '../../src/face/client';
import { describeFaceFailure, FaceBudgetExhaustedError, FaceTimeoutError } from '../../src/face/errors';
import type { FaceTarget, PersonGroupFields } from '../../src/face/types';

/** Real time on purpose: these tests prove the client never runs past its budget. Budgets stay small. */
const KEY = 'budget-test-key-abcdef123456';
const GUID = /^[0-9a-f-]{36}$/;
let emulator: FaceEmulator;
let target: FaceTarget;

beforeAll(async () => {
  emulator = await startFaceEmulator();
  target = { baseUrl: emulator.baseUrl, key: KEY };
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const fields: PersonGroupFields = {
  personGroupId: 'team-a',
  name: 'Team A',
  recognitionModel: 'recognition_04',
};
const puts = () => emulator.requests.filter((request) => request.method === 'PUT');

describe('the total time budget', () => {
  test('a 429 whose wait does not fit the budget gives up at once with the wait as retry-after', async () => {
    emulator.injectFaults({ kind: 'rate_limit_message', seconds: 21 });
    const client = createFaceClient({ budgetMs: 600, timeoutMs: 400 });
    const started = Date.now();
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(400);
    expect(error).toBeInstanceOf(FaceBudgetExhaustedError);
    expect(error).toMatchObject({
      retryAfterSeconds: expect.any(Number),
      requestId: expect.stringMatching(GUID),
    });
    expect((error as FaceBudgetExhaustedError).retryAfterSeconds).toBeGreaterThanOrEqual(21);
    expect(describeFaceFailure(error)).toMatchObject({
      kind: 'rate_limited',
      remedy: expect.stringMatching(/Try again in 2\d seconds/),
    });
  });

  test('slow answers time out per attempt and the call ends within its budget', async () => {
    emulator.injectFaults({ kind: 'latency', ms: 1500 }, 10);
    const client = createFaceClient({ budgetMs: 700, timeoutMs: 250 });
    const started = Date.now();
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(850);
    expect(error).toBeInstanceOf(FaceBudgetExhaustedError);
    expect((error as FaceBudgetExhaustedError).lastError).toBeInstanceOf(FaceTimeoutError);
    expect(describeFaceFailure(error)).toMatchObject({
      kind: 'timeout',
      retryAfterSeconds: expect.any(Number),
    });
  });

  test('a per-call budget overrides the client default', async () => {
    emulator.injectFaults({ kind: 'rate_limit', retryAfterSeconds: 1 });
    const client = createFaceClient({ budgetMs: 10000, timeoutMs: 300 });
    const error = await client.createPersonGroup(target, fields, { budgetMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceBudgetExhaustedError);
    expect(puts()).toHaveLength(1);
  });

  test('one slow attempt without retries is a timeout', async () => {
    emulator.injectFaults({ kind: 'latency', ms: 1000 });
    const client = createFaceClient({ budgetMs: 5000, timeoutMs: 200, retryLimit: 0 });
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceTimeoutError);
  });

  test('an aborted call stops without retrying', async () => {
    emulator.injectFaults({ kind: 'latency', ms: 1000 });
    const controller = new AbortController();
    const call = createFaceClient().createPersonGroup(target, fields, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
