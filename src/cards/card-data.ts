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
  values: { region: string; endpoint: string };
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

/** Template file name (without .json) → the data it binds to. */
export interface CardDataByName {
  'persongroup-create': CreateFormData;
  'persongroup-created': CreatedCardData;
  'persongroup-failed': FailedCardData;
  'workspace-config': ConfigFormData;
  'workspace-configured': ConfiguredCardData;
  usage: UsageCardData;
  notice: NoticeCardData;
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
];
