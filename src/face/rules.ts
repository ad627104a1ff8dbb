/**
 * The Face API's PersonGroup rules, checked before any request leaves the bot.
 *
 * Decisions (the service documents none of these; we chose the reading that never lets a request fail):
 * - personGroupId and name are trimmed of surrounding whitespace: chat inputs pick up stray spaces, and a
 *   space can never be part of a valid id. A whitespace-only name counts as empty. userData is kept as typed.
 * - Upper-case ids are rejected (the service rejects them too). The lower-cased id is offered as a
 *   `suggestion`, never applied.
 * - name length counts UTF-16 code units (what .NET's string length counts, and ≥ the code-point count).
 * - userData counts UTF-8 bytes against 16,384 (16 × 1024): stricter than counting characters.
 * - An empty userData is omitted. A missing or empty recognitionModel becomes recognition_04 (the form
 *   always sends one); an unknown one is an error.
 * - Values that are not strings (numbers, objects, arrays) are field errors, never exceptions.
 */
import { FIELD_MESSAGES } from './messages';
import {
  type FieldError,
  type GroupChanges,
  type PersonGroupFields,
  RECOGNITION_MODELS,
  RECOMMENDED_RECOGNITION_MODEL,
  type RecognitionModel,
} from './types';

export const MAX_ID_LENGTH = 64;
export const MAX_NAME_LENGTH = 128;
export const MAX_USER_DATA_BYTES = 16384;
export const PERSON_GROUP_ID_PATTERN = /^[a-z0-9_-]{1,64}$/;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Number of bytes `text` takes in UTF-8 (what goes over the wire). */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** Checks one personGroupId; returns the trimmed id or the error (with a lower-case suggestion). */
export function checkPersonGroupId(
  value: unknown,
): { ok: true; value: string } | { ok: false; error: FieldError } {
  const field = 'personGroupId';
  if (isAbsent(value)) return { ok: false, error: { field, message: FIELD_MESSAGES.idRequired } };
  if (typeof value !== 'string')
    return { ok: false, error: { field, message: FIELD_MESSAGES.notText('ID') } };
  const id = value.trim();
  if (id === '') return { ok: false, error: { field, message: FIELD_MESSAGES.idRequired } };
  if (PERSON_GROUP_ID_PATTERN.test(id)) return { ok: true, value: id };
  const lower = id.toLowerCase();
  if (lower !== id && PERSON_GROUP_ID_PATTERN.test(lower)) {
    return { ok: false, error: { field, message: FIELD_MESSAGES.idUpperCase(lower), suggestion: lower } };
  }
  return { ok: false, error: { field, message: FIELD_MESSAGES.idRule } };
}

function checkName(value: unknown): string | FieldError {
  const field = 'name';
  if (isAbsent(value)) return { field, message: FIELD_MESSAGES.nameRequired };
  if (typeof value !== 'string') return { field, message: FIELD_MESSAGES.notText('name') };
  const name = value.trim();
  if (name === '') return { field, message: FIELD_MESSAGES.nameRequired };
  if (name.length > MAX_NAME_LENGTH) return { field, message: FIELD_MESSAGES.nameTooLong(name.length) };
  return name;
}

function checkUserData(value: unknown): string | undefined | FieldError {
  const field = 'userData';
  if (isAbsent(value) || value === '') return undefined;
  if (typeof value !== 'string') return { field, message: FIELD_MESSAGES.notText('user data') };
  const bytes = utf8ByteLength(value);
  if (bytes > MAX_USER_DATA_BYTES) return { field, message: FIELD_MESSAGES.userDataTooLong(bytes) };
  return value;
}

/** True when `value` is one of the four recognition models. */
export function isRecognitionModel(value: unknown): value is RecognitionModel {
  return typeof value === 'string' && (RECOGNITION_MODELS as readonly string[]).includes(value);
}

function checkModel(value: unknown): RecognitionModel | FieldError {
  if (isAbsent(value) || value === '') return RECOMMENDED_RECOGNITION_MODEL;
  if (isRecognitionModel(value)) return value;
  return { field: 'recognitionModel', message: FIELD_MESSAGES.recognitionModelInvalid };
}

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && 'field' in value && 'message' in value;
}

/**
 * Validates a create form's raw values. Returns every broken rule at once (in form order), or the
 * normalised fields ready to send.
 */
export function validatePersonGroupFields(input: Record<string, unknown>): Validation<PersonGroupFields> {
  const errors: FieldError[] = [];
  const id = checkPersonGroupId(input.personGroupId);
  if (!id.ok) errors.push(id.error);
  const name = checkName(input.name);
  if (isFieldError(name)) errors.push(name);
  const userData = checkUserData(input.userData);
  if (isFieldError(userData)) errors.push(userData);
  const model = checkModel(input.recognitionModel);
  if (isFieldError(model)) errors.push(model);

  if (!id.ok || isFieldError(name) || isFieldError(userData) || isFieldError(model))
    return { ok: false, errors };
  const value: PersonGroupFields = { personGroupId: id.value, name, recognitionModel: model };
  if (userData !== undefined) value.userData = userData;
  return { ok: true, value };
}

/**
 * Validates an update (PATCH): name and userData by the create rules, each only when given. An empty
 * userData is kept (it clears the stored one). Nothing to change is an error: the service refuses it too.
 */
export function validateGroupChanges(input: GroupChanges): Validation<GroupChanges> {
  const errors: FieldError[] = [];
  const value: GroupChanges = {};
  if (input.name !== undefined) {
    const name = checkName(input.name);
    if (isFieldError(name)) errors.push(name);
    else value.name = name;
  }
  if (input.userData === '') value.userData = '';
  else if (input.userData !== undefined) {
    const userData = checkUserData(input.userData);
    if (isFieldError(userData)) errors.push(userData);
    else if (userData !== undefined) value.userData = userData;
  }
  if (errors.length === 0 && value.name === undefined && value.userData === undefined) {
    errors.push({ field: 'name', message: FIELD_MESSAGES.nothingToChange });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
