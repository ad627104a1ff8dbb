/**
 * The config form's rules: a region XOR a custom endpoint, and a key.
 *
 * Decisions:
 * - Both a region and an endpoint given is a field error on `endpoint` (not "endpoint wins"): silently
 *   ignoring one of two explicit answers would send the key somewhere the admin may not have meant.
 * - Only https endpoints on Azure Cognitive Services hosts are accepted (parseCustomEndpoint): no request
 *   to an arbitrary host (e.g. 169.254.169.254) can be triggered from chat.
 * - The key is trimmed; it must be printable ASCII without spaces (it travels in an HTTP header).
 * - The key is never kept in the values returned for re-display.
 */
import { isFaceRegion, parseCustomEndpoint } from '../face/regions';
import type { FieldError } from '../face/types';
import { ENDPOINT_MESSAGES, CONFIG_FIELD_MESSAGES as M } from './messages';
import type { ConfigFieldId, FormValues } from './outcome';
import type { Placement } from './workspace-target';

export interface WorkspaceConfigInput {
  placement: Placement;
  key: string;
}

export type ConfigValidation =
  | { ok: true; value: WorkspaceConfigInput }
  | { ok: false; errors: FieldError<ConfigFieldId>[] };

const KEY_PATTERN = /^[\x21-\x7e]+$/;

/** The region and endpoint as text for re-display; the key is deliberately left out. */
export function configFormValues(values: Record<string, unknown>): FormValues {
  const kept: FormValues = {};
  for (const field of ['target', 'region', 'endpoint'] as const) {
    const value = values[field];
    if (typeof value === 'string') kept[field] = value;
  }
  return kept;
}

function text(
  value: unknown,
  field: ConfigFieldId,
  label: string,
  errors: FieldError<ConfigFieldId>[],
): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    errors.push({ field, message: M.notText(label) });
    return '';
  }
  return value.trim();
}

/** Validates the config form's raw values (`region`, `endpoint`, `subscriptionKey`); every error at once. */
export function validateWorkspaceConfig(values: Record<string, unknown>): ConfigValidation {
  const errors: FieldError<ConfigFieldId>[] = [];
  const region = text(values.region, 'region', 'region', errors);
  const endpoint = text(values.endpoint, 'endpoint', 'endpoint', errors);
  const key = text(values.subscriptionKey, 'subscriptionKey', 'key', errors);

  // The form says which of the two it is (a Slack select cannot be cleared, so the other may be left
  // filled in); without a choice (the CLI, an older card) both given is an error.
  const target = values.target === 'region' || values.target === 'endpoint' ? values.target : undefined;
  if (values.target !== undefined && values.target !== '' && target === undefined) {
    errors.push({ field: 'target', message: M.targetUnknown });
  }
  const useRegion = target === 'region' ? region : target === 'endpoint' ? '' : region;
  const useEndpoint = target === 'endpoint' ? endpoint : target === 'region' ? '' : endpoint;
  const placement: Placement = {};
  if (target === 'region' && region === '') {
    errors.push({ field: 'region', message: M.regionRequired });
  } else if (target === 'endpoint' && endpoint === '') {
    errors.push({ field: 'endpoint', message: M.endpointRequired });
  } else if (useRegion !== '' && useEndpoint !== '') {
    errors.push({ field: 'endpoint', message: M.regionAndEndpoint });
  } else if (useEndpoint !== '') {
    const parsed = parseCustomEndpoint(useEndpoint);
    if (parsed.ok) placement.endpoint = parsed.baseUrl.replace(/\/face\/v1\.0$/, '/');
    else errors.push({ field: 'endpoint', message: ENDPOINT_MESSAGES[parsed.reason] });
  } else if (useRegion !== '') {
    if (isFaceRegion(useRegion)) placement.region = useRegion;
    else errors.push({ field: 'region', message: M.regionUnknown(useRegion) });
  } else if (!errors.some((error) => error.field === 'region' || error.field === 'endpoint')) {
    errors.push({ field: 'region', message: M.regionOrEndpointRequired });
  }

  if (key === '') {
    if (!errors.some((error) => error.field === 'subscriptionKey')) {
      errors.push({ field: 'subscriptionKey', message: M.keyRequired });
    }
  } else if (!KEY_PATTERN.test(key)) {
    errors.push({ field: 'subscriptionKey', message: M.keyMalformed });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { placement, key } };
}

/** The last 4 characters of a key, for display; nothing for a key too short to hide the rest. */
export function keyHintOf(key: string): string {
  return key.length >= 12 ? key.slice(-4) : '';
}
