/**
 * What the client recognises in the Face service's error answers: codes, and the documented START of each
 * message (real answers may append "\r\nParameter name: name"; match with `startsWith`, never equality).
 * Deliberately apart from the emulator's table of the service's answers: if both shared one list, a client
 * that mis-reads the service would still pass every test against the emulator.
 * Sources: the v1.0 PersonGroup page and reference/face-api-real-behaviour.md.
 */
export const CODES = {
  badArgument: 'BadArgument',
  exists: ['PersonGroupExists', 'LargePersonGroupExists'],
  notFound: ['PersonGroupNotFound', 'LargePersonGroupNotFound'],
  notTrained: ['PersonGroupNotTrained', 'LargePersonGroupNotTrained'],
  trainingNotFinished: ['PersonGroupTrainingNotFinished', 'LargePersonGroupTrainingNotFinished'],
  concurrentConflict: 'ConcurrentOperationConflict',
  quotaExceeded: 'QuotaExceeded',
  /** Limited Access: top-level `InvalidRequest` with this inner code. */
  unsupportedFeature: 'UnsupportedFeature',
} as const;

/** Documented message starts, each as short as still tells it apart. */
export const MESSAGE_STARTS = {
  invalidPersonGroupId: 'Person group ID is invalid',
  nameEmpty: "'name' is empty",
  nameTooLong: "'name' is too long",
  userDataTooLong: "'userData' is too long",
  recognitionModelInvalid: "'recognitionModel' is invalid",
  badBody: ['Bad and unrecognizable JSON body', 'JSON parsing error', 'Request body is invalid'],
  invalidMediaType: 'Invalid Media Type',
  /** Limited Access, the inner message. */
  unsupportedFeature: 'Feature is not supported, missing approval',
  groupQuota: 'Person group number reached subscription level limit',
  callVolumeQuota: 'Out of call volume quota',
} as const;

/** True when `message` begins with one of `starts` (surrounding whitespace ignored). */
export function startsWithAny(message: string | undefined, starts: string | readonly string[]): boolean {
  const text = message?.trim() ?? '';
  return (typeof starts === 'string' ? [starts] : starts).some((start) => text.startsWith(start));
}

/** True when `code` is one of `codes`. */
export function isCode(code: string | undefined, codes: string | readonly string[]): boolean {
  return code !== undefined && (typeof codes === 'string' ? code === codes : codes.includes(code));
}
