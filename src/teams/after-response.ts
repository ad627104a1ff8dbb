import { type BotAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

/** Work a turn leaves for after its HTTP answer is sent. */
export type AfterResponseTask = () => Promise<void>;

/** turnState key of the turn's list of after-response tasks (set by the HTTP bridge). */
export const AFTER_RESPONSE_KEY = Symbol('persongroup.afterResponse');

type ClaimsIdentity = Parameters<BotAdapter['continueConversationAsync']>[0];

/**
 * Runs `work` in a new turn of the same conversation once the HTTP answer of this turn has been sent.
 * For work that must not hold an invoke answer: the connector retries a failing update for seconds, and
 * Teams shows "Unable to reach app" when an invoke takes ~15 s. The new turn is built from the incoming
 * request's identity and audience, so it is authenticated exactly like a reply would be.
 */
export function afterResponse(
  context: TurnContext,
  log: Logger,
  work: (turn: TurnContext) => Promise<void>,
): void {
  const tasks = context.turnState.get(AFTER_RESPONSE_KEY) as AfterResponseTask[] | undefined;
  const { adapter } = context;
  const identity = context.turnState.get(adapter.BotIdentityKey) as ClaimsIdentity;
  const audience = context.turnState.get(adapter.OAuthScopeKey) as string;
  const reference = TurnContext.getConversationReference(context.activity);
  const task: AfterResponseTask = () =>
    adapter.continueConversationAsync(identity, reference, audience, work);
  if (tasks) tasks.push(task);
  else {
    // Outside the bridge (no list) there is no response to wait for: run it now, still detached.
    void task().catch((error: unknown) => log.error({ err: error }, 'after-response work failed'));
  }
}

/** Runs the tasks one after another; a failing task is logged and does not stop the others. */
export async function runAfterResponseTasks(tasks: readonly AfterResponseTask[], log: Logger): Promise<void> {
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      log.error({ err: error }, 'after-response work failed');
    }
  }
}
