/**
 * Every text a chat user may read from the Face layer: field rules and failure descriptions.
 * One catalog so wording stays consistent and reviewable. No text here contains a key or a raw service
 * body; request ids are added by the mapping (describe-face-failure.ts).
 */
import type { FaceFailure } from './failure';

type Text = Pick<FaceFailure, 'title' | 'detail' | 'remedy'>;

/** How a text names the group an answer is about. */
export type GroupNoun = 'person group' | 'large person group';

/** "1 second", "21 seconds": every wait a user reads is phrased here. */
export function waitText(seconds: number): string {
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** Field rule texts: each states the rule so the user can fix the value. */
export const FIELD_MESSAGES = {
  idRule: "Use 1–64 characters: a–z, 0–9, '-' or '_'.",
  idRequired: "The person group ID is required. Use 1–64 characters: a–z, 0–9, '-' or '_'.",
  idUpperCase: (suggestion: string): string =>
    `Upper-case letters are not allowed. Use 1–64 characters: a–z, 0–9, '-' or '_' (for example "${suggestion}").`,
  nameRequired: 'The name is required: 1–128 characters.',
  nameTooLong: (length: number): string => `The name is ${length} characters long; use at most 128.`,
  userDataTooLong: (bytes: number): string =>
    `User data is ${bytes} bytes (UTF-8); the limit is 16,384 bytes (16 KB).`,
  recognitionModelInvalid: 'Choose one of recognition_01, recognition_02, recognition_03 or recognition_04.',
  notText: (label: string): string => `The ${label} must be text.`,
  nothingToChange: 'Change the name, the user data, or both.',
} as const;

/** Failure texts by situation. Functions take the numbers a user needs (waits), never service bodies. */
export const FAILURE_MESSAGES = {
  invalidId: {
    title: 'The person group ID is not valid',
    detail: "The Face API rejected the person group ID. It accepts 1–64 characters: a–z, 0–9, '-' or '_'.",
    remedy: 'Change the ID to lower-case letters, digits, hyphens or underscores and submit again.',
  },
  nameEmpty: {
    title: 'The name is missing',
    detail: 'The Face API needs a display name for the person group.',
    remedy: 'Enter a name of 1–128 characters and submit again.',
  },
  nameTooLong: {
    title: 'The name is too long',
    detail: 'The Face API accepts names of at most 128 characters.',
    remedy: 'Shorten the name to 128 characters or fewer and submit again.',
  },
  userDataTooLong: {
    title: 'The user data is too long',
    detail: 'The Face API accepts at most 16 KB of user data.',
    remedy: 'Shorten the user data to 16,384 bytes or fewer and submit again.',
  },
  recognitionModelInvalid: {
    title: 'The recognition model is not valid',
    detail: 'The Face API does not know the chosen recognition model.',
    remedy: 'Choose recognition_01, 02, 03 or 04 (recognition_04 is recommended) and submit again.',
  },
  badBody: {
    title: 'The Face API could not read the request',
    detail:
      'The Face API said the request body was not valid JSON. This is a fault in the bot, not in your input.',
    remedy: 'Try once more; if it happens again, report it to the bot’s maintainers with the request id.',
  },
  badArgument: {
    title: 'The Face API rejected the request',
    detail: 'The Face API said one of the values is not valid.',
    remedy: 'Check the ID, name, user data and model against the form’s rules and submit again.',
  },
  invalidFields: {
    title: 'Some fields need fixing',
    detail: 'The request was not sent because some values break the Face API rules.',
    remedy: 'Fix the fields marked on the form and submit again.',
  },
  unauthorized: {
    title: 'The Face API refused the key',
    detail:
      'Access was denied: either the subscription key is wrong (or its subscription is blocked), or the key is right but the region or endpoint is not the one of its Azure resource.',
    remedy:
      'Ask a workspace admin to check both the key and the region/endpoint with /persongroup config (they must come from the same Face resource in the Azure portal).',
  },
  /** `code` is the service's error code, already checked to be a plain word. */
  forbidden: (code: string | undefined): Text => ({
    title: 'The Face API refused the operation',
    detail: `The Face resource is not allowed to perform this operation${code === undefined ? '' : ` (Azure error code ${code})`}.`,
    remedy:
      'Ask a workspace admin to check the Face resource in the Azure portal (networking, access policies, pricing tier), quoting the error code and request id.',
  }),
  callQuota: {
    title: 'The Face resource is out of call quota',
    detail: 'The Face resource has used up its call volume quota; Azure replenishes it after a while.',
    remedy:
      'Try again once the quota is replenished, or ask an admin to move the resource to a paid tier (S0).',
  },
  groupQuota: {
    title: 'No more person groups allowed',
    detail:
      'The Face resource has reached its limit of person groups (1,000 on the free tier, 1,000,000 on S0).',
    remedy: 'Delete person groups that are no longer used, or ask an admin to upgrade the resource to S0.',
  },
  limitedAccess: {
    title: 'The Face resource needs Limited Access approval',
    detail:
      'Microsoft only allows person groups (identification and verification) on Face resources approved for Limited Access, and this resource is not approved.',
    remedy:
      'An Azure admin must apply for Face Limited Access at https://aka.ms/facerecognition; once approved, try again.',
  },
  notFound: (noun: GroupNoun): Text => ({
    title: `The ${noun} does not exist`,
    detail: `The Face resource has no ${noun} with this ID (for this key and region).`,
    remedy: 'Check the ID with /persongroup list, or create the group first with /persongroup create.',
  }),
  notTrained: (noun: GroupNoun): Text => ({
    title: `The ${noun} has never been trained`,
    detail: `The Face API has no training of this ${noun} yet.`,
    remedy: 'Add persons with faces, then start a training with /persongroup train <id>.',
  }),
  nothingToTrain: (noun: GroupNoun): Text => ({
    title: `The ${noun} has nothing to train on`,
    detail: `Training needs at least one person with at least one face in the ${noun}.`,
    remedy: 'Add persons and faces first, then train the group again.',
  }),
  notFoundPath: {
    title: 'The Face API address was not found',
    detail: 'The endpoint answered "not found": it may not be a Face API endpoint.',
    remedy: 'Ask a workspace admin to check the region or endpoint with /persongroup config.',
  },
  alreadyExists: (noun: GroupNoun): Text => ({
    title: `A ${noun} with this ID already exists`,
    detail: `The Face resource already holds a ${noun} with this ID.`,
    remedy: 'Choose a different ID, or use the existing group.',
  }),
  concurrentConflict: {
    title: 'Another operation is running on this person group',
    detail: 'The Face API is still busy with another change to this person group.',
    remedy: 'Wait a few seconds and try again.',
  },
  trainingNotFinished: (noun: GroupNoun): Text => ({
    title: `The ${noun} is being trained`,
    detail: 'The Face API does not change, delete or train a group again while its training runs.',
    remedy: 'Wait for the training to finish (see /persongroup show <id>), then try again.',
  }),
  unsupportedMediaType: {
    title: 'The Face API rejected the request format',
    detail: 'The Face API only accepts JSON bodies. This is a fault in the bot, not in your input.',
    remedy: 'Report it to the bot’s maintainers with the request id.',
  },
  rateLimited: (seconds: number | undefined): Text => ({
    title: 'The Face API is busy (rate limit)',
    detail:
      'Too many calls were made to the Face resource in a short time (the free tier allows 20 per minute).',
    remedy: `Wait ${seconds === undefined ? 'a minute' : waitText(seconds)} and try again.`,
  }),
  unavailable: (seconds: number | undefined): Text => ({
    title: 'The Face API is unavailable',
    detail: 'The Face API (or a proxy in front of it) answered with a server error.',
    remedy: `Try again in ${seconds === undefined ? 'a minute' : waitText(seconds)}; if it keeps failing, check the Azure status page.`,
  }),
  timeout: {
    title: 'The Face API did not answer in time',
    detail: 'The call to the Face API timed out. The group may or may not have been created.',
    remedy: 'Try again in a minute.',
  },
  network: {
    title: 'The Face API could not be reached',
    detail: 'The connection to the Face API failed or was cut off.',
    remedy: 'Check the region or endpoint, then try again in a minute.',
  },
  /** `host` comes from the Location header, reduced to a URL's host by the error class. */
  redirected: (host: string | undefined): Text => ({
    title: 'The Face API address sends the bot elsewhere',
    detail: `The configured Face endpoint answered with a redirect${host === undefined ? '' : ` to ${host}`}. The bot never follows redirects, so the key is only ever sent to the configured address.`,
    remedy:
      'Ask a workspace admin to set the Face resource’s own endpoint or region with /persongroup config (Azure portal → the Face resource → Keys and Endpoint).',
  }),
  budgetExhausted: (seconds: number | undefined): Pick<Text, 'title' | 'remedy'> => ({
    title: 'The Face API did not finish in time',
    remedy: `Try again in ${seconds === undefined ? 'a minute' : waitText(seconds)}.`,
  }),
  budgetDetail: (seconds: number): string =>
    `The bot stopped retrying after ${seconds} s so the reply would not be late.`,
  endpointInvalid: {
    title: 'The Face API region or endpoint is not usable',
    detail: 'The workspace’s Face API region or endpoint is missing or not an Azure Face address.',
    remedy: 'Ask a workspace admin to set the region or endpoint again with /persongroup config.',
  },
  unknown: {
    title: 'Something went wrong with the Face API',
    detail: 'The Face API call failed in an unexpected way.',
    remedy: 'Try again; if it happens again, report it to the bot’s maintainers with the request id.',
  },
  requestId: (id: string): string => `Azure request id: ${id}.`,
} as const satisfies Record<string, unknown>;
