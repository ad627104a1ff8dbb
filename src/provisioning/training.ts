/**
 * What the training use cases answer: a group's training status (the service's four states, or never
 * trained), a group id that both kinds hold, or why no status could be read. Platform-free: commands
 * render these as cards, the CLI as lines.
 */
import type { GroupKind, TrainingState } from '../face/types';
import type { AuditPlatform } from '../store/types';
import type { Failure } from './failure';
import type { Actor, TargetDescription } from './outcome';

/** The group a training is of: its id and which kind holds it. */
export interface TrainingGroup {
  personGroupId: string;
  kind: GroupKind;
}

export type TrainingOutcome =
  | {
      kind: 'status';
      group: TrainingGroup;
      target: TargetDescription;
      state: TrainingState;
      /** succeeded: when the training ended; otherwise the service's last action, when it said. */
      at?: Date;
      /** failed: the service's own message, to be shown as its words. */
      serviceMessage?: string;
      /** failed: what it means and what to do (add persons and faces first). */
      failure?: Failure;
      /** The train request met a training that was already running (409): not an error. */
      alreadyRunning?: boolean;
      /** Polling stopped after its bounded wait while the training still ran: offer "Check again". */
      waitEnded?: boolean;
    }
  | { kind: 'never_trained'; group: TrainingGroup; target: TargetDescription }
  /** Both kinds hold this id: the user picks one. */
  | { kind: 'ambiguous'; personGroupId: string }
  | { kind: 'not_configured' }
  | { kind: 'failed'; failure: Failure; group?: TrainingGroup };

/** Start a training (`kind` unset: whichever kind holds the id). */
export interface TrainRequest {
  workspaceId: string;
  actor: Actor;
  platform: AuditPlatform;
  personGroupId: string;
  kind?: GroupKind;
}

/** Read a training status (`kind` unset: whichever kind holds the id). */
export interface TrainingStatusRequest {
  workspaceId: string;
  personGroupId: string;
  kind?: GroupKind;
}

/** How a watch polls: the first wait, doubled each time up to `maxDelayMs`, for at most `maxWaitMs` in all. */
export interface TrainingPollSettings {
  firstDelayMs: number;
  maxDelayMs: number;
  maxWaitMs: number;
}

/** 1 s, 2 s, 4 s … 15 s, for 2 minutes: long enough for a small group, short enough to hold no resources. */
export const DEFAULT_TRAINING_POLL: TrainingPollSettings = {
  firstDelayMs: 1000,
  maxDelayMs: 15_000,
  maxWaitMs: 120_000,
};

/** True once the training will not change by itself any more. */
export function isSettled(outcome: TrainingOutcome): boolean {
  return !(outcome.kind === 'status' && (outcome.state === 'running' || outcome.state === 'notstarted'));
}
