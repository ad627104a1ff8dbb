/**
 * Presenters of the read-only group commands: a page of the list, one group's details, the choice
 * between two kinds sharing an id, and a page of the history. Outcomes in, expanded Adaptive Cards out.
 */
import { platformName } from '../provisioning/existing-group';
import { KIND_TEXTS } from '../provisioning/group-kind';
import type { HistoryOutcome, ListOutcome, ShowOutcome, TrainingView } from '../provisioning/group-outcomes';
import { timeAgo } from '../provisioning/messages';
import type { AdaptiveCard } from './adaptive-card';
import { GROUP_TEXTS as T } from './group-texts';
import { noticeCard } from './outcome-cards';
import { type CardRenderer, defaultCardRenderer } from './templates';
import { formatUtc } from './texts';

/** userData is shown up to this many characters (it may hold 16 KB). */
export const USER_DATA_SHOWN = 500;

type Listed = Extract<ListOutcome, { kind: 'listed' }>;
type Shown = Extract<ShowOutcome, { kind: 'shown' }>;
type History = Extract<HistoryOutcome, { kind: 'history' }>;

/** A page of groups with Show / Train / Delete on each row and More; an empty list says how to create one. */
export function groupListCard(
  outcome: Listed,
  options: { useSubmit: boolean },
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  const { groups, prefix, total, next } = outcome;
  if (groups.length === 0 && next === undefined) {
    return noticeCard(T.emptyTitle(prefix), T.emptyText(prefix), 'default', renderer);
  }
  return renderer.expand('persongroup-list', {
    heading: T.listHeading(prefix),
    summary: total ? T.total(total.count, total.capped) : '',
    rows: groups.map((group) => ({
      groupId: group.groupId,
      name: group.name,
      kind: group.kind,
      kindTitle: KIND_TEXTS.title(group.kind),
      recognitionModel: group.recognitionModel ?? 'recognition_01',
    })),
    emulated: outcome.target.emulated,
    more: next !== undefined,
    next: next ?? '',
    prefix,
    useSubmit: options.useSubmit,
  });
}

/** One group: id, name, kind, model, persons, training, who created it, the start of its userData. */
export function groupShowCard(outcome: Shown, renderer: CardRenderer = defaultCardRenderer): AdaptiveCard {
  const { group, persons, creator, now } = outcome;
  const userData = group.userData ?? '';
  const shown =
    userData.length > USER_DATA_SHOWN
      ? `${userData.slice(0, USER_DATA_SHOWN)}${T.userDataCut(USER_DATA_SHOWN)}`
      : userData;
  return renderer.expand('persongroup-show', {
    heading: `${group.name} (${group.groupId})`,
    groupId: group.groupId,
    name: group.name,
    kindTitle: KIND_TEXTS.title(group.kind),
    recognitionModel: group.recognitionModel ?? 'recognition_01',
    persons: T.persons(persons.count, persons.capped),
    training: trainingText(outcome.training),
    createdBy: creator
      ? T.createdBy(
          creator.name,
          platformName(creator.platform),
          formatUtc(creator.at),
          timeAgo(creator.at, now),
        )
      : '',
    userData: shown,
    emulated: outcome.target.emulated,
  });
}

function trainingText(training: TrainingView): string {
  switch (training.state) {
    case 'never':
      return T.trainingNever;
    case 'notstarted':
      return T.trainingQueued;
    case 'running':
      return T.trainingRunning;
    case 'succeeded':
      return T.trainingSucceeded(training.at ? formatUtc(training.at) : undefined);
    case 'failed':
      return T.trainingFailed(training.message);
  }
}

/** A page of audit events, newest first, with More; an empty history says what gets recorded. */
export function historyCard(
  outcome: History,
  options: { useSubmit: boolean },
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  const { entries, personGroupId, start, next } = outcome;
  if (entries.length === 0) {
    return noticeCard(T.historyHeading(personGroupId), T.historyEmpty(personGroupId), 'default', renderer);
  }
  return renderer.expand('persongroup-history', {
    heading: T.historyHeading(personGroupId),
    summary: T.historyRange(start + 1, start + entries.length),
    rows: entries.map((entry) => ({
      when: timeAgo(entry.at, outcome.now),
      who: entry.userName || entry.userId,
      platform: platformName(entry.platform) ?? '—',
      action: T.action(entry.action),
      group: T.group(entry),
      outcome: entry.outcome,
    })),
    more: next !== undefined,
    next: next ?? 0,
    personGroupId: personGroupId ?? '',
    useSubmit: options.useSubmit,
  });
}
