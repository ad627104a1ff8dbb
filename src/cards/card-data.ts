/**
 * The data each template in cards/ binds to. Every field a template references is present (empty string
 * for "none"): adaptivecards-templating leaves `${field}` in the card when a field is missing.
 */
import type { FaceRegion } from '../face/regions';
import type { PersonGroupFieldId } from '../face/types';
import type { ConfigFieldId } from '../provisioning/outcome';
import type { ContainerStyle, TextColor } from './adaptive-card';

/** A message shown above a form: a failure's title and text, or a note such as "using the emulator". */
export interface Banner {
  style: ContainerStyle;
  /** '' for none. */
  title: string;
  /** '' for none. */
  text: string;
}

/** cards/persongroup-create.json */
export interface CreateFormData {
  /** The values the inputs show ('' for empty); recognitionModel is pre-selected from here. */
  values: Record<PersonGroupFieldId, string>;
  /** The error shown under each input; '' for none. */
  errors: Record<PersonGroupFieldId, string>;
  banners: Banner[];
  /** true: the submit is an Action.Submit (older clients) instead of an Action.Execute. */
  useSubmit: boolean;
}

/** cards/workspace-config.json. The key input is never prefilled: the data has no place for it. */
export interface ConfigFormData {
  /** `target`: 'region' or 'endpoint', which of the two the admin chose. */
  values: { target: string; region: string; endpoint: string };
  errors: Record<ConfigFieldId, string>;
  banners: Banner[];
  regions: readonly Pick<FaceRegion, 'id' | 'displayName'>[];
  useSubmit: boolean;
}

/** cards/persongroup-created.json */
export interface CreatedCardData {
  group: { personGroupId: string; name: string; recognitionModel: string };
  /** A line about how it was created (e.g. an earlier attempt that went through); '' for none. */
  note: string;
  /** "Person group" or "Large person group" (heading), and how a sentence names it. */
  kindTitle: string;
  kindNoun: string;
  target: string;
  emulated: boolean;
  by: string;
  at: string;
  requestId: string;
}

/** cards/persongroup-failed.json */
export interface FailedCardData {
  title: string;
  detail: string;
  remedy: string;
  personGroupId: string;
  retryAfter: string;
  requestId: string;
}

/** cards/workspace-configured.json */
export interface ConfiguredCardData {
  target: string;
  emulated: boolean;
  /** The key as the use case masked it (last 4 characters at most). */
  keyHint: string;
  by: string;
  at: string;
}

/** cards/usage.json */
export interface UsageCardData {
  /** Every command, in the order help lists them. */
  commands: { usage: string; summary: string }[];
  note: string;
}

/** cards/notice.json */
export interface NoticeCardData {
  title: string;
  text: string;
  color: TextColor;
}

/** A group as the edit and delete cards name it; kindLabel "person group", kindTitle "Person group". */
export interface GroupLabel {
  personGroupId: string;
  kind: string;
  kindLabel: string;
  kindTitle: string;
}

/** cards/persongroup-edit.json: the id and kind are shown, not inputs; they ride in the submit's data. */
export interface EditFormData {
  group: GroupLabel & { recognitionModel: string };
  values: { name: string; userData: string };
  errors: { name: string; userData: string };
  banners: Banner[];
  /** false where the platform's input cannot hold the current user data: it is then left unchanged. */
  userDataEditable: boolean;
  /** Says why the user data is not editable here ('' when it is). */
  userDataNote: string;
  useSubmit: boolean;
}

/** cards/persongroup-delete.json: the confirmation; `error` shows under `confirmId`. */
export interface DeleteFormData {
  group: GroupLabel & { name: string };
  error: string;
  banners: Banner[];
  useSubmit: boolean;
}

/** cards/persongroup-updated.json */
export interface UpdatedCardData {
  group: GroupLabel & { name: string; userData: string };
  target: string;
  emulated: boolean;
  by: string;
  at: string;
  requestId: string;
}

/** cards/persongroup-deleted.json */
export interface DeletedCardData extends GroupLabel {
  target: string;
  emulated: boolean;
  by: string;
  at: string;
  requestId: string;
}

/** cards/group-kind-choice.json: one button per kind holding the id. */
export interface KindChoiceData {
  title: string;
  text: string;
  choices: { title: string; verb: string; personGroupId: string; kind: string }[];
  useSubmit: boolean;
}

/** One row of cards/persongroup-list.json. */
export interface GroupRowData {
  groupId: string;
  name: string;
  /** The action data's kind: personGroup | largePersonGroup. */
  kind: string;
  kindTitle: string;
  recognitionModel: string;
}

/** cards/persongroup-list.json */
export interface GroupListData {
  heading: string;
  /** The count on the first page; '' on later pages. */
  summary: string;
  rows: GroupRowData[];
  emulated: boolean;
  more: boolean;
  /** The next page's start (the last id shown) and the prefix, for "More". */
  next: string;
  prefix: string;
  useSubmit: boolean;
}

/** cards/persongroup-show.json: every value already worded for people. */
export interface GroupShowData {
  heading: string;
  groupId: string;
  name: string;
  kindTitle: string;
  recognitionModel: string;
  persons: string;
  training: string;
  /** "Ada Lovelace in Teams, 2026-01-15 09:30 UTC"; '' when the bot did not create it. */
  createdBy: string;
  /** At most 500 characters; '' for none. */
  userData: string;
  emulated: boolean;
}

/** cards/persongroup-history.json */
export interface HistoryData {
  heading: string;
  summary: string;
  rows: { when: string; who: string; platform: string; action: string; group: string; outcome: string }[];
  more: boolean;
  /** The next page's offset. */
  next: number;
  /** '' for the whole workspace. */
  personGroupId: string;
  useSubmit: boolean;
}

/** A button of cards/persongroup-training.json: a verb on one group of one kind. */
export interface GroupButton {
  verb: string;
  title: string;
  personGroupId: string;
  kind: string;
  /** Action.Submit instead of Action.Execute (older clients). */
  useSubmit: boolean;
}

/** cards/persongroup-training.json: a training's status (or why none), with its buttons. */
export interface TrainingCardData {
  title: string;
  color: TextColor;
  /** '' for none. */
  text: string;
  /** '' for none. */
  remedy: string;
  facts: { title: string; value: string }[];
  buttons: GroupButton[];
}

/** Template file name (without .json) → the data it binds to. */
export interface CardDataByName {
  'persongroup-create': CreateFormData;
  'persongroup-created': CreatedCardData;
  'persongroup-failed': FailedCardData;
  'workspace-config': ConfigFormData;
  'workspace-configured': ConfiguredCardData;
  usage: UsageCardData;
  notice: NoticeCardData;
  'persongroup-edit': EditFormData;
  'persongroup-delete': DeleteFormData;
  'persongroup-updated': UpdatedCardData;
  'persongroup-deleted': DeletedCardData;
  'group-kind-choice': KindChoiceData;
  'persongroup-list': GroupListData;
  'persongroup-show': GroupShowData;
  'persongroup-history': HistoryData;
  'persongroup-training': TrainingCardData;
}

export type CardName = keyof CardDataByName;

export const CARD_NAMES: readonly CardName[] = [
  'persongroup-create',
  'persongroup-created',
  'persongroup-failed',
  'workspace-config',
  'workspace-configured',
  'usage',
  'notice',
  'persongroup-edit',
  'persongroup-delete',
  'persongroup-updated',
  'persongroup-deleted',
  'group-kind-choice',
  'persongroup-list',
  'persongroup-show',
  'persongroup-history',
  'persongroup-training',
];
