import { createFaceClient } from '../src/face/client';
import { createLogger } from '../src/logger';
import { createProvisioning } from '../src/provisioning/service';
import { openStore } from '../src/store/open-store';
import { SecretBox } from '../src/store/secret-box';

/**
 * Gives a Slack workspace its own Face key in the bot's database before the bot starts, through the
 * same use case an admin's config form runs (the key is checked against the emulator and sealed).
 */
export async function configureSlackWorkspace(options: {
  databaseUrl: string;
  secretKey: Buffer;
  emulatorUrl: string;
  workspaceId: string;
  faceKey: string;
}): Promise<void> {
  const store = openStore(options.databaseUrl);
  await store.init();
  try {
    const provisioning = createProvisioning({
      store,
      faceClient: createFaceClient(),
      secretBox: new SecretBox({ current: options.secretKey }),
      logger: createLogger({ level: 'silent' }),
      clock: () => new Date(),
      localMode: false,
      faceEndpointOverride: options.emulatorUrl,
      budgetMs: 10_000,
    });
    const outcome = await provisioning.configureWorkspace({
      workspaceId: options.workspaceId,
      actor: { id: 'UBENCH', name: 'bench' },
      isAdmin: true,
      values: { region: 'westus', endpoint: '', subscriptionKey: options.faceKey },
    });
    if (outcome.kind !== 'configured') {
      throw new Error(`configuring ${options.workspaceId} failed: ${JSON.stringify(outcome)}`);
    }
  } finally {
    await store.close();
  }
}
