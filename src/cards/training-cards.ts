/**
 * A training's status as a card (cards/persongroup-training.json): running (with "Check again", and a
 * Teams refresh so a card opened later shows the current status), succeeded at a time, failed with the
 * service's words and what to do, never trained, both kinds holding the id (one button per kind), or
 * why no status could be read.
 */
import type { GroupKind } from '../face/types';
import type { Failure } from '../provisioning/failure';
import type { TrainingGroup, TrainingOutcome } from '../provisioning/training';
import type { AdaptiveCard } from './adaptive-card';
import type { GroupButton, TrainingCardData } from './card-data';
import { defaultCardRenderer } from './templates';
import { CARD_TEXTS, formatUtc } from './texts';
import { TRAINING_TEXTS as T } from './training-texts';

export const TRAIN_VERB = 'personGroupTrain';
export const TRAINING_STATUS_VERB = 'personGroupTrainingStatus';

export interface TrainingCardOptions {
  /** Buttons submit with Action.Submit (older clients) instead of Action.Execute. */
  useSubmit: boolean;
  /** What the buttons of an id both kinds hold do: train, or show the status. */
  ambiguousVerb?: typeof TRAIN_VERB | typeof TRAINING_STATUS_VERB;
}

export function trainingCard(
  outcome: TrainingOutcome,
  options: TrainingCardOptions,
  renderer = defaultCardRenderer,
): AdaptiveCard {
  const button = (verb: string, title: string, group: TrainingGroup): GroupButton => ({
    verb,
    title,
    personGroupId: group.personGroupId,
    kind: group.kind,
    useSubmit: options.useSubmit,
  });
  const data = cardData(outcome, button, options);
  const card = renderer.expand('persongroup-training', data);
  if (outcome.kind === 'status' && (outcome.state === 'running' || outcome.state === 'notstarted')) {
    const { group } = outcome;
    card.refresh = {
      action: {
        type: 'Action.Execute',
        verb: TRAINING_STATUS_VERB,
        title: T.checkAgain,
        data: { verb: TRAINING_STATUS_VERB, personGroupId: group.personGroupId, kind: group.kind },
      },
    };
  }
  return card;
}

type ButtonOf = (verb: string, title: string, group: TrainingGroup) => GroupButton;

function cardData(
  outcome: TrainingOutcome,
  button: ButtonOf,
  options: TrainingCardOptions,
): TrainingCardData {
  const base = { text: '', remedy: '', facts: [], buttons: [] };
  switch (outcome.kind) {
    case 'not_configured': {
      const { title, detail, remedy } = CARD_TEXTS.notConfigured;
      return { ...base, title, color: 'attention', text: detail, remedy };
    }
    case 'ambiguous': {
      const verb = options.ambiguousVerb ?? TRAIN_VERB;
      const id = outcome.personGroupId;
      return {
        ...base,
        ...T.ambiguous(id),
        color: 'warning',
        buttons: (['personGroup', 'largePersonGroup'] as const).map((kind) =>
          button(verb, T.pickKind(verb === TRAIN_VERB, kind), { personGroupId: id, kind }),
        ),
      };
    }
    case 'failed':
      return failureData(outcome.failure, outcome.group, button);
    case 'never_trained':
      return {
        ...base,
        ...T.neverTrained(nounOf(outcome.group.kind)),
        color: 'default',
        facts: groupFacts(outcome.group),
        buttons: [button(TRAIN_VERB, T.train, outcome.group)],
      };
    case 'status':
      return statusData(outcome, button);
  }
}

function statusData(
  outcome: Extract<TrainingOutcome, { kind: 'status' }>,
  button: ButtonOf,
): TrainingCardData {
  const { group } = outcome;
  const noun = nounOf(group.kind);
  const facts = groupFacts(group);
  if (outcome.state === 'succeeded') {
    if (outcome.at) facts.push({ title: T.trainedAt, value: formatUtc(outcome.at) });
    return { ...T.succeeded(noun, group.personGroupId), color: 'good', remedy: '', facts, buttons: [] };
  }
  if (outcome.state === 'failed') {
    const failed = failureData(outcome.failure ?? T.failedUnknown, group, button);
    if (outcome.serviceMessage) failed.facts.push({ title: T.serviceSaid, value: outcome.serviceMessage });
    failed.buttons = [
      button(TRAIN_VERB, T.trainAgain, group),
      button(TRAINING_STATUS_VERB, T.checkAgain, group),
    ];
    return failed;
  }
  const text = outcome.waitEnded
    ? T.waitEnded
    : outcome.alreadyRunning
      ? T.alreadyRunning(noun, group.personGroupId)
      : T.running(noun, group.personGroupId);
  return {
    title: T.runningTitle(group.personGroupId),
    color: 'accent',
    text,
    remedy: '',
    facts,
    buttons: [button(TRAINING_STATUS_VERB, T.checkAgain, group)],
  };
}

function failureData(failure: Failure, group: TrainingGroup | undefined, button: ButtonOf): TrainingCardData {
  const facts = group ? groupFacts(group) : [];
  if (failure.retryAfterSeconds !== undefined)
    facts.push({ title: T.tryAgainIn, value: CARD_TEXTS.retryAfter(failure.retryAfterSeconds) });
  if (failure.requestId) facts.push({ title: T.requestId, value: failure.requestId });
  return {
    title: failure.title,
    color: 'attention',
    text: failure.detail,
    remedy: failure.remedy,
    facts,
    buttons: group && failure.kind !== 'not_found' ? [button(TRAINING_STATUS_VERB, T.checkAgain, group)] : [],
  };
}

function groupFacts(group: TrainingGroup): { title: string; value: string }[] {
  return [
    { title: T.groupId, value: group.personGroupId },
    { title: T.kind, value: T.kindName(group.kind) },
  ];
}

function nounOf(kind: GroupKind): string {
  return kind === 'largePersonGroup' ? 'large person group' : 'person group';
}
