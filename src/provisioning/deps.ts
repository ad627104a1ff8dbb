import type { FaceClient } from '../face/client';
import type { Logger } from '../logger';
import type { WorkspaceStore } from '../store/types';
import type { TrainingPollSettings } from './training';
import type { Sleep } from './training-watch';

/**
 * The Face calls the use cases make: the real `FaceClient` (src/face/client.ts), by the methods used, so
 * a use case depends on what it calls, not on how the client is built.
 */
export type ProvisioningFaceClient = Pick<
  FaceClient,
  | 'createPersonGroup'
  | 'createGroup'
  | 'listPersonGroups'
  | 'listGroups'
  | 'getGroup'
  | 'updateGroup'
  | 'deleteGroup'
  | 'countPersons'
  | 'train'
  | 'getTrainingStatus'
>;

/** Seals and opens stored Face keys (src/store/secret-box.ts `SecretBox` satisfies it). */
export interface KeySealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Everything the provisioning use cases need, passed in by the composition root (main.ts, the CLI). */
export interface ProvisioningDeps {
  store: WorkspaceStore;
  faceClient: ProvisioningFaceClient;
  secretBox: KeySealer;
  logger: Logger;
  clock: () => Date;
  /**
   * Local mode: a workspace without its own key is served by the built-in emulator at `emulatorUrl`
   * (with the per-workspace key `local:<workspaceId>`). Without an emulator URL (e.g. in the CLI) such a
   * workspace is reported as not configured.
   */
  localMode: boolean;
  emulatorUrl?: string | undefined;
  /** FACE_ENDPOINT_OVERRIDE: every call to a configured workspace goes there instead. */
  faceEndpointOverride?: string | undefined;
  /** Total time one create may spend on the Face API (retries and waiting for a duplicate included). */
  budgetMs: number;
  /** How often a duplicate submit on another replica checks for the first one's result (default 100 ms). */
  claimPollMs?: number;
  /** How a training is followed (default 1 s doubling to 15 s, for 2 minutes). */
  trainingPoll?: TrainingPollSettings | undefined;
  /** How a training watch waits between reads (tests pass one that moves their clock). */
  sleep?: Sleep;
}
