import type { EmulatorRequest } from '../../src/emulator';
import { validatePersonGroupFields } from '../../src/face/rules';

/** The seed's rules, written out again here so a bug in src/face/rules.ts cannot hide itself. */
const SEED_ID = /^[a-z0-9_-]{1,64}$/;
const SEED_MODELS = ['recognition_01', 'recognition_02', 'recognition_03', 'recognition_04'];
const BODY_KEYS = new Set(['name', 'userData', 'recognitionModel']);
const GROUP_PATH = /^\/face\/v1\.0\/persongroups\/([^/?]*)(\?.*)?$/;
const LIST_PATH = /^\/face\/v1\.0\/persongroups(\?.*)?$/;

/**
 * Why one Face request the bot made breaks the rules, or undefined when it is valid: a create (PUT) must
 * carry a valid id in the path and a JSON body `{name, userData?, recognitionModel}` that passes both
 * validatePersonGroupFields (unchanged by it) and the seed's rules; a GET names a valid id or lists.
 */
export function faceCallProblem(request: EmulatorRequest): string | undefined {
  if (request.method === 'GET') {
    if (LIST_PATH.test(request.path)) return undefined;
    const id = decodeURIComponent(GROUP_PATH.exec(request.path)?.[1] ?? '');
    return SEED_ID.test(id) ? undefined : `GET of an invalid id ${JSON.stringify(id)}`;
  }
  if (request.method !== 'PUT') return `unexpected ${request.method} ${request.path}`;
  const id = decodeURIComponent(GROUP_PATH.exec(request.path)?.[1] ?? '');
  if (!SEED_ID.test(id)) return `PUT with an invalid id ${JSON.stringify(id)}`;
  if (!request.contentType?.startsWith('application/json'))
    return `PUT with content-type ${request.contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch (error) {
    return `PUT body is not JSON (${(error as Error).message})`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'PUT body is not an object';
  const fields = body as Record<string, unknown>;
  const extra = Object.keys(fields).filter((key) => !BODY_KEYS.has(key));
  if (extra.length > 0) return `PUT body has extra keys ${extra.join(', ')}`;
  const { name, userData, recognitionModel } = fields;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 128)
    return `bad name ${JSON.stringify(name)}`;
  if (userData !== undefined && (typeof userData !== 'string' || Buffer.byteLength(userData) > 16384))
    return `bad userData (${typeof userData}, ${Buffer.byteLength(String(userData))} bytes)`;
  if (typeof recognitionModel !== 'string' || !SEED_MODELS.includes(recognitionModel))
    return `bad recognitionModel ${JSON.stringify(recognitionModel)}`;
  const checked = validatePersonGroupFields({ personGroupId: id, ...fields });
  if (!checked.ok) return `fails validatePersonGroupFields: ${JSON.stringify(checked.errors)}`;
  const sent: Record<string, unknown> = { personGroupId: id, ...fields };
  const normalised: Record<string, unknown> = { ...checked.value };
  const keys = new Set([...Object.keys(sent), ...Object.keys(normalised)]);
  for (const key of keys) {
    if (sent[key] !== normalised[key]) return `sent ${key} differs from its validated value`;
  }
  return undefined;
}

/** Every Face request in `requests` that breaks the rules, described. */
export function invalidFaceCalls(requests: readonly EmulatorRequest[]): string[] {
  return requests.flatMap((request) => {
    const problem = faceCallProblem(request);
    return problem ? [`${request.method} ${request.path.slice(0, 120)}: ${problem}`] : [];
  });
}
