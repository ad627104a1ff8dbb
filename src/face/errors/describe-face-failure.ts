import type { FaceFailure, FaceFailureKind } from '../failure';
import { type GroupNoun, FAILURE_MESSAGES as M } from '../messages';
import type { GroupKind, PersonGroupFieldId } from '../types';
import { FaceApiError } from './face-api-error';
import { FaceBudgetExhaustedError } from './face-budget-error';
import { FaceEndpointError } from './face-endpoint-error';
import { FaceNetworkError } from './face-network-error';
import { FaceRedirectError } from './face-redirect-error';
import { FaceTimeoutError } from './face-timeout-error';
import { InvalidPersonGroupFieldsError } from './invalid-fields-error';
import { waitAskedFor } from './retry-after';
import { CODES, isCode, MESSAGE_STARTS, startsWithAny } from './service-answers';

type Text = { title: string; detail: string; remedy: string };
type Described = { kind: FaceFailureKind; text: Text; field?: PersonGroupFieldId };

/** 400s by the documented start of their message: real answers may append "\r\nParameter name: …". */
function describeBadArgument(message: string | undefined): Described {
  const kind = 'bad_argument';
  const starts = (start: string | readonly string[]) => startsWithAny(message, start);
  if (starts(MESSAGE_STARTS.invalidPersonGroupId)) return { kind, text: M.invalidId, field: 'personGroupId' };
  if (starts(MESSAGE_STARTS.nameEmpty)) return { kind, text: M.nameEmpty, field: 'name' };
  if (starts(MESSAGE_STARTS.nameTooLong)) return { kind, text: M.nameTooLong, field: 'name' };
  if (starts(MESSAGE_STARTS.userDataTooLong)) return { kind, text: M.userDataTooLong, field: 'userData' };
  if (starts(MESSAGE_STARTS.recognitionModelInvalid))
    return { kind, text: M.recognitionModelInvalid, field: 'recognitionModel' };
  if (starts(MESSAGE_STARTS.badBody)) return { kind, text: M.badBody };
  if (starts(MESSAGE_STARTS.invalidMediaType))
    return { kind: 'unsupported_media_type', text: M.unsupportedMediaType };
  return { kind, text: M.badArgument };
}

/** A service code fit to show a user: a plain word, never free text from the body. */
function plainCode(code: string | undefined): string | undefined {
  return code !== undefined && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined;
}

/** Limited Access only when the service says so: inner code UnsupportedFeature or its documented message. */
function describeForbidden(error: FaceApiError): Described {
  const { code, innerCode, innerMessage, serviceMessage } = error;
  if (
    isCode(innerCode, CODES.unsupportedFeature) ||
    startsWithAny(innerMessage, MESSAGE_STARTS.unsupportedFeature) ||
    startsWithAny(serviceMessage, MESSAGE_STARTS.unsupportedFeature)
  ) {
    return { kind: 'limited_access', text: M.limitedAccess };
  }
  if (isCode(code, CODES.quotaExceeded) || startsWithAny(serviceMessage, MESSAGE_STARTS.groupQuota)) {
    return { kind: 'quota_exceeded', text: M.groupQuota };
  }
  if (startsWithAny(serviceMessage, MESSAGE_STARTS.callVolumeQuota)) {
    return { kind: 'quota_exceeded', text: M.callQuota };
  }
  return { kind: 'forbidden', text: M.forbidden(plainCode(code)) };
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '';
  try {
    return new URL(url).pathname;
  } catch (error) {
    void error; // Not a URL: no path to read, so no operation to recognise by it.
    return '';
  }
}

/** Large person group when the request went to …/largepersongroups or the code says so. */
function groupNoun(error: FaceApiError): GroupNoun {
  const large =
    pathOf(error.url).includes('/largepersongroups') || error.code?.startsWith('LargePersonGroup');
  return large ? 'large person group' : 'person group';
}

function describeApiError(error: FaceApiError): Described {
  const { status, code } = error;
  const noun = groupNoun(error);
  // A train request has no body: its 400 can only be about the group's content.
  if (status === 400 && /\/train$/.test(pathOf(error.url)))
    return { kind: 'nothing_to_train', text: M.nothingToTrain(noun) };
  if (status === 400) return describeBadArgument(error.serviceMessage);
  if (status === 401) return { kind: 'unauthorized', text: M.unauthorized };
  if (status === 403) return describeForbidden(error);
  if (status === 404) {
    if (isCode(code, CODES.notTrained)) return { kind: 'not_trained', text: M.notTrained(noun) };
    if (isCode(code, CODES.notFound))
      return { kind: 'not_found', text: M.notFound(noun), field: 'personGroupId' };
    return { kind: 'not_found', text: M.notFoundPath };
  }
  if (status === 408) return { kind: 'timeout', text: M.timeout };
  if (status === 409) {
    if (isCode(code, CODES.exists))
      return { kind: 'already_exists', text: M.alreadyExists(noun), field: 'personGroupId' };
    if (isCode(code, CODES.trainingNotFinished))
      return { kind: 'training_running', text: M.trainingNotFinished(noun) };
    return { kind: 'concurrent_conflict', text: M.concurrentConflict };
  }
  if (status === 415) return { kind: 'unsupported_media_type', text: M.unsupportedMediaType };
  if (status === 429) return { kind: 'rate_limited', text: M.rateLimited(error.retryAfterSeconds) };
  if (status >= 500) return { kind: 'service_unavailable', text: M.unavailable(waitAskedFor(error)) };
  return { kind: 'unknown', text: M.unknown };
}

function finish(described: Described, requestId?: string, retryAfterSeconds?: number): FaceFailure {
  const { title, remedy } = described.text;
  const detail = requestId ? `${described.text.detail} ${M.requestId(requestId)}` : described.text.detail;
  const failure: FaceFailure = { kind: described.kind, title, detail, remedy };
  if (described.field !== undefined) failure.field = described.field;
  if (requestId) failure.requestId = requestId;
  if (retryAfterSeconds !== undefined) failure.retryAfterSeconds = retryAfterSeconds;
  return failure;
}

function describeKnown(error: unknown): {
  described: Described;
  requestId?: string;
  retryAfterSeconds?: number;
} {
  if (error instanceof FaceApiError) {
    const described = describeApiError(error);
    const retry = waitAskedFor(error);
    return {
      described,
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
    };
  }
  if (error instanceof FaceTimeoutError) return { described: { kind: 'timeout', text: M.timeout } };
  if (error instanceof FaceRedirectError) {
    return {
      described: { kind: 'redirected', text: M.redirected(error.locationHost) },
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    };
  }
  if (error instanceof FaceEndpointError) return { described: { kind: 'unknown', text: M.endpointInvalid } };
  if (error instanceof FaceNetworkError) return { described: { kind: 'network', text: M.network } };
  if (error instanceof InvalidPersonGroupFieldsError) {
    const field = error.errors[0]?.field;
    return {
      described: { kind: 'bad_argument', text: M.invalidFields, ...(field === undefined ? {} : { field }) },
    };
  }
  return { described: { kind: 'unknown', text: M.unknown } };
}

/**
 * The one mapping from anything a Face call can throw to what a chat user reads: kind, title, detail,
 * remedy, the form field it belongs to, the request id and the wait. Texts come from messages.ts only:
 * never the key, never a raw service body.
 */
export function describeFaceFailure(err: unknown): FaceFailure {
  if (err instanceof FaceBudgetExhaustedError) {
    // The user needs what kept failing (its kind) and, above all, when to try again.
    const last = describeKnown(err.lastError);
    const seconds = err.retryAfterSeconds ?? last.retryAfterSeconds;
    const budget = M.budgetExhausted(seconds);
    const requestId = err.requestId ?? last.requestId;
    const detail = `${last.described.text.detail} ${M.budgetDetail(Math.round(err.budgetMs / 1000))}`;
    const described: Described = {
      ...last.described,
      text: { title: budget.title, detail, remedy: budget.remedy },
    };
    return finish(described, requestId, seconds);
  }
  const known = describeKnown(err);
  return finish(known.described, known.requestId, known.retryAfterSeconds);
}

/**
 * A training whose status ended `failed`. The service documents that as "often caused by no person or no
 * persisted face", and refuses such a training at once (400) elsewhere: both read as one message
 * (`nothing_to_train`). The service's own failure message is for the caller to show as its words.
 */
export function describeFailedTraining(kind: GroupKind): FaceFailure {
  const noun = kind === 'largePersonGroup' ? 'large person group' : 'person group';
  return finish({ kind: 'nothing_to_train', text: M.nothingToTrain(noun) });
}
