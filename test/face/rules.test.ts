import {
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_USER_DATA_BYTES,
  utf8ByteLength,
  validatePersonGroupFields,
} from '../../src/face/rules';
import { RECOGNITION_MODELS } from '../../src/face/types';

const valid = {
  personGroupId: 'team-a_1',
  name: 'Team A',
  userData: 'notes',
  recognitionModel: 'recognition_04',
};

function errorsOf(input: Record<string, unknown>) {
  const result = validatePersonGroupFields(input);
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(input).slice(0, 80)}`);
  return result.errors;
}

function fieldsOf(input: Record<string, unknown>) {
  const result = validatePersonGroupFields(input);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('validatePersonGroupFields', () => {
  test('a valid form yields the fields to send', () => {
    expect(fieldsOf(valid)).toEqual(valid);
  });

  test('the limits are exported as the documented numbers', () => {
    expect([MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_USER_DATA_BYTES]).toEqual([64, 128, 16384]);
  });

  test('an id of 64 characters is accepted and one of 65 is rejected with the rule', () => {
    expect(fieldsOf({ ...valid, personGroupId: 'a'.repeat(64) }).personGroupId).toHaveLength(64);
    const [error] = errorsOf({ ...valid, personGroupId: 'a'.repeat(65) });
    expect(error).toEqual({ field: 'personGroupId', message: "Use 1–64 characters: a–z, 0–9, '-' or '_'." });
  });

  test.each(['a b', 'grp.1', 'grüße', 'x/y', '#'])('the id %p is rejected without a suggestion', (id) => {
    const [error] = errorsOf({ ...valid, personGroupId: id });
    expect(error?.field).toBe('personGroupId');
    expect(error?.suggestion).toBeUndefined();
  });

  test('an upper-case id is rejected with the lower-cased id as a suggestion, not applied', () => {
    const [error] = errorsOf({ ...valid, personGroupId: 'Team-A' });
    expect(error).toMatchObject({ field: 'personGroupId', suggestion: 'team-a' });
    expect(error?.message).toContain("a–z, 0–9, '-' or '_'");
  });

  test('an upper-case id whose lower case is still invalid gets no suggestion', () => {
    const [error] = errorsOf({ ...valid, personGroupId: 'TEAM A' });
    expect(error?.suggestion).toBeUndefined();
  });

  test('surrounding whitespace is trimmed from id and name but kept in userData', () => {
    const fields = fieldsOf({ ...valid, personGroupId: ' grp \n', name: '  Team  ', userData: '  x  ' });
    expect(fields).toMatchObject({ personGroupId: 'grp', name: 'Team', userData: '  x  ' });
  });

  test.each([undefined, null, '', '   '])('an empty id %p is required', (id) => {
    expect(errorsOf({ ...valid, personGroupId: id })[0]?.field).toBe('personGroupId');
  });

  test('a name of 128 characters is accepted and one of 129 is rejected', () => {
    expect(fieldsOf({ ...valid, name: 'n'.repeat(128) }).name).toHaveLength(128);
    expect(errorsOf({ ...valid, name: 'n'.repeat(129) })).toEqual([
      { field: 'name', message: 'The name is 129 characters long; use at most 128.' },
    ]);
  });

  test('a name of 128 multi-byte characters is accepted', () => {
    expect(fieldsOf({ ...valid, name: 'é'.repeat(128) }).name).toHaveLength(128);
  });

  test.each([undefined, null, '', ' \t '])('an empty or whitespace-only name %p is required', (name) => {
    expect(errorsOf({ ...valid, name })).toEqual([
      { field: 'name', message: 'The name is required: 1–128 characters.' },
    ]);
  });

  test('userData of exactly 16384 bytes of two-byte characters is accepted', () => {
    const userData = 'é'.repeat(8192);
    expect(utf8ByteLength(userData)).toBe(16384);
    expect(fieldsOf({ ...valid, userData }).userData).toBe(userData);
  });

  test('userData of 16385 bytes is rejected even though it has fewer characters', () => {
    const userData = `${'é'.repeat(8192)}a`;
    expect(userData.length).toBe(8193);
    expect(errorsOf({ ...valid, userData })).toEqual([
      { field: 'userData', message: 'User data is 16385 bytes (UTF-8); the limit is 16,384 bytes (16 KB).' },
    ]);
  });

  test('userData counts four bytes per emoji', () => {
    expect(fieldsOf({ ...valid, userData: '😀'.repeat(4096) }).userData).toHaveLength(8192);
    expect(errorsOf({ ...valid, userData: `${'😀'.repeat(4096)}x` })[0]?.field).toBe('userData');
  });

  test('userData of 16384 ASCII bytes is accepted and 16385 rejected', () => {
    expect(fieldsOf({ ...valid, userData: 'u'.repeat(16384) }).userData).toHaveLength(16384);
    expect(errorsOf({ ...valid, userData: 'u'.repeat(16385) })[0]?.field).toBe('userData');
  });

  test.each([undefined, null, ''])('an absent or empty userData %p is omitted', (userData) => {
    expect(fieldsOf({ ...valid, userData })).not.toHaveProperty('userData');
  });

  test.each(RECOGNITION_MODELS)('the model %s is accepted', (model) => {
    expect(fieldsOf({ ...valid, recognitionModel: model }).recognitionModel).toBe(model);
  });

  test.each([undefined, null, ''])('a missing model %p defaults to recognition_04', (recognitionModel) => {
    expect(fieldsOf({ ...valid, recognitionModel }).recognitionModel).toBe('recognition_04');
  });

  test.each(['recognition_05', 'RECOGNITION_04', 'detection_01', 4])(
    'the model %p is rejected',
    (recognitionModel) => {
      expect(errorsOf({ ...valid, recognitionModel })).toEqual([
        {
          field: 'recognitionModel',
          message: 'Choose one of recognition_01, recognition_02, recognition_03 or recognition_04.',
        },
      ]);
    },
  );

  test.each([42, { a: 1 }, ['x'], true])(
    'a non-string value %p is a field error for every field',
    (value) => {
      const errors = errorsOf({
        personGroupId: value,
        name: value,
        userData: value,
        recognitionModel: value,
      });
      expect(errors.map((error) => error.field)).toEqual([
        'personGroupId',
        'name',
        'userData',
        'recognitionModel',
      ]);
    },
  );

  test('all broken rules are reported at once in form order', () => {
    const errors = errorsOf({
      personGroupId: 'Bad Id',
      name: '',
      userData: 'x'.repeat(20000),
      recognitionModel: 'nope',
    });
    expect(errors.map((error) => error.field)).toEqual([
      'personGroupId',
      'name',
      'userData',
      'recognitionModel',
    ]);
    expect(errors.every((error) => error.message.length > 0)).toBe(true);
  });

  test('an empty input reports id and name as required and defaults the model', () => {
    expect(errorsOf({}).map((error) => error.field)).toEqual(['personGroupId', 'name']);
  });
});
