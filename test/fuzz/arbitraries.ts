import fc from 'fast-check';

/** Field values a client we do not control may send: text of every kind, sizes, wrong types, nothing. */

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code));

/** Short text mixing printable, control, astral and lone-surrogate characters, and whitespace. */
export const weirdText: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: controlChar },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 2, arbitrary: astral },
    { weight: 1, arbitrary: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u200b', '\ufeff') },
  ),
  maxLength: 40,
});

/** Strings at and around the limits: 64/65-char ids, 128/129-char names, 16 KB of bytes, and over 16 KB. */
export const sizedText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'a'.repeat(64),
    'a'.repeat(65),
    'N'.repeat(128),
    'N'.repeat(129),
    '😀'.repeat(64),
    'x'.repeat(16384),
    'x'.repeat(16385),
    '€'.repeat(5461),
    '€'.repeat(5462),
    '😀'.repeat(4096),
    '😀'.repeat(4097),
    ' '.repeat(20_000),
  ),
  fc.integer({ min: 16_000, max: 40_000 }).map((n) => 'y'.repeat(n)),
);

/** Values of the wrong JSON type for a text field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** A valid personGroupId (sometimes with stray spaces, which the rules trim). */
export const goodId: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[a-z0-9_-]{1,64}$/),
  fc.stringMatching(/^[a-z0-9_-]{1,20}$/).map((id) => `  ${id} `),
);

/** The `missing` marker: the field is left out of the submission. */
export const MISSING = Symbol('missing');
export type FieldValue = unknown | typeof MISSING;

function field(good: fc.Arbitrary<string>): fc.Arbitrary<FieldValue> {
  return fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 3, arbitrary: weirdText },
    { weight: 1, arbitrary: sizedText },
    { weight: 2, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(MISSING) },
  );
}

export interface GeneratedForm {
  personGroupId: FieldValue;
  name: FieldValue;
  userData: FieldValue;
  recognitionModel: FieldValue;
  /** Fields the form does not have (prefixed, so they never shadow a real one or the verb). */
  extra: Record<string, unknown>;
}

/** A create form's submission: each field good, odd, huge, wrongly typed or missing, plus extra fields. */
export const generatedForm: fc.Arbitrary<GeneratedForm> = fc.record({
  personGroupId: field(goodId),
  name: field(fc.string({ minLength: 1, maxLength: 40 })),
  userData: field(fc.string({ maxLength: 200 })),
  recognitionModel: field(
    fc.constantFrom('recognition_01', 'recognition_02', 'recognition_03', 'recognition_04', ''),
  ),
  extra: fc.dictionary(
    fc.string({ maxLength: 8 }).map((key) => `x_${key}`),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  ),
});

/** The form as a plain data object (missing fields left out). */
export function formData(form: GeneratedForm): Record<string, unknown> {
  const data: Record<string, unknown> = { ...form.extra };
  for (const key of ['personGroupId', 'name', 'userData', 'recognitionModel'] as const) {
    if (form[key] !== MISSING) data[key] = form[key];
  }
  return data;
}
