/**
 * What the command table does around every command and action: counts it and its time in flight, and
 * for one that spends the workspace's Face quota, asks the guardrails first. A refusal is a notice saying
 * when to try again (the guard has audited it); the Face API is not called.
 */
import { NO_METRICS } from '../metrics/port';
import { noticeReply } from './replies';
import { COMMAND_TEXTS } from './texts';
import type { CommandDeps, Invocation, Reply } from './types';

/** A group id as the Face API allows it: only such a value is worth putting in the audit. */
const GROUP_ID = /^[a-z0-9_-]{1,64}$/;

export interface GuardedRun {
  /** The command's name or the action's verb (a metrics label). */
  label: string;
  spendsFace: boolean;
  /** The group the user named, if any (for the audit of a refusal). */
  personGroupId: unknown;
  run: () => Promise<Reply>;
}

export async function guardedRun(
  invocation: Invocation,
  deps: CommandDeps,
  { label, spendsFace, personGroupId, run }: GuardedRun,
): Promise<Reply> {
  const metrics = deps.metrics ?? NO_METRICS;
  const answered = metrics.commandStarted(invocation.platform, label);
  try {
    const { guard } = deps;
    if (guard === undefined) return await run();
    if (spendsFace) {
      const admission = await guard.admit({
        workspaceId: invocation.workspaceId,
        actor: invocation.actor,
        platform: invocation.platform,
        personGroupId:
          typeof personGroupId === 'string' && GROUP_ID.test(personGroupId) ? personGroupId : undefined,
      });
      if (!admission.admitted) {
        const { title, text } = COMMAND_TEXTS.rateLimited(
          admission.reason,
          admission.retryAfterSeconds,
          admission.limit,
        );
        return noticeReply(title, text);
      }
    }
    return await guard.within(invocation.workspaceId, run);
  } catch (error) {
    metrics.commandFailed(invocation.platform, label);
    throw error;
  } finally {
    answered();
  }
}
