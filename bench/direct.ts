import { createFaceClient } from '../src/face/client';
import { type Percentiles, percentiles } from './stats';

/**
 * The floor every chat path stands on: createFaceClient().createPersonGroup against the emulator, one
 * call at a time, from the load generator's process. Warm-up calls are not counted.
 */
export async function measureDirectCreate(
  emulatorUrl: string,
  options: { warmup: number; calls: number },
): Promise<Percentiles & { calls: number }> {
  const client = createFaceClient();
  const target = { baseUrl: `${emulatorUrl}/face/v1.0`, key: 'bench-direct-key' };
  const latencies: number[] = [];
  for (let n = 0; n < options.warmup + options.calls; n++) {
    const fields = {
      personGroupId: `direct-${n}`,
      name: `Group ${n}`,
      recognitionModel: 'recognition_04' as const,
    };
    const started = performance.now();
    await client.createPersonGroup(target, fields);
    if (n >= options.warmup) latencies.push(performance.now() - started);
  }
  return { ...percentiles(latencies), calls: latencies.length };
}
