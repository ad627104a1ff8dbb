/** Groups put straight into the Face emulator (as the portal or another tool would), for the manage tests. */
import type { FaceEmulator } from '../../src/emulator';

/** PUTs a group of either kind with `key`, as any Face client would. */
export async function seedGroup(
  emulator: FaceEmulator,
  key: string,
  id: string,
  options: { large?: boolean; name?: string; userData?: string } = {},
): Promise<void> {
  const collection = options.large ? 'largepersongroups' : 'persongroups';
  const response = await fetch(`${emulator.baseUrl}/${collection}/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'Ocp-Apim-Subscription-Key': key },
    body: JSON.stringify({
      name: options.name ?? `Group ${id}`,
      recognitionModel: 'recognition_04',
      ...(options.userData === undefined ? {} : { userData: options.userData }),
    }),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`seeding ${id}: HTTP ${response.status}`);
}

/** The 409 the service answers while a training of the group runs. */
export const TRAINING_RUNNING_FAULT = {
  kind: 'status' as const,
  status: 409,
  body: {
    error: { code: 'PersonGroupTrainingNotFinished', message: "Person group 'x' is under training." },
  },
};
