/**
 * Training that takes time: POST …/train starts a run whose status follows from the clock
 * (notstarted → running → succeeded, or failed for a group without persons), so no timer is needed and
 * tests move a clock instead of sleeping.
 */
import { type Answer, badArgument, serviceError } from './answer';
import { EMPTY_GROUP_TRAINING, type KindWords } from './service-table';
import type { StoredGroup, TrainingRun } from './store';

export interface TrainingSettings {
  trainingMs: number;
  trainingQueuedMs: number;
  emptyGroupTraining: 'fail' | 'reject';
}

/** Whether a training of the group has not ended yet (it may still be `notstarted`). */
export function isTraining(group: StoredGroup, now: number): boolean {
  return group.training !== undefined && now < group.training.endsAt;
}

/** 409 …TrainingNotFinished: what delete, update and train answer while a training runs. */
export const underTraining = (words: KindWords): Answer =>
  serviceError(409, words.trainingCode, words.training);

function lastSuccess(run: TrainingRun | undefined, now: number): number | undefined {
  if (run === undefined) return undefined;
  return run.outcome === 'succeeded' && now >= run.endsAt ? run.endsAt : run.previousSuccessAt;
}

/** POST …/{id}/train: 202 with the status URL in Operation-Location. */
export function startTraining(
  group: StoredGroup,
  words: KindWords,
  settings: TrainingSettings,
  now: number,
  statusUrl: string,
): Answer {
  if (isTraining(group, now)) return underTraining(words);
  const empty = group.persons.size === 0;
  if (empty && settings.emptyGroupTraining === 'reject')
    return badArgument(EMPTY_GROUP_TRAINING.rejectedMessage);
  const runsAt = now + settings.trainingQueuedMs;
  const run: TrainingRun = {
    startedAt: now,
    runsAt,
    endsAt: runsAt + settings.trainingMs,
    outcome: empty ? 'failed' : 'succeeded',
  };
  const previousSuccessAt = lastSuccess(group.training, now);
  if (previousSuccessAt !== undefined) run.previousSuccessAt = previousSuccessAt;
  group.training = run;
  return { status: 202, headers: { 'Operation-Location': statusUrl } };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** GET …/{id}/training: the status at `now`, or 404 …NotTrained for a group never trained. */
export function trainingStatus(group: StoredGroup, words: KindWords, now: number): Answer {
  const run = group.training;
  if (run === undefined) return serviceError(404, words.notTrainedCode, words.notTrained);
  const status = now < run.runsAt ? 'notstarted' : now < run.endsAt ? 'running' : run.outcome;
  const lastAction = status === 'notstarted' ? run.startedAt : status === 'running' ? run.runsAt : run.endsAt;
  const json: Record<string, string> = {
    status,
    createdDateTime: iso(run.startedAt),
    lastActionDateTime: iso(lastAction),
  };
  const success = lastSuccess(run, now);
  if (success !== undefined) json.lastSuccessfulTrainingDateTime = iso(success);
  if (status === 'failed') json.message = EMPTY_GROUP_TRAINING.failedMessage;
  return { status: 200, json };
}
