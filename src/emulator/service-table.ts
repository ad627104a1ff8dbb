/**
 * The emulator's OWN table of the Face service's codes and messages, verbatim (the seed page,
 * face-api-real-behaviour.md and Microsoft's Face error-code reference). Deliberately not shared with
 * src/face: a client that mis-parses the service's words must fail against the emulator, not agree with it.
 */
export const SERVICE = {
  badArgument: 'BadArgument',
  /** The seed's long create message; the current error table shortens it to its first sentence. */
  invalidPersonGroupId:
    "Person group ID is invalid. Valid format should be a string composed by numbers, English letters in lower case, '-', '_', and no longer than 64 characters.",
  invalidPersonGroupIdPrefix: 'Person group ID is invalid.',
  nameEmpty: "'name' is empty.",
  nameTooLong: "'name' is too long.",
  userDataTooLong: "'userData' is too long.",
  recognitionModelInvalid: "'recognitionModel' is invalid.",
  badJson: 'Bad and unrecognizable JSON body.',
  jsonParsing: 'JSON parsing error.',
  bodyInvalid: 'Request body is invalid.',
  invalidMediaType: 'Invalid Media Type.',
  /** Gateway 401, current wording (numeric-string code). */
  accessDeniedCode: '401',
  accessDenied:
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  /** Gateway 401, the seed's wording (older deployments). */
  accessDeniedOldCode: 'Unspecified',
  accessDeniedOld:
    'Access denied due to invalid subscription key. Make sure you are subscribed to an API you are trying to call and provide the right key.',
  callVolumeQuota: 'Out of call volume quota. Quota will be replenished in 2 days.',
  quotaExceededCode: 'QuotaExceeded',
  groupQuota: 'Person group number reached subscription level limit.',
  limitedAccessCode: 'InvalidRequest',
  limitedAccess: 'Invalid request has been sent.',
  unsupportedFeatureCode: 'UnsupportedFeature',
  unsupportedFeature:
    'Feature is not supported, missing approval for one or more of the following features: Identification,Verification. Please apply for access at https://aka.ms/facerecognition',
  notFoundCode: 'PersonGroupNotFound',
  notFound: 'Person group is not found.',
  notTrainedCode: 'PersonGroupNotTrained',
  notTrained: 'Person group not trained.',
  existsCode: 'PersonGroupExists',
  exists: 'Person group already exists.',
  conflictCode: 'ConcurrentOperationConflict',
  conflict: 'Concurrent operation conflict on requested resource.',
  trainingCode: 'PersonGroupTrainingNotFinished',
  training: 'Person group is under training.',
  rateLimited: (seconds: number): string => `Rate limit is exceeded. Try again in ${seconds} seconds.`,
  rateLimitedRetryAfter: (seconds: number): string =>
    `Requests to the Face API have exceeded rate limit. Please retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
  rateLimitedBare: 'Rate limit is exceeded.',
} as const;
