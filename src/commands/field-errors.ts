import type { FieldError } from '../face/types';

/** Field errors as one text per input id (several problems of one field joined), for inline display. */
export function fieldErrorMap(errors: readonly FieldError<string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors)
    out[error.field] = out[error.field] ? `${out[error.field]} ${error.message}` : error.message;
  return out;
}
