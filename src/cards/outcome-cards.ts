/**
 * Platform-neutral presenters: Outcomes of the use cases → expanded Adaptive Cards. Teams sends these cards
 * as they are; Slack translates them with block-kit.ts. Every presenter takes an optional renderer so a
 * test can point it at another templates folder.
 *
 * A failed create shows the form again (values kept, the failure as a banner, and under its field when it
 * has one) when submitting again can help: the transient kinds, bad_argument, already_exists, unknown.
 * Otherwise (unauthorized, limited_access, quota_exceeded, not_found, unsupported_media_type) the user
 * cannot fix it in the form, so the reply is the failure card.
 */
import { FAILURE_MESSAGES } from '../face/messages';
import { FACE_REGIONS } from '../face/regions';
import { type FieldError, type PersonGroupFieldId, RECOMMENDED_RECOGNITION_MODEL } from '../face/types';
import { type Failure, type FailureKind, RETRYABLE_KINDS } from '../provisioning/failure';
import { DEFAULT_GROUP_KIND, KIND_TEXTS } from '../provisioning/group-kind';
import type { ConfigFieldId, ConfigureOutcome, CreateOutcome, FormValues } from '../provisioning/outcome';
import type { AdaptiveCard, TextColor } from './adaptive-card';
import type { Banner, ConfigFormData, UsageCardData } from './card-data';
import { type CardRenderer, defaultCardRenderer } from './templates';
import { CARD_TEXTS, formatUtc } from './texts';

const CREATE_FIELDS: readonly PersonGroupFieldId[] = [
  'personGroupId',
  'name',
  'userData',
  'recognitionModel',
  'kind',
];
const CONFIG_FIELDS: readonly ConfigFieldId[] = ['target', 'region', 'endpoint', 'subscriptionKey'];

/** Failure kinds after which the create form is shown again rather than a failure card. */
export const FORM_AGAIN_KINDS: readonly FailureKind[] = [
  ...RETRYABLE_KINDS,
  'bad_argument',
  'already_exists',
  'unknown',
];

export interface CreateFormOptions {
  /** Values to show (prefill, or what the user sent); recognitionModel defaults to recognition_04. */
  values?: FormValues;
  errors?: readonly FieldError[];
  banners?: readonly Banner[];
  /** Adds the "using the built-in Face emulator" note. */
  emulated?: boolean;
  /** Submit with Action.Submit (older clients) instead of Action.Execute. */
  useSubmit?: boolean;
}

/** The create form. */
export function createFormCard(
  options: CreateFormOptions = {},
  renderer = defaultCardRenderer,
): AdaptiveCard {
  const values = pick(CREATE_FIELDS, options.values);
  if (values.recognitionModel === '') values.recognitionModel = RECOMMENDED_RECOGNITION_MODEL;
  if (values.kind === '') values.kind = DEFAULT_GROUP_KIND;
  const banners = [...(options.banners ?? [])];
  if (options.emulated) banners.push({ style: 'accent', ...CARD_TEXTS.emulatorNote });
  return renderer.expand('persongroup-create', {
    values,
    errors: errorsByField(CREATE_FIELDS, options.errors),
    banners,
    useSubmit: options.useSubmit ?? false,
  });
}

export interface OutcomeCardOptions {
  emulated?: boolean;
  useSubmit?: boolean;
}

/** The reply to a create submission: success, the form again with errors, or a failure card. */
export function createOutcomeCard(
  outcome: CreateOutcome,
  options: OutcomeCardOptions = {},
  renderer = defaultCardRenderer,
): AdaptiveCard {
  const form = (extra: Pick<CreateFormOptions, 'errors' | 'banners'>, values: FormValues): AdaptiveCard =>
    createFormCard({ ...options, ...extra, values }, renderer);
  switch (outcome.kind) {
    case 'created':
      return renderer.expand('persongroup-created', {
        group: {
          personGroupId: outcome.group.personGroupId,
          name: outcome.group.name,
          recognitionModel: outcome.group.recognitionModel,
        },
        note: outcome.earlierAttempt ? CARD_TEXTS.earlierAttempt : '',
        kindTitle: KIND_TEXTS.title(outcome.groupKind ?? DEFAULT_GROUP_KIND),
        kindNoun: KIND_TEXTS.noun(outcome.groupKind ?? DEFAULT_GROUP_KIND),
        target: outcome.target.label,
        emulated: outcome.target.emulated,
        by: outcome.by.name,
        at: formatUtc(outcome.at),
        requestId: outcome.requestId ?? '',
      });
    case 'invalid': {
      const { title, remedy } = FAILURE_MESSAGES.invalidFields;
      return form(
        { errors: outcome.errors, banners: [{ style: 'attention', title, text: remedy }] },
        outcome.values,
      );
    }
    case 'not_configured':
      return notConfiguredCard(outcome.values.personGroupId ?? '', renderer);
    case 'failed': {
      const { failure, values } = outcome;
      if (!failure.field && !FORM_AGAIN_KINDS.includes(failure.kind)) {
        return failureCard(failure, values.personGroupId ?? '', renderer);
      }
      const errors: FieldError[] = failure.field ? [{ field: failure.field, message: failure.title }] : [];
      return form({ errors, banners: [failureBanner(failure)] }, values);
    }
  }
}

/**
 * A create that did not succeed, on a card without a form: for a message (a message cannot hold inputs),
 * e.g. when the modal that would have shown the form again was closed.
 */
export function createFailureCard(
  outcome: Exclude<CreateOutcome, { kind: 'created' }>,
  renderer = defaultCardRenderer,
): AdaptiveCard {
  const personGroupId = outcome.values.personGroupId ?? '';
  switch (outcome.kind) {
    case 'not_configured':
      return notConfiguredCard(personGroupId, renderer);
    case 'failed':
      return failureCard(outcome.failure, personGroupId, renderer);
    case 'invalid': {
      const { title, remedy } = FAILURE_MESSAGES.invalidFields;
      const problems = outcome.errors.map((error) => `${error.field}: ${error.message}`).join(' ');
      return failureCard({ kind: 'bad_argument', title, detail: problems, remedy }, personGroupId, renderer);
    }
  }
}

/** A failure on its own card: title, detail, remedy, and the ids a user may need. */
export function failureCard(
  failure: Failure,
  personGroupId = '',
  renderer = defaultCardRenderer,
): AdaptiveCard {
  const wait = failure.retryAfterSeconds;
  return renderer.expand('persongroup-failed', {
    title: failure.title,
    detail: failure.detail,
    remedy: failure.remedy,
    personGroupId,
    retryAfter: wait === undefined ? '' : CARD_TEXTS.retryAfter(wait),
    requestId: failure.requestId ?? '',
  });
}

/** The workspace has no key: an admin must run `/persongroup config`. */
export function notConfiguredCard(personGroupId = '', renderer = defaultCardRenderer): AdaptiveCard {
  const { title, detail, remedy } = CARD_TEXTS.notConfigured;
  return renderer.expand('persongroup-failed', {
    title,
    detail,
    remedy,
    personGroupId,
    retryAfter: '',
    requestId: '',
  });
}

export interface ConfigFormOptions {
  /** region and endpoint are kept; a subscriptionKey value is ignored: a key is never put in a card. */
  values?: FormValues;
  errors?: readonly FieldError<ConfigFieldId>[];
  banners?: readonly Banner[];
  regions?: ConfigFormData['regions'];
  useSubmit?: boolean;
}

/** The workspace configuration form. */
export function configFormCard(
  options: ConfigFormOptions = {},
  renderer = defaultCardRenderer,
): AdaptiveCard {
  const { target, region, endpoint } = pick(['target', 'region', 'endpoint'] as const, options.values);
  return renderer.expand('workspace-config', {
    // A form opened fresh (or from an older card) pre-selects a region, the common case.
    values: { target: target === 'endpoint' ? 'endpoint' : 'region', region, endpoint },
    errors: errorsByField(CONFIG_FIELDS, options.errors),
    banners: [...(options.banners ?? [])],
    regions: options.regions ?? FACE_REGIONS,
    useSubmit: options.useSubmit ?? false,
  });
}

/** The reply to a configuration submission. */
export function configureOutcomeCard(
  outcome: ConfigureOutcome,
  options: Pick<ConfigFormOptions, 'regions' | 'useSubmit'> = {},
  renderer = defaultCardRenderer,
): AdaptiveCard {
  switch (outcome.kind) {
    case 'configured':
      return renderer.expand('workspace-configured', {
        target: outcome.target.label,
        emulated: outcome.target.emulated,
        keyHint: outcome.keyHint,
        by: outcome.by.name,
        at: formatUtc(outcome.at),
      });
    case 'forbidden':
      return noticeCard(CARD_TEXTS.forbidden.title, CARD_TEXTS.forbidden.text, 'attention', renderer);
    case 'invalid':
      return configFormCard({ ...options, values: outcome.values, errors: outcome.errors }, renderer);
    case 'failed': {
      const { failure } = outcome;
      // A refused key is the key field's problem (or the region's: the banner says both).
      const errors: FieldError<ConfigFieldId>[] =
        failure.kind === 'unauthorized' ? [{ field: 'subscriptionKey', message: failure.title }] : [];
      return configFormCard(
        { ...options, values: outcome.values, errors, banners: [failureBanner(failure)] },
        renderer,
      );
    }
  }
}

/** Help: the commands with one line each; `note` adds a line (e.g. how to call the bot in a channel). */
export function usageCard(
  commands: UsageCardData['commands'],
  note = '',
  renderer = defaultCardRenderer,
): AdaptiveCard {
  return renderer.expand('usage', { commands, note });
}

/** A short message: a title and one text. */
export function noticeCard(
  title: string,
  text: string,
  color: TextColor = 'default',
  renderer: CardRenderer = defaultCardRenderer,
): AdaptiveCard {
  return renderer.expand('notice', { title, text, color });
}

/** A failure as a banner above a form: what happened, what to do, and the request id for support. */
export function failureBanner(failure: Failure): Banner {
  const parts = [failure.detail, failure.remedy];
  if (failure.requestId) parts.push(FAILURE_MESSAGES.requestId(failure.requestId));
  return { style: 'attention', title: failure.title, text: parts.filter((part) => part !== '').join(' ') };
}

function pick<F extends string>(fields: readonly F[], values: FormValues | undefined): Record<F, string> {
  const picked = {} as Record<F, string>;
  for (const field of fields) picked[field] = values?.[field] ?? '';
  return picked;
}

function errorsByField<F extends string>(
  fields: readonly F[],
  errors: readonly FieldError<F>[] | undefined,
): Record<F, string> {
  const byField = pick(fields, undefined);
  for (const error of errors ?? []) {
    byField[error.field] = byField[error.field] ? `${byField[error.field]} ${error.message}` : error.message;
  }
  return byField;
}
