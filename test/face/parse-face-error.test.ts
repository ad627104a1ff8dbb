import { FaceApiError, parseFaceError } from '../../src/face/errors';

const json = { 'content-type': 'application/json; charset=utf-8', 'apim-request-id': 'req-1' };

describe('parseFaceError', () => {
  test('reads {error:{code,message}} with the request id', () => {
    const error = parseFaceError(
      409,
      json,
      '{"error":{"code":"PersonGroupExists","message":"Person group already exists."}}',
    );
    expect(error).toBeInstanceOf(FaceApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'PersonGroupExists',
      serviceMessage: 'Person group already exists.',
      requestId: 'req-1',
      bodyKind: 'json',
    });
  });

  test('reads a numeric-string gateway code', () => {
    expect(parseFaceError(401, json, '{"error":{"code":"401","message":"Access denied"}}').code).toBe('401');
  });

  test('reads {error:{statusCode,message}} and the wait written in the message', () => {
    const error = parseFaceError(
      429,
      json,
      '{"error":{"statusCode":429,"message":"Rate limit is exceeded. Try again in 26 seconds."}}',
    );
    expect(error).toMatchObject({ code: '429', retryAfterSeconds: 26 });
  });

  test('reads a top-level {statusCode,message}', () => {
    const error = parseFaceError(429, {}, '{"statusCode":429,"message":"Please retry after 1 second."}');
    expect(error).toMatchObject({
      code: '429',
      serviceMessage: 'Please retry after 1 second.',
      retryAfterSeconds: 1,
    });
  });

  test('prefers the Retry-After header over the message, in seconds or as a date', () => {
    const body = '{"error":{"statusCode":429,"message":"Try again in 26 seconds."}}';
    expect(parseFaceError(429, { 'Retry-After': '3' }, body).retryAfterSeconds).toBe(3);
    const headers = new Headers({ 'retry-after': new Date(Date.now() + 5000).toUTCString() });
    expect(parseFaceError(429, headers, body).retryAfterSeconds).toBeGreaterThanOrEqual(4);
  });

  test('reads the Limited Access inner error', () => {
    const body = JSON.stringify({
      error: {
        code: 'InvalidRequest',
        message: 'Invalid request has been sent.',
        innererror: { code: 'UnsupportedFeature', message: 'Feature is not supported …' },
      },
    });
    expect(parseFaceError(403, json, body)).toMatchObject({
      code: 'InvalidRequest',
      innerCode: 'UnsupportedFeature',
    });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['upstream connect error', 'text'],
    ['<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', 'html'],
    ['<!DOCTYPE html><html></html>', 'html'],
    ['[1,2]', 'text'],
    ['null', 'text'],
  ])('never throws on the body %p and classifies it as %s', (body, kind) => {
    const error = parseFaceError(502, {}, body);
    expect(error.bodyKind).toBe(kind);
    expect(error.code).toBeUndefined();
  });

  test('an HTML body never becomes the service message', () => {
    const error = parseFaceError(502, { 'content-type': 'text/html' }, '<p>secret proxy page</p>');
    expect(error.serviceMessage).toBeUndefined();
    expect(error.message).not.toContain('secret proxy page');
  });
});
