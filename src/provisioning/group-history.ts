import { StoreUnavailableError } from '../store/errors';
import type { ProvisioningDeps } from './deps';
import type { HistoryOutcome } from './group-outcomes';
import { storeUnavailableFailure } from './messages';

/** One page of `/persongroup history [id]`. */
export interface HistoryRequest {
  workspaceId: string;
  /** Only this group's events. */
  personGroupId?: string;
  /** How many of the newest events to skip (the previous pages). */
  start?: number;
}

export const HISTORY_PAGE_SIZE = 20;

/**
 * Builds the history use case: the workspace's audit events, newest first, a page at a time. It reads
 * only the bot's own database, so it works before the workspace has a Face key.
 */
export function groupHistoryUseCase(deps: Pick<ProvisioningDeps, 'store' | 'logger' | 'clock'>) {
  return async function groupHistory(request: HistoryRequest): Promise<HistoryOutcome> {
    const start = request.start ?? 0;
    try {
      const entries = await deps.store.listAudit({
        workspaceId: request.workspaceId,
        ...(request.personGroupId ? { personGroupId: request.personGroupId } : {}),
        limit: HISTORY_PAGE_SIZE + 1,
        offset: start,
      });
      const page = entries.slice(0, HISTORY_PAGE_SIZE);
      return {
        kind: 'history',
        entries: page,
        start,
        now: deps.clock(),
        ...(entries.length > page.length ? { next: start + page.length } : {}),
        ...(request.personGroupId ? { personGroupId: request.personGroupId } : {}),
      };
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      deps.logger.error({ err: error, workspaceId: request.workspaceId }, 'the audit could not be read');
      return { kind: 'failed', failure: storeUnavailableFailure() };
    }
  };
}
