import {
  describeFaceFailure,
  describeFailedTraining,
  FaceBudgetExhaustedError,
  FaceEndpointError,
  FaceNetworkError,
  FaceTimeoutError,
  InvalidPersonGroupFieldsError,
  parseFaceError,
} from '../../src/face/errors';
import type { FaceFailure } from '../../src/face/failure';

const KEY = '0123456789abcdef0123456789abcdef';
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'apim-request-id': 'c0ffee00-0000-4000-8000-000000000001',
};
const err = (code: string | number, message: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    error: typeof code === 'number' ? { statusCode: code, message, ...extra } : { code, message, ...extra },
  });

/**
 * Every error of the seed page and of face-api-real-behaviour.md, verbatim (not the emulator's table: a
 * mapping that mis-read the service would pass against its own constants): [label, status, body, kind, field?].
 */
const CASES: [string, number, string, FaceFailure['kind'], string?][] = [
  ['400 name too long', 400, err('BadArgument', "'name' is too long."), 'bad_argument', 'name'],
  ['400 name empty', 400, err('BadArgument', "'name' is empty."), 'bad_argument', 'name'],
  ['400 userData too long', 400, err('BadArgument', "'userData' is too long."), 'bad_argument', 'userData'],
  ['400 bad JSON body', 400, err('BadArgument', 'Bad and unrecognizable JSON body.'), 'bad_argument'],
  ['400 JSON parsing error', 400, err('BadArgument', 'JSON parsing error.'), 'bad_argument'],
  ['400 request body invalid', 400, err('BadArgument', 'Request body is invalid.'), 'bad_argument'],
  [
    '400 id invalid (seed, long)',
    400,
    err(
      'BadArgument',
      "Person group ID is invalid. Valid format should be a string composed by numbers, English letters in lower case, '-', '_', and no longer than 64 characters.",
    ),
    'bad_argument',
    'personGroupId',
  ],
  [
    '400 id invalid (short)',
    400,
    err('BadArgument', 'Person group ID is invalid.'),
    'bad_argument',
    'personGroupId',
  ],
  [
    '400 model invalid',
    400,
    err('BadArgument', "'recognitionModel' is invalid."),
    'bad_argument',
    'recognitionModel',
  ],
  ['400 other', 400, err('BadArgument', 'Something else.'), 'bad_argument'],
  [
    '401 seed Unspecified',
    401,
    err(
      'Unspecified',
      'Access denied due to invalid subscription key. Make sure you are subscribed to an API you are trying to call and provide the right key.',
    ),
    'unauthorized',
  ],
  [
    '401 gateway numeric code',
    401,
    err(
      '401',
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    ),
    'unauthorized',
  ],
  ['401 empty body', 401, '', 'unauthorized'],
  [
    '403 call volume quota (seed)',
    403,
    err(403, 'Out of call volume quota. Quota will be replenished in 2 days.'),
    'quota_exceeded',
  ],
  [
    '403 group quota (current)',
    403,
    err('QuotaExceeded', 'Person group number reached subscription level limit.'),
    'quota_exceeded',
  ],
  [
    '403 Limited Access',
    403,
    err('InvalidRequest', 'Invalid request has been sent.', {
      innererror: {
        code: 'UnsupportedFeature',
        message:
          'Feature is not supported, missing approval for one or more of the following features: Identification,Verification. Please apply for access at https://aka.ms/facerecognition',
      },
    }),
    'limited_access',
  ],
  [
    '404 not found',
    404,
    err('PersonGroupNotFound', 'Person group is not found.'),
    'not_found',
    'personGroupId',
  ],
  ['404 not trained', 404, err('PersonGroupNotTrained', 'Person group not trained.'), 'not_trained'],
  ['404 wrong path', 404, '{"error":{"code":"404","message":"Resource not found"}}', 'not_found'],
  ['408 request timeout', 408, '', 'timeout'],
  [
    '409 exists',
    409,
    err('PersonGroupExists', 'Person group already exists.'),
    'already_exists',
    'personGroupId',
  ],
  [
    '409 concurrent (seed)',
    409,
    err('ConcurrentOperationConflict', 'Concurrent operation conflict on requested resource.'),
    'concurrent_conflict',
  ],
  [
    '409 concurrent (current)',
    409,
    err('ConcurrentOperationConflict', 'There is a conflict operation on resource x, please try later.'),
    'concurrent_conflict',
  ],
  [
    '409 training',
    409,
    err('PersonGroupTrainingNotFinished', 'Person group is under training.'),
    'training_running',
  ],
  ['415 media type', 415, err('BadArgument', 'Invalid Media Type.'), 'unsupported_media_type'],
  ['429 seed', 429, err(429, 'Rate limit is exceeded. Try again in 26 seconds.'), 'rate_limited'],
  ['429 top-level', 429, '{"statusCode":429,"message":"Rate limit is exceeded."}', 'rate_limited'],
  ['500 JSON', 500, err('InternalServerError', 'Internal error'), 'service_unavailable'],
  ['502 HTML', 502, `<html><body>Bad gateway ${KEY}</body></html>`, 'service_unavailable'],
  ['503 empty', 503, '', 'service_unavailable'],
  ['504 plain text', 504, 'upstream request timeout', 'service_unavailable'],
  ['418 unknown', 418, "I'm a teapot", 'unknown'],
];

function expectReadable(failure: FaceFailure) {
  for (const text of [failure.title, failure.detail, failure.remedy]) {
    expect(text.trim()).not.toBe('');
    expect(text).not.toContain(KEY);
    expect(text).not.toMatch(/<html|<body/i);
  }
}

describe('describeFaceFailure', () => {
  const rows = CASES.map(([label, status, body, kind, field]) => ({ label, status, body, kind, field }));
  test.each(rows)('$label maps to $kind with a remedy and field $field', ({ status, body, kind, field }) => {
    const failure = describeFaceFailure(parseFaceError(status, headers, body));
    expect(failure.kind).toBe(kind);
    expect(failure.field).toBe(field);
    expect(failure.requestId).toBe(headers['apim-request-id']);
    expect(failure.detail).toContain(headers['apim-request-id']);
    expectReadable(failure);
  });

  test('a 401 names both a wrong key and a wrong region or endpoint', () => {
    const failure = describeFaceFailure(
      parseFaceError(
        401,
        headers,
        err(
          '401',
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        ),
      ),
    );
    expect(failure.detail).toMatch(/key/);
    expect(failure.detail).toMatch(/region or endpoint/);
  });

  test('Limited Access says approval is needed and where to apply', () => {
    const body = err('InvalidRequest', 'Invalid request has been sent.', {
      innererror: { code: 'UnsupportedFeature' },
    });
    const failure = describeFaceFailure(parseFaceError(403, headers, body));
    expect(failure.title).toMatch(/Limited Access approval/);
    expect(failure.remedy).toContain('https://aka.ms/facerecognition');
  });

  test('a 429 tells the wait from the message, or from Retry-After', () => {
    const seed = describeFaceFailure(
      parseFaceError(429, {}, err(429, 'Rate limit is exceeded. Try again in 26 seconds.')),
    );
    expect(seed).toMatchObject({ retryAfterSeconds: 26, remedy: 'Wait 26 seconds and try again.' });
    const header = describeFaceFailure(parseFaceError(429, { 'retry-after': '7' }, ''));
    expect(header.retryAfterSeconds).toBe(7);
    expect(header.requestId).toBeUndefined();
    expect(header.detail).not.toMatch(/request id/);
  });

  test('quota wordings old and new get different remedies', () => {
    const calls = describeFaceFailure(
      parseFaceError(403, {}, err(403, 'Out of call volume quota. Quota will be replenished in 2 days.')),
    );
    const groups = describeFaceFailure(
      parseFaceError(403, {}, err('QuotaExceeded', 'Person group number reached subscription level limit.')),
    );
    expect(calls.remedy).not.toBe(groups.remedy);
    expect(groups.remedy).toMatch(/Delete/);
  });

  test('transport errors map to timeout and network with remedies', () => {
    expect(
      describeFaceFailure(new FaceTimeoutError(4000, 'PUT', 'http://x/face/v1.0/persongroups/a')).kind,
    ).toBe('timeout');
    const reset = new FaceNetworkError('PUT', 'http://x', 'ECONNRESET', {
      cause: new Error('socket hang up'),
    });
    expect(describeFaceFailure(reset).kind).toBe('network');
    expectReadable(describeFaceFailure(reset));
  });

  test('an exhausted budget tells when to try again and keeps the last failure kind and request id', () => {
    const last = parseFaceError(429, headers, err(429, 'Rate limit is exceeded. Try again in 21 seconds.'));
    const failure = describeFaceFailure(new FaceBudgetExhaustedError(10000, 2, 21, last, last.requestId));
    expect(failure).toMatchObject({
      kind: 'rate_limited',
      retryAfterSeconds: 21,
      requestId: headers['apim-request-id'],
    });
    expect(failure.remedy).toBe('Try again in 21 seconds.');
    expect(failure.detail).toMatch(/10 s/);
    const timeouts = describeFaceFailure(
      new FaceBudgetExhaustedError(800, 1, undefined, new FaceTimeoutError(800, 'GET', 'u'), undefined),
    );
    expect(timeouts).toMatchObject({ kind: 'timeout', remedy: 'Try again in a minute.' });
  });

  test('refused fields, endpoint errors and unknown values map without crashing', () => {
    const fields = new InvalidPersonGroupFieldsError([{ field: 'name', message: 'required' }]);
    expect(describeFaceFailure(fields)).toMatchObject({ kind: 'bad_argument', field: 'name' });
    expect(describeFaceFailure(new FaceEndpointError('not_https', 'x')).kind).toBe('unknown');
    for (const value of [new Error(`boom ${KEY}`), 'text', undefined, null, 42]) {
      const failure = describeFaceFailure(value);
      expect(failure.kind).toBe('unknown');
      expectReadable(failure);
    }
  });

  test('a failed training reads as the immediate 400 does: add persons and faces first', () => {
    const refused = describeFaceFailure(
      parseFaceError(400, {}, err('BadArgument', 'x'), {
        method: 'POST',
        url: 'https://h/face/v1.0/largepersongroups/a/train',
      }),
    );
    const failed = describeFailedTraining('largePersonGroup');
    expect(failed).toEqual(refused);
    expect(failed).toMatchObject({
      kind: 'nothing_to_train',
      title: expect.stringContaining('large person group'),
    });
  });
});
