import type { FaceEmulator } from '../../src/emulator';
import { createFaceClient } from '../../src/face/client';
import type { GroupKind } from '../../src/face/types';

const client = createFaceClient({ budgetMs: 5000 });

/** Creates groups straight in the emulator under `key` (as if made in the portal), in parallel. */
export async function seedGroups(
  emulator: FaceEmulator,
  key: string,
  ids: readonly string[],
  kind: GroupKind = 'personGroup',
): Promise<void> {
  const target = { baseUrl: emulator.baseUrl, key };
  await Promise.all(
    ids.map((id) =>
      client.createGroup(target, kind, {
        personGroupId: id,
        name: `Name of ${id}`,
        recognitionModel: 'recognition_04',
      }),
    ),
  );
}

/** Adds `count` persons to a group (POST …/persons). */
export async function seedPersons(
  emulator: FaceEmulator,
  key: string,
  kind: GroupKind,
  id: string,
  count: number,
): Promise<void> {
  const collection = kind === 'largePersonGroup' ? 'largepersongroups' : 'persongroups';
  for (let i = 0; i < count; i += 1) {
    const res = await fetch(`${emulator.baseUrl}/${collection}/${id}/persons`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Ocp-Apim-Subscription-Key': key },
      body: JSON.stringify({ name: `person ${i}` }),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`seeding a person: HTTP ${res.status}`);
  }
}

/** Starts a training (202). */
export function seedTraining(emulator: FaceEmulator, key: string, kind: GroupKind, id: string) {
  return client.train({ baseUrl: emulator.baseUrl, key }, kind, id);
}
