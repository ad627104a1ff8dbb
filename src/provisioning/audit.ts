import type { Logger } from '../logger';
import type { AuditEntry, WorkspaceStore } from '../store/types';

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

/** Milliseconds since `start` (a performance.now() reading), whole. */
export function elapsedMs(start: number): number {
  return Math.round(performance.now() - start);
}
