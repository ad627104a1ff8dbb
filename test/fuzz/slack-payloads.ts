import fc from 'fast-check';
import { createMetadata } from '../helpers/slack-harness';
import { type GeneratedForm, MISSING, weirdText, wrongType } from './arbitraries';

const FIELDS = ['personGroupId', 'name', 'userData', 'recognitionModel'] as const;

/** A view_submission payload object for the create modal, its state built from generated values. */
export function createSubmissionPayload(form: GeneratedForm, responseUrl: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const id of FIELDS) {
    const value = form[id];
    if (value === MISSING) continue;
    values[id] = {
      [id]:
        id === 'recognitionModel'
          ? { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'model' }, value } }
          : { type: 'plain_text_input', value },
    };
  }
  for (const [key, value] of Object.entries(form.extra))
    values[key] = { [key]: { type: 'plain_text_input', value } };
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'acme' },
    user: { id: 'U1', username: 'alice', name: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: '789.012.def',
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: 'persongroup_create',
      private_metadata: createMetadata(responseUrl),
      hash: '1700000000.abc',
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** What the bot reads from the modal for each field (Slack sends no block for a field left out). */
export function slackReadValues(form: GeneratedForm): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const id of FIELDS) {
    const value = form[id];
    if (value !== MISSING) read[id] = value ?? '';
  }
  return read;
}

/** The form-encoded body Slack posts for interactivity. */
export function payloadBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * Parts of a create submission the generator breaks: whole parts (`user`, `view`, `view.state`, `team`),
 * the ids Bolt and the listener read, each level of `view.state.values` (a block or an action state may
 * become null or another type), and `response_urls`.
 */
const PAYLOAD_PATHS = [
  ['team'],
  ['team', 'id'],
  ['team', 'domain'],
  ['user'],
  ['user', 'id'],
  ['user', 'name'],
  ['user', 'username'],
  ['user', 'team_id'],
  ['view'],
  ['view', 'id'],
  ['view', 'private_metadata'],
  ['view', 'hash'],
  ['view', 'state'],
  ['view', 'state', 'values'],
  ['view', 'state', 'values', 'personGroupId'],
  ['view', 'state', 'values', 'personGroupId', 'personGroupId'],
  ['view', 'state', 'values', 'personGroupId', 'personGroupId', 'value'],
  ['view', 'state', 'values', 'name', 'name', 'type'],
  ['view', 'state', 'values', 'recognitionModel'],
  ['view', 'state', 'values', 'recognitionModel', 'recognitionModel'],
  ['view', 'state', 'values', 'recognitionModel', 'recognitionModel', 'selected_option'],
  ['response_urls'],
  ['enterprise'],
  ['is_enterprise_install'],
  ['trigger_id'],
] as const;

const change = fc.oneof(
  fc.constant<{ kind: 'remove' }>({ kind: 'remove' }),
  fc.oneof(wrongType, weirdText).map((value) => ({ kind: 'replace' as const, value })),
);

/** A create submission with one to three parts of the payload removed or given the wrong type. */
export function malformedSubmissionPayload(
  form: fc.Arbitrary<GeneratedForm>,
  responseUrl: string,
): fc.Arbitrary<Record<string, unknown>> {
  const edits = fc.array(fc.record({ path: fc.constantFrom(...PAYLOAD_PATHS), change }), {
    minLength: 1,
    maxLength: 3,
  });
  return fc.tuple(form, edits).map(([generated, list]) => {
    const payload = structuredClone(createSubmissionPayload(generated, responseUrl));
    for (const { path, change: edit } of list) {
      let parent: unknown = payload;
      for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown> | null)?.[key];
      if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) continue;
      const last = path[path.length - 1] as string;
      if (edit.kind === 'remove') delete (parent as Record<string, unknown>)[last];
      else (parent as Record<string, unknown>)[last] = edit.value;
    }
    return payload;
  });
}

/**
 * Interactivity bodies that are not a readable payload at all: garbage, truncated JSON, and JSON of
 * another type than an object (`null` included, which Bolt's receiver alone would never answer).
 */
export const malformedPayloadBody: fc.Arbitrary<string> = fc.oneof(
  weirdText.map((text) => new URLSearchParams({ payload: text }).toString()),
  fc.jsonValue().map((value) => payloadBody(value)),
  fc
    .constantFrom<unknown>(null, 0, 'view_submission', [], [{ type: 'view_submission' }])
    .map((value) => payloadBody(value)),
  fc
    .jsonValue()
    .map((value) => new URLSearchParams({ payload: JSON.stringify(value).slice(0, -1) }).toString()),
  fc.constantFrom('', 'payload=', 'payload=%7B', 'nopayload=1', '%', '&&&'),
  weirdText,
);
