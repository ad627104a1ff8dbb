/**
 * The one Face call a floor makes: PUT …/persongroups/{id} with plain undici (its global keep-alive
 * agent), the body read in full. No validation, retries, budget or store: the least a correct bot does.
 */
import { request } from 'undici';

export async function floorCreateGroup(emulatorUrl: string, personGroupId: string): Promise<boolean> {
  const res = await request(`${emulatorUrl}/face/v1.0/persongroups/${encodeURIComponent(personGroupId)}`, {
    method: 'PUT',
    headers: { 'ocp-apim-subscription-key': 'bench-floor-key', 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Group ${personGroupId}`, recognitionModel: 'recognition_04' }),
  });
  await res.body.text();
  return res.statusCode === 200;
}
