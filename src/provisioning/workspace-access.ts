import { describeFaceFailure, FaceEndpointError } from '../face/errors';
import type { FaceTarget } from '../face/types';
import { StoreUnavailableError } from '../store/errors';
import { SecretDecryptError } from '../store/secret-box';
import type { ProvisioningDeps } from './deps';
import type { Failure } from './failure';
import { storeUnavailableFailure, unreadableKeyFailure } from './messages';
import type { TargetDescription } from './outcome';
import { resolveWorkspace } from './workspace-target';

/** Where a workspace's Face calls go, or why none can be made (for every use case but create). */
export type WorkspaceAccess =
  | { kind: 'target'; target: FaceTarget; description: TargetDescription }
  | { kind: 'not_configured' }
  | { kind: 'failed'; failure: Failure; errorCode: string };

/**
 * Resolves a workspace for one operation: its key and endpoint, the emulator in local mode, or not
 * configured. A stored endpoint this version refuses, an unreadable key and a failing database are
 * failures with a remedy, never exceptions.
 */
export async function accessWorkspace(deps: ProvisioningDeps, workspaceId: string): Promise<WorkspaceAccess> {
  try {
    return await resolveWorkspace(deps, workspaceId);
  } catch (error) {
    if (error instanceof FaceEndpointError) {
      deps.logger.error({ err: error, workspaceId }, 'stored Face endpoint is not usable');
      return { kind: 'failed', failure: describeFaceFailure(error), errorCode: 'endpoint_unusable' };
    }
    if (error instanceof SecretDecryptError) {
      deps.logger.error({ err: error, workspaceId }, 'stored Face key cannot be decrypted');
      return { kind: 'failed', failure: unreadableKeyFailure(), errorCode: 'secret_unreadable' };
    }
    if (error instanceof StoreUnavailableError) {
      deps.logger.error({ err: error, workspaceId }, 'the database failed while resolving the workspace');
      return { kind: 'failed', failure: storeUnavailableFailure(), errorCode: 'store_unavailable' };
    }
    throw error;
  }
}
