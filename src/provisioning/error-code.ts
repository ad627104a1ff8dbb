import {
  FaceApiError,
  FaceBudgetExhaustedError,
  FaceEndpointError,
  FaceNetworkError,
  FaceTimeoutError,
} from '../face/errors';

/**
 * The most precise code a failed Face call left, for the audit: the service's code (and inner code,
 * e.g. `InvalidRequest/UnsupportedFeature`), else the HTTP status, the socket code, or the error's name.
 */
export function auditErrorCode(error: unknown): string {
  if (error instanceof FaceBudgetExhaustedError) return auditErrorCode(error.lastError);
  if (error instanceof FaceApiError) {
    const code = [error.code, error.innerCode].filter((part) => part !== undefined && part !== '').join('/');
    return code === '' ? `http_${error.status}` : code;
  }
  if (error instanceof FaceTimeoutError) return 'timeout';
  if (error instanceof FaceNetworkError) return error.code ?? 'network';
  if (error instanceof FaceEndpointError) return `endpoint_${error.reason}`;
  if (error instanceof Error) return error.name;
  return 'unknown';
}
