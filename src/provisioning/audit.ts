import type { Logger } from '../logger';
import type { AuditEntry, FinishedClaim, WorkspaceStore } from '../store/types';

/**
 * Appends one audit entry. A failing audit write is logged, not thrown: the attempt it records already
 * happened (a group may exist now), and the user must still hear its outcome.
 */
export async function recordAudit(store: WorkspaceStore, logger: Logger, entry: AuditEntry): Promise<void> {
  try {
    await store.appendAudit(entry);
  } catch (error) {
    logger.error(
      // The whole entry (it holds no secret): the log is the record of last resort for this attempt.
      { err: error, ...entry },
      'could not write an audit entry',
    );
  }
}

/**
 * Appends a create's audit entry and stores its claim's result in one write (see claim-coordinator). A
 * failure is logged as recordAudit logs it: waiters on other replicas then fall back to their timeout.
 */
export async function recordAuditAndClaim(
  store: WorkspaceStore,
  logger: Logger,
  claim: FinishedClaim | undefined,
  entry: AuditEntry,
): Promise<void> {
  if (claim === undefined) return recordAudit(store, logger, entry);
  try {
    await store.finishClaimAndAudit(claim, entry);
  } catch (error) {
    logger.error({ err: error, ...entry, claimResultStored: false }, 'could not write an audit entry');
  }
}

/** Milliseconds since `start` (a performance.now() reading), whole. */
export function elapsedMs(start: number): number {
  return Math.round(performance.now() - start);
}
