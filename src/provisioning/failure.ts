import type { FaceFailure, FaceFailureKind } from '../face/failure';

/**
 * Why a use case did not carry out a request: a Face failure, or one of the bot's own (its database
 * failed, so nothing was done). Described for a chat user like a FaceFailure: what happened, what to do.
 */
export type FailureKind = FaceFailureKind | 'store_unavailable';

export interface Failure extends Omit<FaceFailure, 'kind'> {
  kind: FailureKind;
}

/** Failure kinds after which trying again later may help. */
export const RETRYABLE_KINDS: readonly FailureKind[] = [
  'rate_limited',
  'service_unavailable',
  'timeout',
  'network',
  'concurrent_conflict',
  'store_unavailable',
];

/** Every failure kind, for checks that each one has its message and its README line. */
export const FAILURE_KINDS = [
  'bad_argument',
  'unauthorized',
  'quota_exceeded',
  'limited_access',
  'forbidden',
  'not_found',
  'not_trained',
  'training_running',
  'nothing_to_train',
  'already_exists',
  'concurrent_conflict',
  'unsupported_media_type',
  'rate_limited',
  'service_unavailable',
  'timeout',
  'network',
  'redirected',
  'unknown',
  'store_unavailable',
] as const satisfies readonly FailureKind[];

// Fails to compile when a kind is added to FailureKind without being listed above.
const everyKindListed: Exclude<FailureKind, (typeof FAILURE_KINDS)[number]> extends never ? true : never =
  true;
void everyKindListed;
