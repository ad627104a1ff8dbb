/** The Face layer's errors: classes, the body parser and the one user-facing mapping. */
export { describeFaceFailure, describeFailedTraining } from './describe-face-failure';
export { FaceApiError, type FaceApiErrorInit, type FaceErrorBodyKind } from './face-api-error';
export { FaceBudgetExhaustedError } from './face-budget-error';
export { type EndpointRejection, FaceEndpointError } from './face-endpoint-error';
export { FaceNetworkError } from './face-network-error';
export { FaceRedirectError } from './face-redirect-error';
export { FaceTimeoutError } from './face-timeout-error';
export { InvalidPersonGroupFieldsError } from './invalid-fields-error';
export { type HeaderSource, headerValue, parseFaceError, requestIdOf } from './parse-face-error';
export { retryAfterFromHeader, retryAfterFromMessage, waitAskedFor } from './retry-after';
