/**
 * Presenters of the edit and delete flows: the outcomes of src/provisioning's update, delete and locate
 * use cases → expanded cards of cards/ (persongroup-edit, persongroup-delete, persongroup-updated,
 * persongroup-deleted, group-kind-choice).
 */
import { FAILURE_MESSAGES } from '../face/messages';
import type { FaceGroup, FieldError, GroupKind } from '../face/types';
import type { DeleteOutcome, UpdateOutcome } from '../provisioning/change-outcome';
import { KIND_TEXTS } from '../provisioning/group-kind';
import type { FormValues } from '../provisioning/outcome';
import type { AdaptiveCard } from './adaptive-card';
import type { Banner, GroupLabel } from './card-data';
import { type CardRenderer, defaultCardRenderer } from './templates';
import { formatUtc } from './texts';

/** How much user data a result card repeats (the rest stays in the service). */
export const USER_DATA_SHOWN = 500;

/** "person group" / "large person group". */
export function kindLabel(kind: GroupKind): string {
  return KIND_TEXTS.noun(kind);
}

function labelOf(personGroupId: string, kind: GroupKind): GroupLabel {
  return { personGroupId, kind, kindLabel: KIND_TEXTS.noun(kind), kindTitle: KIND_TEXTS.title(kind) };
}

function shortened(text: string): string {
  return text.length > USER_DATA_SHOWN ? `${text.slice(0, USER_DATA_SHOWN)}…` : text;
}

export interface EditFormOptions {
  /** The inputs' values: the group's own (prefill) or what the user sent. */
  values: FormValues;
  errors?: readonly FieldError[];
  banners?: readonly Banner[];
  /** Why the user data input is left out ('' or absent: it is shown). */
  userDataNote?: string;
  useSubmit: boolean;
}

/** The edit form of one group: id, kind and model shown; name and user data as inputs. */
export function editFormCard(
  group: Pick<FaceGroup, 'groupId' | 'kind' | 'recognitionModel'>,
  options: EditFormOptions,
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  const errors = { name: '', userData: '' };
  for (const error of options.errors ?? []) {
    if (error.field === 'name' || error.field === 'userData') {
      errors[error.field] = errors[error.field] ? `${errors[error.field]} ${error.message}` : error.message;
    }
  }
  const note = options.userDataNote ?? '';
  return renderer.expand('persongroup-edit', {
    group: { ...labelOf(group.groupId, group.kind), recognitionModel: group.recognitionModel ?? '' },
    values: { name: options.values.name ?? '', userData: note === '' ? (options.values.userData ?? '') : '' },
    errors,
    banners: [...(options.banners ?? [])],
    userDataEditable: note === '',
    userDataNote: note,
    useSubmit: options.useSubmit,
  });
}

/** The delete confirmation: the user types the id into `confirmId`. */
export function deleteFormCard(
  group: Pick<FaceGroup, 'groupId' | 'kind' | 'name'>,
  options: { error?: string; banners?: readonly Banner[]; useSubmit: boolean },
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  return renderer.expand('persongroup-delete', {
    group: { ...labelOf(group.groupId, group.kind), name: group.name },
    error: options.error ?? '',
    banners: [...(options.banners ?? [])],
    useSubmit: options.useSubmit,
  });
}

/** The group's new state after an edit, for everyone. */
export function updatedCard(
  outcome: Extract<UpdateOutcome, { kind: 'updated' }>,
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  const { group } = outcome;
  return renderer.expand('persongroup-updated', {
    group: {
      ...labelOf(group.personGroupId, group.kind),
      name: group.name,
      userData: shortened(group.userData ?? ''),
    },
    target: outcome.target.label,
    emulated: outcome.target.emulated,
    by: outcome.by.name,
    at: formatUtc(outcome.at),
    requestId: outcome.requestId ?? '',
  });
}

/** Who deleted which group, for everyone. */
export function deletedCard(
  outcome: Extract<DeleteOutcome, { kind: 'deleted' }>,
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  return renderer.expand('persongroup-deleted', {
    ...labelOf(outcome.personGroupId, outcome.groupKind),
    target: outcome.target.label,
    emulated: outcome.target.emulated,
    by: outcome.by.name,
    at: formatUtc(outcome.at),
    requestId: outcome.requestId ?? '',
  });
}

/** Both kinds hold the id: one button per kind, each pressing `verb` with {personGroupId, kind}. */
export function kindChoiceCard(
  personGroupId: string,
  kinds: readonly GroupKind[],
  texts: { title: string; text: string; button: (kindTitle: string) => string },
  verb: string,
  useSubmit: boolean,
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  const choices = kinds.map((kind) => ({
    title: texts.button(KIND_TEXTS.title(kind)),
    verb,
    personGroupId,
    kind,
  }));
  return renderer.expand('group-kind-choice', { title: texts.title, text: texts.text, choices, useSubmit });
}

/** The "some fields need fixing" banner of a form shown again. */
export function invalidFieldsBanner(): Banner {
  const { title, remedy } = FAILURE_MESSAGES.invalidFields;
  return { style: 'attention', title, text: remedy };
}
