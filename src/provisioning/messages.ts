/**
 * The texts a chat user or operator reads from the provisioning use cases: target names, the config
 * form's field rules, and the waits a duplicate submit can run into (the cards hold the not-configured
 * and forbidden texts). Face failures have their
 * own catalog (src/face/messages.ts). No text here ever holds a key.
 */
import type { EndpointRejection } from '../face/errors/face-endpoint-error';
import type { FaceFailure } from '../face/failure';
import type { Failure } from './failure';

/** How a target is named for people. */
export const TARGET_LABELS = {
  emulator: 'the built-in Face emulator',
  /** FACE_ENDPOINT_OVERRIDE sends every call elsewhere: say so, and what the workspace is set to. */
  overridden: (host: string, stored: string): string =>
    `${host} (FACE_ENDPOINT_OVERRIDE, standing in for ${stored})`,
} as const;

/** Field rule texts of the config form, keyed by situation. */
export const CONFIG_FIELD_MESSAGES = {
  regionOrEndpointRequired: 'Choose a region, or enter your Face resource’s endpoint.',
  regionAndEndpoint: 'Give a region or an endpoint, not both.',
  regionRequired: 'Choose the region of your Face resource.',
  endpointRequired: 'Enter your Face resource’s endpoint: https://<resource>.cognitiveservices.azure.com/',
  targetUnknown: 'Choose a region or a custom endpoint.',
  regionUnknown: (region: string): string =>
    `"${region}" is not a Face API region; choose one from the list (for example westus or westeurope).`,
  keyRequired: 'Enter the Face resource’s key (Azure portal → your Face resource → Keys and Endpoint).',
  keyMalformed:
    'The key contains spaces or unusual characters; copy KEY 1 or KEY 2 from the Azure portal as it is.',
  notText: (label: string): string => `The ${label} must be text.`,
} as const;

/** Why a custom endpoint was refused, worded for the config form. */
export const ENDPOINT_MESSAGES: Record<EndpointRejection, string> = {
  not_a_url: 'This is not a URL. Use https://<resource>.cognitiveservices.azure.com/',
  not_https: 'The endpoint must start with https://.',
  not_azure_host:
    'The endpoint must be an Azure Face resource: https://<resource>.cognitiveservices.azure.com/ or https://<region>.api.cognitive.microsoft.com/.',
  has_credentials: 'The endpoint must not contain a user name or password.',
  has_port: 'The endpoint must not name a port.',
  has_query: 'The endpoint must not contain a query (?…) or a fragment (#…).',
  unknown_region: 'Unknown region.',
  no_target: 'Choose a region, or enter your Face resource’s endpoint.',
};

/** A duplicate submit waited for the first one (on another replica) longer than its budget. */
export function stillInProgressFailure(personGroupId: string): FaceFailure {
  return {
    kind: 'concurrent_conflict',
    title: 'This person group is being created right now',
    detail: `Another request for "${personGroupId}" is still waiting for the Face API.`,
    remedy: 'Wait a few seconds, then check the channel for the result before submitting again.',
    field: 'personGroupId',
  };
}

/** The stored key could not be decrypted (SECRET_KEY changed without SECRET_KEY_PREVIOUS). */
export function unreadableKeyFailure(): FaceFailure {
  return {
    kind: 'unknown',
    title: 'The workspace’s Face API key cannot be read',
    detail: 'The stored key was encrypted with a secret this server does not have.',
    remedy:
      'Ask the operator to set SECRET_KEY_PREVIOUS to the old secret, or an admin to run `/persongroup config` again.',
  };
}

/** The bot's own database failed (stopped, unreachable, read-only): nothing was carried out. */
export function storeUnavailableFailure(): Failure {
  return {
    kind: 'store_unavailable',
    title: 'The bot’s database is unavailable',
    detail: 'The bot could not read or save its data, so your request was not carried out.',
    remedy: 'Try again in a minute; if it keeps failing, tell whoever runs the bot.',
  };
}

/** How long ago, for people: "just now", "3 minutes ago", "2 hours ago", "5 days ago". */
export function timeAgo(then: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return plural(Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return plural(Math.floor(seconds / 3600), 'hour');
  return plural(Math.floor(seconds / 86_400), 'day');
}

/** What the bot knows of a group that exists already. */
export const EXISTING_TEXTS = {
  createdBy: (
    personGroupId: string,
    who: string,
    platform: string | undefined,
    at: Date,
    now: Date,
  ): string =>
    `${personGroupId} was created by ${who}${platform ? ` in ${platform}` : ''} ${timeAgo(at, now)}.`,
} as const;

/** A create whose answer never came may have created the group: say so, and how to find out. */
export function unansweredCreateRemedy(remedy: string, personGroupId: string): string {
  return `${remedy} The group may exist already: submit the same form again and the bot checks whether this attempt went through, or look with /persongroup show ${personGroupId}.`;
}
