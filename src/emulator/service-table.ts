/**
 * The emulator's OWN table of the Face service's codes and messages, verbatim (the seed page,
 * face-api-real-behaviour.md and Microsoft's Face error-code reference). Deliberately not shared with
 * src/face: a client that mis-parses the service's words must fail against the emulator, not agree with it.
 * Two wordings are ours because no recording has them; they say so where they are defined.
 */
export const SERVICE = {
  badArgument: 'BadArgument',
  /** The seed's long create message; the current error table shortens it to its first sentence. */
  invalidPersonGroupIdSeed:
    "Person group ID is invalid. Valid format should be a string composed by numbers, English letters in lower case, '-', '_', and no longer than 64 characters.",
  nameEmpty: "'name' is empty.",
  nameTooLong: "'name' is too long.",
  userDataTooLong: "'userData' is too long.",
  bothEmpty: "Both 'name' and 'userData' are empty.",
  recognitionModelInvalid: "'recognitionModel' is invalid.",
  startTooLong: "'start' is too long.",
  topInvalid: "'top' is invalid.",
  badJson: 'Bad and unrecognizable JSON body.',
  invalidMediaType: 'Invalid Media Type.',
  /** Gateway 401, current wording (numeric-string code). */
  accessDeniedCode: '401',
  accessDenied:
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  /** Gateway 401, the seed's wording (older deployments). */
  accessDeniedSeedCode: 'Unspecified',
  accessDeniedSeed:
    'Access denied due to invalid subscription key. Make sure you are subscribed to an API you are trying to call and provide the right key.',
  quotaExceededCode: 'QuotaExceeded',
  limitedAccessCode: 'InvalidRequest',
  limitedAccess: 'Invalid request has been sent.',
  unsupportedFeatureCode: 'UnsupportedFeature',
  unsupportedFeature:
    'Feature is not supported, missing approval for one or more of the following features: Identification,Verification. Please apply for access at https://aka.ms/facerecognition',
  rateLimitCode: '429',
  rateLimited: (seconds: number): string => `Rate limit is exceeded. Try again in ${seconds} seconds.`,
  rateLimitedRetryAfter: (seconds: number): string =>
    `Requests to the Face API have exceeded rate limit. Please retry after ${seconds} second${seconds === 1 ? '' : 's'}.`,
  rateLimitedBare: 'Rate limit is exceeded.',
  internalErrorCode: 'InternalServerError',
  internalError: 'An internal server error occurred.',
} as const;

/** The words that differ between person groups and large person groups. */
export interface KindWords {
  /** The path segment below /face/v1.0. */
  readonly path: 'persongroups' | 'largepersongroups';
  /** The id's property name in GET and list answers. */
  readonly idField: 'personGroupId' | 'largePersonGroupId';
  /** 400 on create, and 404 (with notFoundCode) on the other operations. */
  readonly invalidId: string;
  readonly notFoundCode: string;
  readonly notFound: string;
  readonly existsCode: string;
  readonly exists: string;
  readonly trainingCode: string;
  readonly training: string;
  readonly notTrainedCode: string;
  readonly notTrained: string;
  readonly groupQuota: string;
  readonly personQuota: string;
  /** Whether PATCH with neither name nor userData is refused (the reference says so for large groups). */
  readonly patchNeedsAField: boolean;
}

export const PERSON_GROUP: KindWords = {
  path: 'persongroups',
  idField: 'personGroupId',
  invalidId: 'Person group ID is invalid.',
  notFoundCode: 'PersonGroupNotFound',
  notFound: 'Person group is not found.',
  existsCode: 'PersonGroupExists',
  exists: 'Person group already exists.',
  trainingCode: 'PersonGroupTrainingNotFinished',
  training: 'Person group is under training.',
  notTrainedCode: 'PersonGroupNotTrained',
  notTrained: 'Person group not trained.',
  groupQuota: 'Person group number reached subscription level limit.',
  personQuota: 'Person number reached person group level limit.',
  patchNeedsAField: false,
};

export const LARGE_PERSON_GROUP: KindWords = {
  path: 'largepersongroups',
  idField: 'largePersonGroupId',
  invalidId: 'Large person group ID is invalid.',
  notFoundCode: 'LargePersonGroupNotFound',
  notFound: 'Large person group is not found.',
  existsCode: 'LargePersonGroupExists',
  exists: 'Large person group already exists.',
  trainingCode: 'LargePersonGroupTrainingNotFinished',
  training: 'Large person group is under training.',
  notTrainedCode: 'LargePersonGroupNotTrained',
  notTrained: 'Large person group not trained.',
  groupQuota: 'Large person group number reached subscription level limit.',
  personQuota: 'Person number reached large person group level limit.',
  patchNeedsAField: true,
};

/**
 * Training a group without persons. The specification only says a `failed` status "is often caused by no
 * person or no persisted face exist in the person group"; no recording has the service's exact words, so
 * these are ours, built from that sentence (a client must match neither by equality).
 */
export const EMPTY_GROUP_TRAINING = {
  failedMessage: 'There is no person or no persisted face in the group.',
  rejectedMessage: 'There is no person or no persisted face in the group to train.',
} as const;

export const KIND_WORDS: Record<KindWords['path'], KindWords> = {
  persongroups: PERSON_GROUP,
  largepersongroups: LARGE_PERSON_GROUP,
};
