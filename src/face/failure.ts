import type { PersonGroupFieldId } from './types';

/** Every way a Face call can fail, as the user needs to tell them apart. */
export type FaceFailureKind =
  | 'bad_argument'
  | 'unauthorized'
  | 'quota_exceeded'
  | 'limited_access'
  /** A 403 that is neither Limited Access nor a quota: the resource refuses (network rules, policy…). */
  | 'forbidden'
  /** The group does not exist (404 PersonGroupNotFound / LargePersonGroupNotFound), or the path is wrong. */
  | 'not_found'
  /** The group exists but was never trained (404 …NotTrained on the training status). */
  | 'not_trained'
  /** A training runs, so the group cannot change, be deleted or be trained again yet (409 …TrainingNotFinished). */
  | 'training_running'
  /** Training refused: the group has no person with a face (400 on …/train). */
  | 'nothing_to_train'
  | 'already_exists'
  | 'concurrent_conflict'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'service_unavailable'
  | 'timeout'
  | 'network'
  /** The endpoint answered with a redirect, which the bot never follows (the key stays with one host). */
  | 'redirected'
  | 'unknown';

/**
 * A Face failure described for a chat user: what happened, what to do next. Produced by one mapping
 * (src/face/errors) from a FaceApiError or a transport error; never holds the key or a raw service body.
 */
export interface FaceFailure {
  kind: FaceFailureKind;
  title: string;
  detail: string;
  remedy: string;
  /** The form field the failure belongs to (e.g. personGroupId for "already exists"). */
  field?: PersonGroupFieldId;
  /** apim-request-id, for Azure support. */
  requestId?: string;
  /** Seconds the user should wait before trying again, when known. */
  retryAfterSeconds?: number;
}
