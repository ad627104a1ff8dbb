import { createFaceClient } from '../../src/face/client';
import { describeFaceFailure, FaceApiError, InvalidPersonGroupFieldsError } from '../../src/face/errors';
import type { FaceTarget, GroupKind } from '../../src/face/types';
import {
  faceError,
  json,
  SCRIPTED_REQUEST_ID,
  type ScriptedServer,
  startScriptedTarget,
} from '../helpers/scripted-face-server';

/** The management operations of both kinds, against a loopback server answering as the service does. */
const KEY = 'groups-key-abcdef1234567890';
let server: ScriptedServer;
let target: FaceTarget;

beforeAll(async () => {
  ({ server, target } = await startScriptedTarget(KEY));
});
afterAll(() => server.close());

function client() {
  const waits: number[] = [];
  const faceClient = createFaceClient({
    budgetMs: 5000,
    timeoutMs: 1000,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { faceClient, waits };
}
const seen = () => server.requests.map((r) => `${r.method} ${r.url}`);
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => describeFaceFailure(error),
  );

const KINDS: [GroupKind, string, string][] = [
  ['personGroup', 'persongroups', 'personGroupId'],
  ['largePersonGroup', 'largepersongroups', 'largePersonGroupId'],
];

describe.each(KINDS)('%s', (kind, collection, idField) => {
  const path = `/face/v1.0/${collection}`;

  test('createGroup PUTs the fields with the key and returns the request id', async () => {
    server.play(json(200));
    const fields = { personGroupId: 'door', name: 'Door', recognitionModel: 'recognition_04' } as const;
    const result = await client().faceClient.createGroup(target, kind, fields);
    expect(result).toEqual({ requestId: SCRIPTED_REQUEST_ID, confirmedAfterConflict: false });
    expect(seen()).toEqual([`PUT ${path}/door`]);
    expect(server.requests[0]?.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      name: 'Door',
      recognitionModel: 'recognition_04',
    });
  });

  test('listGroups pages with start and top and reads each id into groupId', async () => {
    server.play(
      json(200, [{ [idField]: 'b', name: 'B', userData: null, recognitionModel: 'recognition_04' }]),
    );
    const groups = await client().faceClient.listGroups(target, kind, { start: 'a', top: 20 });
    expect(groups).toEqual([
      { kind, groupId: 'b', name: 'B', userData: null, recognitionModel: 'recognition_04' },
    ]);
    expect(seen()).toEqual([`GET ${path}?returnRecognitionModel=true&start=a&top=20`]);
  });

  test('getGroup asks for the recognition model', async () => {
    server.play(
      json(200, { [idField]: 'door', name: 'Door', userData: 'x', recognitionModel: 'recognition_03' }),
    );
    const group = await client().faceClient.getGroup(target, kind, 'door');
    expect(group).toEqual({
      kind,
      groupId: 'door',
      name: 'Door',
      userData: 'x',
      recognitionModel: 'recognition_03',
    });
    expect(seen()).toEqual([`GET ${path}/door?returnRecognitionModel=true`]);
  });

  test('updateGroup PATCHes only what changes', async () => {
    server.play(json(200));
    await expect(
      client().faceClient.updateGroup(target, kind, 'door', { name: ' Front door ' }),
    ).resolves.toEqual({
      requestId: SCRIPTED_REQUEST_ID,
    });
    expect(seen()).toEqual([`PATCH ${path}/door`]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ name: 'Front door' });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  test('deleteGroup DELETEs the group', async () => {
    server.play(json(200));
    await expect(client().faceClient.deleteGroup(target, kind, 'door')).resolves.toEqual({
      requestId: SCRIPTED_REQUEST_ID,
    });
    expect(seen()).toEqual([`DELETE ${path}/door`]);
  });

  test('countPersons lists up to 1000 persons and counts them', async () => {
    server.play(json(200, [{ personId: '1' }, { personId: '2' }, { personId: '3' }]));
    await expect(client().faceClient.countPersons(target, kind, 'door')).resolves.toEqual({
      count: 3,
      capped: false,
      requestId: SCRIPTED_REQUEST_ID,
    });
    expect(seen()).toEqual([`GET ${path}/door/persons?top=1000`]);
  });

  test('train POSTs and returns where to poll; getTrainingStatus reads the status', async () => {
    const location = `${server.baseUrl}/${collection}/door/training`;
    server.play(
      json(202, undefined, { 'operation-location': location }),
      json(200, { status: 'running', createdDateTime: '2026-01-15T09:30:00Z', lastActionDateTime: null }),
    );
    const { faceClient } = client();
    await expect(faceClient.train(target, kind, 'door')).resolves.toEqual({
      requestId: SCRIPTED_REQUEST_ID,
      operationLocation: location,
    });
    await expect(faceClient.getTrainingStatus(target, kind, 'door')).resolves.toMatchObject({
      status: 'running',
    });
    expect(seen()).toEqual([`POST ${path}/door/train`, `GET ${path}/door/training`]);
  });
});

describe('validation before anything is sent', () => {
  test('invalid ids, an empty update and out-of-range pages are refused locally', async () => {
    server.play(json(200));
    const { faceClient } = client();
    await expect(faceClient.getGroup(target, 'largePersonGroup', 'Door')).rejects.toBeInstanceOf(
      InvalidPersonGroupFieldsError,
    );
    await expect(faceClient.updateGroup(target, 'personGroup', 'door', {})).rejects.toBeInstanceOf(
      InvalidPersonGroupFieldsError,
    );
    await expect(
      faceClient.updateGroup(target, 'personGroup', 'door', { name: 'x'.repeat(129) }),
    ).rejects.toBeInstanceOf(InvalidPersonGroupFieldsError);
    await expect(faceClient.countPersons(target, 'personGroup', 'door', 0)).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(faceClient.listGroups(target, 'personGroup', { top: 1001 })).rejects.toBeInstanceOf(
      RangeError,
    );
    expect(server.requests).toEqual([]);
  });

  test('an empty userData is sent, to clear it', async () => {
    server.play(json(200));
    await client().faceClient.updateGroup(target, 'personGroup', 'door', { userData: '' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ userData: '' });
  });

  test('a training status the service does not document is an invalid answer', async () => {
    server.play(json(200, { status: 'paused' }));
    const error = await client()
      .faceClient.getTrainingStatus(target, 'personGroup', 'door')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceApiError);
    expect(error).toMatchObject({ code: 'InvalidResponse' });
  });
});

describe('retries only where a repeat is safe', () => {
  test('a GET is retried after a 500', async () => {
    server.play(faceError(500, 'InternalServerError', 'x'), json(200, []));
    await client().faceClient.listGroups(target, 'personGroup');
    expect(server.requests).toHaveLength(2);
  });

  test.each([
    [
      'PATCH',
      (c: ReturnType<typeof client>['faceClient']) =>
        c.updateGroup(target, 'personGroup', 'door', { name: 'D' }),
    ],
    ['DELETE', (c: ReturnType<typeof client>['faceClient']) => c.deleteGroup(target, 'personGroup', 'door')],
  ])('a %s is not retried after a 500, which may have taken effect', async (_method, run) => {
    server.play(faceError(500, 'InternalServerError', 'x'), json(200));
    const failure = await failureOf(run(client().faceClient));
    expect(failure.kind).toBe('service_unavailable');
    expect(server.requests).toHaveLength(1);
  });

  test('a DELETE is retried after a 503 with the wait it asks for', async () => {
    server.play(json(503, undefined, { 'retry-after': '1' }), json(200));
    const { faceClient, waits } = client();
    await faceClient.deleteGroup(target, 'largePersonGroup', 'door');
    expect(server.requests).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
  });

  test('a train is retried after a 429 but not after a 503', async () => {
    server.play(faceError(429, '429', 'Rate limit is exceeded. Try again in 1 seconds.'), json(202));
    await client().faceClient.train(target, 'personGroup', 'door');
    expect(server.requests).toHaveLength(2);
    server.play(json(503), json(202));
    await failureOf(client().faceClient.train(target, 'personGroup', 'door'));
    expect(server.requests).toHaveLength(1);
  });
});

describe('the service’s answers to management operations', () => {
  test('404 PersonGroupNotFound / LargePersonGroupNotFound say the group does not exist', async () => {
    server.play(faceError(404, 'LargePersonGroupNotFound', "Large person group 'door' is not found."));
    const large = await failureOf(client().faceClient.getGroup(target, 'largePersonGroup', 'door'));
    expect(large).toMatchObject({ kind: 'not_found', title: 'The large person group does not exist' });
    server.play(
      faceError(404, 'PersonGroupNotFound', 'Person group is not found.\r\nParameter name: personGroupId'),
    );
    const plain = await failureOf(client().faceClient.deleteGroup(target, 'personGroup', 'door'));
    expect(plain).toMatchObject({ kind: 'not_found', title: 'The person group does not exist' });
  });

  test('409 PersonGroupTrainingNotFinished is training_running with a remedy to wait', async () => {
    server.play(faceError(409, 'PersonGroupTrainingNotFinished', 'Person group is under training.'));
    const failure = await failureOf(client().faceClient.deleteGroup(target, 'personGroup', 'door'));
    expect(failure).toMatchObject({ kind: 'training_running', requestId: SCRIPTED_REQUEST_ID });
    expect(failure.remedy).toMatch(/Wait for the training to finish/);
  });

  test('409 LargePersonGroupExists is already_exists on the id field', async () => {
    server.play(faceError(409, 'LargePersonGroupExists', 'Large person group already exists.'));
    const fields = { personGroupId: 'door', name: 'Door', recognitionModel: 'recognition_04' } as const;
    const failure = await failureOf(client().faceClient.createGroup(target, 'largePersonGroup', fields));
    expect(failure).toMatchObject({ kind: 'already_exists', field: 'personGroupId' });
  });

  test('a 409 LargePersonGroupExists after an ambiguous failure is confirmed by a GET', async () => {
    const fields = { personGroupId: 'door', name: 'Door', recognitionModel: 'recognition_04' } as const;
    server.play(
      faceError(500, 'InternalServerError', 'x'),
      faceError(409, 'LargePersonGroupExists', 'Large person group already exists.'),
      json(200, {
        largePersonGroupId: 'door',
        name: 'Door',
        userData: null,
        recognitionModel: 'recognition_04',
      }),
    );
    const result = await client().faceClient.createGroup(target, 'largePersonGroup', fields);
    expect(result.confirmedAfterConflict).toBe(true);
    expect(seen().at(-1)).toBe('GET /face/v1.0/largepersongroups/door?returnRecognitionModel=true');
  });

  test('a 400 to a train is nothing_to_train: add persons and faces first', async () => {
    server.play(faceError(400, 'BadArgument', 'There is no person in the person group.'));
    const failure = await failureOf(client().faceClient.train(target, 'personGroup', 'door'));
    expect(failure.kind).toBe('nothing_to_train');
    expect(failure.remedy).toMatch(/Add persons and faces first/);
  });

  test('404 PersonGroupNotTrained on the status is not_trained, not a missing group', async () => {
    server.play(faceError(404, 'PersonGroupNotTrained', 'Person group not trained.'));
    const failure = await failureOf(client().faceClient.getTrainingStatus(target, 'personGroup', 'door'));
    expect(failure.kind).toBe('not_trained');
  });
});
