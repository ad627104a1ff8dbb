import { setTimeout as delay } from 'node:timers/promises';
import {
  DEFAULT_TRAINING_POLL,
  isSettled,
  type TrainingOutcome,
  type TrainingPollSettings,
  type TrainingStatusRequest,
} from './training';

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal });
};

export interface WatchDeps {
  read(request: TrainingStatusRequest, signal: AbortSignal): Promise<TrainingOutcome>;
  /** The elapsed time is measured on it (tests move it together with the emulator's clock). */
  clock: () => Date;
  sleep?: Sleep;
  poll?: TrainingPollSettings;
}

/** The waits of a watch: first, twice that, … capped at max. */
export function* backOff(settings: TrainingPollSettings): Generator<number> {
  let next = settings.firstDelayMs;
  for (;;) {
    yield next;
    next = Math.min(next * 2, settings.maxDelayMs);
  }
}

/**
 * Follows a training until it settles: reads the status after each wait of the back-off and yields
 * every read. After `maxWaitMs` in all, a training still running is yielded once more with `waitEnded`
 * (the user gets "Check again") and the watch ends. Aborting the signal ends it at once (the reason is
 * thrown), so no poll outlives a server stop.
 */
export async function* watchTraining(
  deps: WatchDeps,
  request: TrainingStatusRequest,
  signal: AbortSignal,
): AsyncGenerator<TrainingOutcome> {
  const settings = deps.poll ?? DEFAULT_TRAINING_POLL;
  const sleep = deps.sleep ?? realSleep;
  const startedAt = deps.clock().getTime();
  for (const wait of backOff(settings)) {
    const left = settings.maxWaitMs - (deps.clock().getTime() - startedAt);
    await sleep(Math.max(0, Math.min(wait, left)), signal);
    const outcome = await deps.read(request, signal);
    signal.throwIfAborted();
    if (isSettled(outcome)) {
      yield outcome;
      return;
    }
    if (outcome.kind === 'status' && deps.clock().getTime() - startedAt >= settings.maxWaitMs) {
      yield { ...outcome, waitEnded: true };
      return;
    }
    yield outcome;
  }
}
