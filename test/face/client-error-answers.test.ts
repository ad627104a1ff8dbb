import { createFaceClient } from '../../src/face/client';
import { describeFaceFailure } from '../../src/face/errors';
import type { FaceFailure } from '../../src/face/failure';
import type { FaceTarget, PersonGroupFields } from '../../src/face/types';
import {
  faceError,
  json,
  SCRIPTED_REQUEST_ID,
  type Script,
  type ScriptedServer,
  startScriptedServer,
  startScriptedTarget,
} from '../helpers/scripted-face-server';

/** The service's answers, verbatim from reference/face-api-real-behaviour.md and the v1.0 page. */
const UNSUPPORTED_FEATURE =
  'Feature is not supported, missing approval for one or more of the following features: Identification,Verification. Please apply for access at https://aka.ms/facerecognition';
const KEY = 'error-answers-key-abcdef123456';
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

/** Plays `script` for a create and returns what the user would read. */
async function failureOf(...scripts: Script[]): Promise<FaceFailure> {
  server.play(...scripts);
  const client = createFaceClient({ budgetMs: 800, timeoutMs: 500, sleep: async () => {} });
  const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
  return describeFaceFailure(error);
}

describe('403 answers', () => {
  test('InvalidRequest with inner error UnsupportedFeature is Limited Access', async () => {
    const failure = await failureOf(
      faceError(403, 'InvalidRequest', 'Invalid request has been sent.', {
        innererror: { code: 'UnsupportedFeature', message: UNSUPPORTED_FEATURE },
      }),
    );
    expect(failure).toMatchObject({ kind: 'limited_access', requestId: SCRIPTED_REQUEST_ID });
  });

  test('the documented Limited Access message alone is Limited Access', async () => {
    const failure = await failureOf(
      faceError(403, 'InvalidRequest', 'Invalid request has been sent.', {
        innererror: { message: UNSUPPORTED_FEATURE },
      }),
    );
    expect(failure.kind).toBe('limited_access');
  });

  test.each([
    ['InvalidRequest without the inner error', 'InvalidRequest', 'Invalid request has been sent.'],
    [
      'a network rule of the resource',
      'Forbidden',
      'Public access is disabled. Please configure private endpoint.',
    ],
  ])('%s is a forbidden failure naming the code and the request id', async (_label, code, message) => {
    const failure = await failureOf(faceError(403, code, message));
    expect(failure.kind).toBe('forbidden');
    expect(failure.detail).toContain(code);
    expect(failure.detail).toContain(SCRIPTED_REQUEST_ID);
    expect(`${failure.title} ${failure.detail} ${failure.remedy}`).not.toContain(message);
    expect(server.requests).toHaveLength(1);
  });

  test('a code that is not a plain word is left out of the forbidden message', async () => {
    const failure = await failureOf(faceError(403, '<b>x</b> y', 'no'));
    expect(failure.kind).toBe('forbidden');
    expect(failure.detail).not.toContain('<b>');
  });

  test.each([
    [
      'the seed call volume quota',
      json(403, {
        error: { statusCode: 403, message: 'Out of call volume quota. Quota will be replenished in 2 days.' },
      }),
    ],
    [
      'the group quota',
      faceError(403, 'QuotaExceeded', 'Person group number reached subscription level limit.'),
    ],
  ])('%s is still a quota failure', async (_label, script) => {
    expect((await failureOf(script)).kind).toBe('quota_exceeded');
  });
});

describe('400 answers with a suffix after the documented message', () => {
  test.each([
    ["'name' is empty.", 'name'],
    ["'name' is too long.", 'name'],
    ["'userData' is too long.", 'userData'],
    ["'recognitionModel' is invalid.", 'recognitionModel'],
    ['Person group ID is invalid.', 'personGroupId'],
  ])('"%s" followed by "Parameter name" still points at the %s field', async (message, field) => {
    const failure = await failureOf(faceError(400, 'BadArgument', `${message}\r\nParameter name: ${field}`));
    expect(failure).toMatchObject({ kind: 'bad_argument', field });
  });

  test('a JSON body complaint with a suffix is still the bot’s fault, not a field', async () => {
    const failure = await failureOf(faceError(400, 'BadArgument', 'JSON parsing error.\r\nLine 1'));
    expect(failure.field).toBeUndefined();
    expect(failure.detail).toMatch(/fault in the bot/);
  });
});

describe('3xx answers', () => {
  let elsewhere: ScriptedServer;
  beforeAll(async () => {
    elsewhere = await startScriptedServer();
  });
  afterAll(() => elsewhere.close());

  test.each([307, 301, 302, 308])(
    'a %i is an error naming the Location host, and the key never reaches that host',
    async (status) => {
      elsewhere.play(json(200));
      const location = `${elsewhere.baseUrl}/persongroups/team-a`;
      const failure = await failureOf(json(status, undefined, { location }));
      expect(elsewhere.requests).toEqual([]);
      expect(server.requests).toHaveLength(1);
      expect(failure.kind).toBe('redirected');
      expect(failure.detail).toContain(new URL(elsewhere.origin).host);
      expect(failure.remedy).toMatch(/\/persongroup config/);
    },
  );

  test('a redirect without a Location is an error too', async () => {
    const failure = await failureOf(json(302));
    expect(failure.kind).toBe('redirected');
  });
});

describe('503 with Retry-After', () => {
  test('the wait it asks for is honoured before the retry, as for a 429', async () => {
    server.play(json(503, undefined, { 'retry-after': '2' }), json(200));
    const waits: number[] = [];
    const client = createFaceClient({
      budgetMs: 10000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await client.createPersonGroup(target, fields);
    expect(server.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThanOrEqual(2200);
  });

  test('a wait longer than the budget gives up at once and tells the user when to try again', async () => {
    const failure = await failureOf(json(503, undefined, { 'retry-after': '30' }));
    expect(server.requests).toHaveLength(1);
    expect(failure).toMatchObject({ kind: 'service_unavailable', retryAfterSeconds: 30 });
    expect(failure.remedy).toMatch(/30 seconds/);
  });

  test('a 503 that is not retried still tells the wait it asked for', async () => {
    server.play(json(503, undefined, { 'retry-after': '7' }));
    const client = createFaceClient({ budgetMs: 10000, retryLimit: 0 });
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    const failure = describeFaceFailure(error);
    expect(failure).toMatchObject({ kind: 'service_unavailable', retryAfterSeconds: 7 });
    expect(failure.remedy).toMatch(/7 seconds/);
  });
});

describe('a wait of one second', () => {
  test('a 429 asking for 1 second reads "Wait 1 second"', async () => {
    server.play(
      json(429, { error: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' } }),
    );
    const client = createFaceClient({ budgetMs: 10000, retryLimit: 0 });
    const error = await client.createPersonGroup(target, fields).catch((e: unknown) => e);
    expect(describeFaceFailure(error).remedy).toBe('Wait 1 second and try again.');
  });

  test('a budget that runs out before a 1 second wait reads "Try again in 1 second."', async () => {
    const failure = await failureOf(json(429, undefined, { 'retry-after': '1' }));
    expect(failure.remedy).toBe('Try again in 1 second.');
  });
});
