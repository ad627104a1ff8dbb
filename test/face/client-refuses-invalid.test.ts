import fc from 'fast-check';
import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { createFaceClient } from '../../src/face/client';
import { InvalidPersonGroupFieldsError } from '../../src/face/errors';
import type { PersonGroupFields } from '../../src/face/types';

const KEY = 'property-test-key';
let emulator: FaceEmulator;

beforeAll(async () => {
  emulator = await startFaceEmulator();
});
afterAll(() => emulator.close());

/** Values near every rule's edge, plus wrong types. */
const idArb = fc.oneof(
  fc.stringMatching(/^[a-z0-9_-]{1,64}$/),
  fc.string({ maxLength: 70 }),
  fc.constantFrom('a'.repeat(64), 'a'.repeat(65), 'Upper', ' spaced ', '', 'é'),
  fc.integer(),
);
const nameArb = fc.oneof(
  fc.string({ maxLength: 140 }),
  fc.constantFrom('n'.repeat(128), 'n'.repeat(129), '   ', '😀'.repeat(64), '😀'.repeat(65)),
  fc.constant(null),
);
const userDataArb = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('é'.repeat(8192), `${'é'.repeat(8192)}a`, 'u'.repeat(16385)),
  fc.array(fc.string()),
);
const modelArb = fc.oneof(
  fc.constantFrom(
    'recognition_01',
    'recognition_02',
    'recognition_03',
    'recognition_04',
    'recognition_05',
    '',
  ),
  fc.string({ maxLength: 16 }),
);

test('no request with an invalid field ever leaves the client: the emulator never answers 400 to it', async () => {
  const client = createFaceClient({ timeoutMs: 2000, budgetMs: 4000 });
  const target = { baseUrl: emulator.baseUrl, key: KEY };
  await fc.assert(
    fc.asyncProperty(
      idArb,
      nameArb,
      userDataArb,
      modelArb,
      async (personGroupId, name, userData, recognitionModel) => {
        emulator.reset();
        const fields = { personGroupId, name, userData, recognitionModel } as unknown as PersonGroupFields;
        const outcome = await client.createPersonGroup(target, fields).then(
          () => 'sent',
          (error: unknown) => {
            if (error instanceof InvalidPersonGroupFieldsError) return 'refused';
            throw error;
          },
        );
        const answered = emulator.requests.map((request) => request.status);
        expect(answered).toEqual(outcome === 'refused' ? [] : [200]);
      },
    ),
    { numRuns: 150 },
  );
});
