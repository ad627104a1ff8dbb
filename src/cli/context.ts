import { type Config, loadConfig } from '../config';
import { createFaceClient } from '../face/client';
import { createLogger, type Logger } from '../logger';
import type { Actor } from '../provisioning/outcome';
import { createProvisioning, type Provisioning } from '../provisioning/service';
import { loadOrCreateLocalSecret } from '../store/local-secret';
import { openStore } from '../store/open-store';
import { SecretBox } from '../store/secret-box';
import type { WorkspaceStore } from '../store/types';
import type { CliIo } from './io';

/** Who the audit names for operator commands. */
export const OPERATOR: Actor = { id: 'cli', name: 'operator' };

/** What the store commands work with; `close()` releases the database. */
export interface CliContext {
  config: Config;
  store: WorkspaceStore;
  secretBox: SecretBox;
  provisioning: Provisioning;
  logger: Logger;
  close(): Promise<void>;
}

/** The secrets that seal keys: SECRET_KEY (or local mode's generated one) and SECRET_KEY_PREVIOUS. */
export function secretBoxFor(config: Config): SecretBox {
  const current = config.secretKey ?? loadOrCreateLocalSecret(config.dataDir);
  return new SecretBox({
    current,
    ...(config.secretKeyPrevious === undefined ? {} : { previous: config.secretKeyPrevious }),
  });
}

/** A logger for CLI commands: errors only, on stderr, so stdout stays the command's answer. */
export function cliLogger(io: Pick<CliIo, 'stderr'>): Logger {
  return createLogger({ level: 'error', destination: { write: (line: string) => io.stderr.write(line) } });
}

/**
 * Reads the configuration (the same environment as the server) and opens the store. The CLI never
 * serves creates, so local mode's emulator is not started here.
 */
export async function openCliContext(io: CliIo): Promise<CliContext> {
  const config = loadConfig(io.env);
  const secretBox = secretBoxFor(config);
  const logger = cliLogger(io);
  const store = openStore(config.databaseUrl);
  try {
    await store.init();
  } catch (error) {
    await store.close();
    throw error;
  }
  const provisioning = createProvisioning({
    store,
    faceClient: createFaceClient({ budgetMs: config.faceBudgetMs }),
    secretBox,
    logger,
    clock: () => new Date(),
    localMode: config.localMode,
    faceEndpointOverride: config.faceEndpointOverride,
    budgetMs: config.faceBudgetMs,
  });
  return { config, store, secretBox, provisioning, logger, close: () => store.close() };
}

/** Runs `body` with an open context and always closes the store. */
export async function withContext<T>(io: CliIo, body: (context: CliContext) => Promise<T>): Promise<T> {
  const context = await openCliContext(io);
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}
