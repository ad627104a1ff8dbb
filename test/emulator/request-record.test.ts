import { type FaceEmulator, startFaceEmulator } from '../../src/emulator';
import { caller } from './face-call';

const KEY = 'record-key-do-not-log';
let emulator: FaceEmulator;
const call = caller(() => emulator, KEY);
afterEach(() => emulator.close());

test('the record holds key ids and the request as sent, never the key', async () => {
  emulator = await startFaceEmulator({ keys: [KEY] });
  await call('PUT', '/persongroups/rec', { body: { name: 'n' } });
  const [entry] = emulator.requests;
  expect(entry).toEqual({
    method: 'PUT',
    path: '/face/v1.0/persongroups/rec',
    keyPresent: true,
    keyId: emulator.keyId(KEY),
    contentType: 'application/json',
    body: '{"name":"n"}',
    status: 200,
  });
  expect(JSON.stringify(emulator.requests)).not.toContain(KEY);
});

test('the record keeps only the last recordLimit requests, oldest first', async () => {
  emulator = await startFaceEmulator({ keys: [KEY], recordLimit: 3 });
  for (const id of ['a', 'b', 'c', 'd', 'e']) await call('GET', `/persongroups/${id}`);
  expect(emulator.requests.map((r) => r.path)).toEqual([
    '/face/v1.0/persongroups/c',
    '/face/v1.0/persongroups/d',
    '/face/v1.0/persongroups/e',
  ]);
});

test('the record is bounded at 1000 by default', async () => {
  emulator = await startFaceEmulator({ keys: [KEY] });
  for (let i = 0; i < 1005; i += 1) await call('GET', `/persongroups/g${i}`);
  const paths = emulator.requests.map((r) => r.path);
  expect(paths).toHaveLength(1000);
  expect(paths[0]).toBe('/face/v1.0/persongroups/g5');
  expect(paths.at(-1)).toBe('/face/v1.0/persongroups/g1004');
});

test('a reset empties the record, and it fills again from the start', async () => {
  emulator = await startFaceEmulator({ keys: [KEY], recordLimit: 2 });
  for (const id of ['a', 'b', 'c']) await call('GET', `/persongroups/${id}`);
  emulator.reset();
  expect(emulator.requests).toEqual([]);
  await call('GET', '/persongroups/z');
  expect(emulator.requests.map((r) => r.path)).toEqual(['/face/v1.0/persongroups/z']);
});

test('a record limit below 1 is refused at start', async () => {
  emulator = await startFaceEmulator();
  await expect(startFaceEmulator({ recordLimit: 0 })).rejects.toThrow(RangeError);
});
