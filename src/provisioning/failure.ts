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
