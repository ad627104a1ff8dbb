import { createFaceClient } from '../../src/face/client';
import { describeFaceFailure } from '../../src/face/errors';
import type { FaceTarget, PersonGroupFields } from '../../src/face/types';
import { type ScriptedServer, stalledBody, startScriptedTarget } from '../helpers/scripted-face-server';

/**
 * ky's timeout stops once the headers arrive; the budget must also cover reading the body. Without that,
 * these calls never settle and the test fails on Jest's own timeout.
 */
const KEY = 'stalled-body-key-abcdef123456';
let server: ScriptedServer;
let target: FaceTarget;

beforeAll(async () => {
  ({ server, target } = await startScriptedTarget(KEY));
});
afterAll(() => server.close());

const fields: PersonGroupFields = {
  personGroupId: 'team-a',
  name: 'Team A',
  recognitionModel: 'recognition_04',
};

describe('an answer whose body stalls after the headers', () => {
  test('a success body that never ends makes the create a timeout failure within the budget', async () => {
    server.play(stalledBody(200));
    const client = createFaceClient({ budgetMs: 600, timeoutMs: 250 });
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    expect(describeFaceFailure(error)).toMatchObject({ kind: 'timeout' });
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
  });

  test('an error body that never ends is a timeout too, not a hang', async () => {
    server.play(stalledBody(500));
    const client = createFaceClient({ budgetMs: 5000, timeoutMs: 200, retryLimit: 0 });
    const error = await client.getPersonGroup(target, 'team-a').catch((e: unknown) => e);
    expect(describeFaceFailure(error)).toMatchObject({ kind: 'timeout' });
  });

  test('a caller abort during a stalled body ends the call with the abort reason', async () => {
    server.play(stalledBody(200));
    const controller = new AbortController();
    const client = createFaceClient({ budgetMs: 60000, timeoutMs: 60000 });
    const call = client.getPersonGroup(target, 'team-a', { signal: controller.signal });
    await new Promise<void>((resolve) => {
      const check = () => (server.requests.length > 0 ? resolve() : setImmediate(check));
      check();
    });
    controller.abort(new Error('user went away'));
    await expect(call).rejects.toThrow('user went away');
  });
});
