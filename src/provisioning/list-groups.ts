import { describeFaceFailure } from '../face/errors';
import { type FaceGroup, type FaceTarget, GROUP_KINDS, type GroupKind } from '../face/types';
import type { ProvisioningDeps } from './deps';
import { mergeById, pastPrefix, startBefore, takePage } from './group-id-order';
import type { GroupTotal, ListOutcome } from './group-outcomes';
import { accessWorkspace } from './workspace-access';

/** One page of `/persongroup list [prefix]`. */
export interface ListRequest {
  workspaceId: string;
  /** Only ids that start with it ('' for all). */
  prefix?: string;
  /** The last id of the previous page (exclusive); absent for the first page, which also counts. */
  start?: string;
  /** Rows a page (1..1000); the chat's 20 by default. The CLI reads 1000 at a time. */
  pageSize?: number;
}

/** The sizes of a list: rows a page, how far the first page counts, and the service's `top`. */
export interface ListLimits {
  pageSize: number;
  countCap: number;
  top: number;
}

export const LIST_LIMITS: ListLimits = { pageSize: 20, countCap: 10_000, top: 1000 };

/** What one kind's scan found: the first rows to show and how many matched, up to the cap. */
interface KindScan {
  rows: FaceGroup[];
  matched: number;
}

/**
 * Builds the list use case. The first page reads each kind in pages of `top` and counts as it goes,
 * stopping at `countCap + 1` groups in all: with 1,000 a call that is at most 11 calls for the first kind
 * and then one for the other (the rows it shows), so a huge resource costs a bounded number of calls
 * (F0 allows 20 a minute). Later pages read `pageSize + 1` of each kind after `start`.
 */
export function listGroupsUseCase(deps: ProvisioningDeps, limits: ListLimits = LIST_LIMITS) {
  /** Reads `kind` from `start`, keeping matches of `prefix`, until `want` rows and `countTo` matches are seen. */
  async function scan(
    target: FaceTarget,
    kind: GroupKind,
    prefix: string,
    start: string | undefined,
    top: number,
    countTo: number,
    pageSize: number,
  ): Promise<KindScan> {
    const rows: FaceGroup[] = [];
    let matched = 0;
    let cursor = start;
    for (;;) {
      const page = await deps.faceClient.listGroups(
        target,
        kind,
        { ...(cursor === undefined ? {} : { start: cursor }), top },
        { budgetMs: deps.budgetMs },
      );
      for (const group of page) {
        if (pastPrefix(group.groupId, prefix)) return { rows, matched };
        if (!group.groupId.startsWith(prefix)) continue;
        matched += 1;
        if (rows.length <= pageSize) rows.push(group);
      }
      const last = page.at(-1);
      if (page.length < top || last === undefined || matched >= countTo) return { rows, matched };
      cursor = last.groupId;
    }
  }

  return async function listGroups(request: ListRequest): Promise<ListOutcome> {
    const access = await accessWorkspace(deps, request.workspaceId);
    if (access.kind !== 'target') return access;
    const prefix = request.prefix ?? '';
    const first = request.start === undefined;
    const start = request.start ?? startBefore(prefix);
    const pageSize = Math.min(Math.max(1, Math.trunc(request.pageSize ?? limits.pageSize)), limits.top - 1);
    try {
      const scans: KindScan[] = [];
      let counted = 0;
      for (const kind of GROUP_KINDS) {
        // Later pages need one row beyond the page (is there more?); the first page also counts.
        const scanned = first
          ? await scan(
              access.target,
              kind,
              prefix,
              start,
              limits.top,
              limits.countCap + 1 - counted,
              pageSize,
            )
          : await scan(access.target, kind, prefix, start, pageSize + 1, 0, pageSize);
        counted += scanned.matched;
        scans.push(scanned);
      }
      const merged = mergeById(scans[0]?.rows ?? [], scans[1]?.rows ?? []);
      const groups = takePage(merged, pageSize);
      const outcome: Extract<ListOutcome, { kind: 'listed' }> = {
        kind: 'listed',
        groups,
        prefix,
        target: access.description,
      };
      const last = groups.at(-1);
      if (merged.length > groups.length && last) outcome.next = last.groupId;
      if (first) outcome.total = totalOf(counted, limits.countCap);
      return outcome;
    } catch (error) {
      const failure = describeFaceFailure(error);
      deps.logger.warn({ err: error, workspaceId: request.workspaceId, kind: failure.kind }, 'list failed');
      return { kind: 'failed', failure };
    }
  };
}

function totalOf(counted: number, cap: number): GroupTotal {
  return counted > cap ? { count: cap, capped: true } : { count: counted, capped: false };
}
