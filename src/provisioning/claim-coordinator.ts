import { setTimeout as sleep } from 'node:timers/promises';
import type { PersonGroupFields } from '../face/types';
import type { Logger } from '../logger';
import type { FinishedClaim, WorkspaceStore } from '../store/types';
import { type Attempt, decodeAttempt, encodeAttempt, outcomeMatches } from './attempt';

/** How a caller came by its attempt: it made the Face call, or it got another caller's result. */
export interface CoordinatedAttempt {
  attempt: Attempt;
  shared: boolean;
  /**
   * The claimant's result, for the caller to store together with its audit entry (the store's
   * finishClaimAndAudit: one write instead of two). Until then waiters keep polling; a claim never
   * finished expires on its own.
   */
  claimToFinish?: FinishedClaim;
}

export interface CoordinationOptions {
  store: WorkspaceStore;
  logger: Logger;
  workspaceId: string;
  fields: PersonGroupFields;
  /** The submission (form and user) asking; only the same submission shares a result. */
  submissionId: string | undefined;
  /** How long this caller may wait for a duplicate on another replica. */
  budgetMs: number;
  pollMs: number;
  /** Makes the Face call; never rejects for a Face problem (those are outcomes). */
  call: () => Promise<Attempt>;
  /** What a waiter answers when the first request has not finished within its budget. */
  onTimeout: () => Attempt;
}

/** A created group is remembered long enough for any late duplicate; a failure only for waiters. */
const KEEP_CREATED_MS = 60_000;
const KEEP_FAILED_MS = 3_000;
/** A claim outlives the Face call's budget, so it never expires under a live claimant. */
const CLAIM_SLACK_MS = 5_000;
/** A waiter starts slightly after the claimant: this grace lets a claimant finishing on budget be heard. */
const WAIT_GRACE_MS = 500;

/**
 * Makes sure (workspace, personGroupId) gets ONE Face call across replicas: the first caller claims it in
 * the store and calls; a busy caller polls for the stored result; a late duplicate of the same fields gets
 * the kept creation (a failure is not repeated to a late retry: that one calls the service again). A request with different fields never takes another's result: it calls the service
 * itself (which answers "already exists" when the group was made).
 */
export async function coordinateCreate(options: CoordinationOptions): Promise<CoordinatedAttempt> {
  const { store, workspaceId, fields } = options;
  const id = fields.personGroupId;
  const deadline = performance.now() + options.budgetMs + WAIT_GRACE_MS;
  for (;;) {
    const claim = await store.claim(workspaceId, id, options.budgetMs + CLAIM_SLACK_MS);
    if (claim.status === 'claimed') return callAsClaimant(options, claim.token);
    if (claim.status === 'done') return useResultOrCall(options, claim.result, 'late');

    // Busy: another request (maybe on another replica) is calling the service for this group.
    for (;;) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) return { attempt: options.onTimeout(), shared: false };
      await sleep(Math.min(options.pollMs, remaining));
      const result = await store.claimResult(workspaceId, id);
      if (result !== undefined) return useResultOrCall(options, result, 'waiter');
      // No result yet: claim again, which takes over a claim released without a result or expired.
      const again = await store.claim(workspaceId, id, options.budgetMs + CLAIM_SLACK_MS);
      if (again.status === 'claimed') return callAsClaimant(options, again.token);
      if (again.status === 'done') return useResultOrCall(options, again.result, 'waiter');
    }
  }
}

/**
 * A waiter (it arrived while the call ran) takes any result of the same request. A late arrival (the call
 * had finished) takes only a creation: after a failure, submitting again is a retry and goes to the service.
 */
async function useResultOrCall(
  options: CoordinationOptions,
  stored: string,
  arrival: 'waiter' | 'late',
): Promise<CoordinatedAttempt> {
  const attempt = decodeAttempt(stored);
  const usable =
    attempt !== undefined &&
    attempt.submissionId !== undefined &&
    attempt.submissionId === options.submissionId &&
    outcomeMatches(attempt.outcome, options.fields) &&
    (arrival === 'waiter' || attempt.outcome.kind === 'created');
  if (usable) return { attempt, shared: true };
  return { attempt: await options.call(), shared: false };
}

async function callAsClaimant(options: CoordinationOptions, token: string): Promise<CoordinatedAttempt> {
  const { store, workspaceId, fields, logger } = options;
  let attempt: Attempt;
  try {
    attempt = { ...(await options.call()) };
    if (options.submissionId !== undefined) attempt.submissionId = options.submissionId;
  } catch (error) {
    await store.releaseClaim(workspaceId, fields.personGroupId, token).catch((releaseError: unknown) => {
      logger.error(
        { err: releaseError, workspaceId },
        'could not release a create claim; it expires on its own',
      );
    });
    throw error;
  }
  const keepMs = attempt.outcome.kind === 'created' ? KEEP_CREATED_MS : KEEP_FAILED_MS;
  const result = encodeAttempt(attempt);
  const claimToFinish = { workspaceId, personGroupId: fields.personGroupId, token, result, keepMs };
  return { attempt, shared: false, claimToFinish };
}
