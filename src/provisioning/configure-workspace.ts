import { describeFaceFailure } from '../face/errors';
import { StoreUnavailableError } from '../store/errors';
import type { AuditPlatform } from '../store/types';
import { elapsedMs, recordAudit } from './audit';
import { configFormValues, keyHintOf, validateWorkspaceConfig } from './config-rules';
import type { ProvisioningDeps } from './deps';
import { auditErrorCode } from './error-code';
import { storeUnavailableFailure } from './messages';
import type { Actor, ConfigureOutcome } from './outcome';
import { describePlacement, placementBaseUrl } from './workspace-target';

/** A config form's submission (or the CLI's `workspace set`). */
export interface ConfigureRequest {
  workspaceId: string;
  actor: Actor;
  /** Decided by the adapter (BOT_ADMINS, Slack admins and owners; the CLI operator is one). */
  isAdmin: boolean;
  /** Raw values by input id: `region`, `endpoint`, `subscriptionKey`. */
  values: Record<string, unknown>;
  /** Where the request came from, for the audit. */
  platform?: AuditPlatform;
  /** Check the key live before saving (default true); the CLI's `--no-verify` turns it off. */
  verify?: boolean;
}

function outcomeLabel(outcome: ConfigureOutcome, verified: boolean): string {
  if (outcome.kind === 'failed') return `failed:${outcome.failure.kind}`;
  if (outcome.kind === 'configured' && !verified) return 'configured_unverified';
  return outcome.kind;
}

/**
 * Builds the configure use case: refuse non-admins; validate region XOR endpoint and the key; check the
 * key with one cheap call (list, top=1) whose failure saves nothing; then seal, store and audit.
 */
export function configureWorkspaceUseCase(
  deps: ProvisioningDeps,
): (request: ConfigureRequest) => Promise<ConfigureOutcome> {
  async function decide(
    request: ConfigureRequest,
  ): Promise<{ outcome: ConfigureOutcome; errorCode?: string }> {
    const values = configFormValues(request.values);
    if (!request.isAdmin) return { outcome: { kind: 'forbidden', workspaceId: request.workspaceId } };
    const validation = validateWorkspaceConfig(request.values);
    if (!validation.ok) {
      const errorCode = `invalid:${validation.errors.map((error) => error.field).join(',')}`;
      return { outcome: { kind: 'invalid', errors: validation.errors, values }, errorCode };
    }
    const { placement, key } = validation.value;
    if (request.verify !== false) {
      try {
        const target = { baseUrl: placementBaseUrl(placement, deps.faceEndpointOverride), key };
        await deps.faceClient.listPersonGroups(target, { top: 1 });
      } catch (error) {
        const errorCode = auditErrorCode(error);
        deps.logger.warn(
          { err: error, workspaceId: request.workspaceId, errorCode },
          'Face key check failed; nothing saved',
        );
        return { outcome: { kind: 'failed', failure: describeFaceFailure(error), values }, errorCode };
      }
    }
    const keyHint = keyHintOf(key);
    const at = deps.clock();
    await deps.store.putWorkspace({
      workspaceId: request.workspaceId,
      region: placement.region,
      endpoint: placement.endpoint,
      sealedKey: deps.secretBox.seal(key),
      keyHint,
      updatedBy: request.actor.id,
      updatedAt: at,
    });
    deps.logger.info(
      { workspaceId: request.workspaceId, by: request.actor.id },
      'workspace Face settings saved',
    );
    const target = describePlacement(placement, deps.faceEndpointOverride);
    return {
      outcome: {
        kind: 'configured',
        workspaceId: request.workspaceId,
        target,
        keyHint,
        by: request.actor,
        at,
      },
    };
  }

  return async function configureWorkspace(request: ConfigureRequest): Promise<ConfigureOutcome> {
    const start = performance.now();
    let decided: Awaited<ReturnType<typeof decide>>;
    try {
      decided = await decide(request);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      deps.logger.error(
        { err: error, workspaceId: request.workspaceId },
        'the database failed; the Face settings were not saved',
      );
      const values = configFormValues(request.values);
      decided = {
        outcome: { kind: 'failed', failure: storeUnavailableFailure(), values },
        errorCode: 'store_unavailable',
      };
    }
    const { outcome, errorCode } = decided;
    await recordAudit(deps.store, deps.logger, {
      at: deps.clock(),
      workspaceId: request.workspaceId,
      userId: request.actor.id,
      userName: request.actor.name,
      ...(request.platform ? { platform: request.platform } : {}),
      action: 'configure_workspace',
      outcome: outcomeLabel(outcome, request.verify !== false),
      ...(errorCode === undefined ? {} : { errorCode }),
      durationMs: elapsedMs(start),
      ...(outcome.kind === 'failed' && outcome.failure.requestId !== undefined
        ? { requestId: outcome.failure.requestId }
        : {}),
    });
    return outcome;
  };
}
