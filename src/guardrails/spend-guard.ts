/**
 * Guardrails on actions that spend a workspace's Face API quota: per-user and per-workspace limits a
 * minute, counted in the store (shared by replicas), and Face's own pace (see face-pace.ts). Refusals
 * are audited (action `rate_limited`) so admins see them with `persongroup-bot audit`.
 */
import type { Logger } from '../logger';
import { recordAudit } from '../provisioning/audit';
import type { Actor } from '../provisioning/outcome';
import type { AuditPlatform, WindowLimit, WorkspaceStore } from '../store/types';
import type { FacePace } from './face-pace';

/** Face-spending actions a minute; 0 means no limit. */
export interface SpendLimits {
  perUserPerMinute: number;
  perWorkspacePerMinute: number;
}

export type RefusalReason = 'user_limit' | 'workspace_limit' | 'face_asked_to_wait';

export type Admission =
  | { admitted: true }
  /** `limit`: the actions a minute of the limit that was reached (absent for Face's own pace). */
  | { admitted: false; reason: RefusalReason; retryAfterSeconds: number; limit?: number };

export interface SpendRequest {
  workspaceId: string;
  actor: Actor;
  platform: AuditPlatform;
  /** The group the action is about, when it names one (for the audit). */
  personGroupId?: string | undefined;
}

export interface SpendGuard {
  /** Counts one Face-spending action, or refuses it (audited) and says for how long. */
  admit(request: SpendRequest): Promise<Admission>;
  /** Runs an action of `workspaceId` so that a Face 429 during it paces the workspace (FacePace.within). */
  within<T>(workspaceId: string, work: () => Promise<T>): Promise<T>;
}

const MINUTE_MS = 60_000;

export interface SpendGuardDeps {
  store: WorkspaceStore;
  limits: SpendLimits;
  pace: FacePace;
  logger: Logger;
  clock: () => Date;
}

export function createSpendGuard({ store, limits, pace, logger, clock }: SpendGuardDeps): SpendGuard {
  async function decide(request: SpendRequest): Promise<Admission> {
    const waitSeconds = await pace.secondsLeft(request.workspaceId);
    if (waitSeconds > 0)
      return { admitted: false, reason: 'face_asked_to_wait', retryAfterSeconds: waitSeconds };
    const userKey = `user:${request.workspaceId}:${request.actor.id}`;
    const windows: WindowLimit[] = [];
    if (limits.perUserPerMinute > 0)
      windows.push({ key: userKey, limit: limits.perUserPerMinute, windowMs: MINUTE_MS });
    if (limits.perWorkspacePerMinute > 0) {
      const key = `workspace:${request.workspaceId}`;
      windows.push({ key, limit: limits.perWorkspacePerMinute, windowMs: MINUTE_MS });
    }
    if (windows.length === 0) return { admitted: true };
    const admission = await store.admitWithinLimits(windows);
    if (admission.admitted) return admission;
    const byUser = admission.key === userKey;
    return {
      admitted: false,
      reason: byUser ? 'user_limit' : 'workspace_limit',
      retryAfterSeconds: Math.max(1, Math.ceil(admission.retryAfterMs / 1000)),
      limit: byUser ? limits.perUserPerMinute : limits.perWorkspacePerMinute,
    };
  }

  return {
    async admit(request) {
      let admission: Admission;
      try {
        admission = await decide(request);
      } catch (error) {
        // A guardrail must not become an outage: without the store's answer the action goes ahead.
        logger.warn({ err: error, workspaceId: request.workspaceId }, 'could not check the Face API limits');
        return { admitted: true };
      }
      if (!admission.admitted) {
        await recordAudit(store, logger, {
          at: clock(),
          workspaceId: request.workspaceId,
          userId: request.actor.id,
          ...(request.actor.name ? { userName: request.actor.name } : {}),
          platform: request.platform,
          action: 'rate_limited',
          ...(request.personGroupId ? { personGroupId: request.personGroupId } : {}),
          outcome: admission.reason,
        });
      }
      return admission;
    },
    within: (workspaceId, work) => pace.within(workspaceId, work),
  };
}
