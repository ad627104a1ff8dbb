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
      { err: error, workspaceId: entry.workspaceId, action: entry.action, outcome: entry.outcome },
      'could not write an audit entry',
    );
  }
}

/** Milliseconds since `start` (a performance.now() reading), whole. */
export function elapsedMs(start: number): number {
  return Math.round(performance.now() - start);
}
