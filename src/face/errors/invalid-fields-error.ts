import type { FieldError } from '../types';

/** The client refused to send a request whose fields break the rules (nothing left the process). */
export class InvalidPersonGroupFieldsError extends Error {
  override readonly name = 'InvalidPersonGroupFieldsError';
  constructor(readonly errors: FieldError[]) {
    super(
      `Refused to call the Face API with invalid fields: ${errors.map((error) => error.field).join(', ')}`,
    );
  }
}
