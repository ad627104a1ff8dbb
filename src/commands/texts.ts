/**
 * What the commands say, in one catalog (Face failures have theirs in src/face/messages.ts, card texts
 * in src/cards/texts.ts). Functions take the values a text names; no text here ever holds a key.
 */
import type { TargetDescription } from '../provisioning/outcome';
import type { TrainingOutcome } from '../provisioning/training';
import type { Platform } from './types';

/** "1 second", "42 seconds". */
const seconds = (count: number): string => (count === 1 ? '1 second' : `${count} seconds`);

interface Notice {
  title: string;
  text: string;
}

export const COMMAND_TEXTS = {
  createTitle: 'Create person group',
  configureTitle: 'Configure Face API',
  /** Where no password input exists, the config form says the key shows while typing. */
  keyVisible: {
    title: 'The key is visible while you type',
    text: 'Slack has no password field, so the key shows in this form until you submit. It is stored encrypted and never shown again (only its last 4 characters).',
  },
  currentTarget: (label: string): string => `This workspace currently uses ${label}.`,
  creating: (personGroupId: string): Notice => ({
    title: 'Creating…',
    text: `Creating person group ${personGroupId}. This view updates when it is done.`,
  }),
  checkingKey: {
    title: 'Checking the key…',
    text: 'The key is being checked with the Face API. This view updates when it is done.',
  },
  /** The conversation's sentence naming who created what, and where. */
  created: (
    mention: string,
    personGroupId: string,
    name: string,
    target: TargetDescription,
    noun = 'person group',
  ): string => {
    const where = target.emulated ? ' (in the built-in Face emulator)' : ` in ${target.label}`;
    return `${mention} created ${noun} \`${personGroupId}\` (${name})${where}.`;
  },
  /** The plain-text line of a failure told to the user alone. */
  failed: (failure: { title: string; remedy: string }): string => `${failure.title}: ${failure.remedy}`,
  notConfigured: 'This workspace is not configured yet: ask a workspace admin to run /persongroup config.',
  invalid: 'Some fields need a change; run /persongroup create again.',
  unknownCommand: (typed: string): string => `"${typed}" is not a command I know.`,
  /** How to call the bot where it must be mentioned (Teams channels and group chats). */
  mentionFirst: (botName: string): string =>
    `In a channel or group chat, mention the bot first: @${botName} persongroup create.`,
  /** A Face-spending action refused by a guardrail, saying when to try again. */
  rateLimited: (
    reason: 'user_limit' | 'workspace_limit' | 'face_asked_to_wait',
    retryAfterSeconds: number,
    limit: number | undefined,
  ): Notice => {
    const when = `Try again in ${seconds(retryAfterSeconds)}.`;
    if (reason === 'face_asked_to_wait')
      return {
        title: `The Face API asked to wait ${seconds(retryAfterSeconds)}`,
        text: `This workspace's Face API resource is at its rate limit (the free tier allows 20 calls a minute), so the bot holds back until then. ${when}`,
      };
    if (reason === 'user_limit')
      return {
        title: 'Too many requests from you',
        text: `You can run ${limit ?? 'a few'} actions that call the Face API a minute, and you have. ${when}`,
      };
    return {
      title: 'Too many requests in this workspace',
      text: `This workspace can run ${limit ?? 'a few'} actions that call the Face API a minute, and it has. ${when}`,
    };
  },
  usageTitle: (usage: string): string => `Usage: ${usage}`,
  /** Why a command's usage is shown: no id, or one that breaks the id rule. */
  idMissing: 'Give the id of a person group or large person group.',
  idInvalid: (typed: string): string =>
    `"${typed}" is not a valid id: use 1–64 characters: a–z, 0–9, '-' or '_'.`,
  prefixInvalid: (typed: string): string =>
    `"${typed}" is not a valid prefix: ids hold only a–z, 0–9, '-' and '_' (at most 64).`,
  tooManyArguments: (extra: string): string => `Unexpected "${extra}" after the id.`,
  badPage: 'This page of the history is out of date; run the command again.',
  noGroups: 'No person groups yet: create one with /persongroup create.',
  groupsLine: (ids: readonly string[]): string => `Person groups: ${ids.join(', ')}`,
  groupLine: (group: { groupId: string; name: string }): string => `${group.groupId}: ${group.name}`,
  pickKind: (groupId: string): string =>
    `A person group and a large person group both have the id ${groupId}: pick one.`,
  historyLine: (count: number, groupId: string | undefined): string =>
    `${count} ${count === 1 ? 'event' : 'events'}${groupId ? ` of ${groupId}` : ''}, newest first.`,
  notAnId: (typed: string): string =>
    `"${typed.slice(0, 80)}" is not a person group id (1–64 characters: a–z, 0–9, '-' or '_').`,
  /** The plain-text line of a training's status (notifications, Slack's `text`). */
  trainingLine: (outcome: TrainingOutcome): string => {
    if (outcome.kind === 'not_configured') return COMMAND_TEXTS.notConfigured;
    if (outcome.kind === 'ambiguous')
      return `Both a person group and a large person group are called ${outcome.personGroupId}: pick one.`;
    if (outcome.kind === 'failed') return `${outcome.failure.title}: ${outcome.failure.remedy}`;
    const id = outcome.group.personGroupId;
    if (outcome.kind === 'never_trained') return `${id} has never been trained.`;
    if (outcome.state === 'succeeded') return `Training of ${id} succeeded.`;
    if (outcome.state === 'failed')
      return `Training of ${id} failed: ${outcome.failure?.remedy ?? 'add persons and faces first.'}`;
    return outcome.waitEnded ? `Training of ${id} is still running.` : `Training ${id}…`;
  },
  /** The plain-text line of a notice. */
  noticeLine: (title: string, text: string): string => `${title}: ${text}`,
  /** Who may configure, on each platform, for someone who may not. */
  notAdmin: (platform: Platform, actorId: string, anyAdmin: boolean): Notice =>
    platform === 'slack'
      ? {
          title: 'Only admins can configure the Face API',
          text: 'Only workspace admins and owners, and the users listed in the bot’s BOT_ADMINS setting, can configure the Face API key. Ask one of them to run `/persongroup config`.',
        }
      : {
          title: 'Only bot admins can configure the Face API',
          text: [
            "The Face API key and region of this workspace can be set by the admins listed in the bot's BOT_ADMINS setting (by Microsoft Entra object id).",
            anyAdmin
              ? 'Ask one of them to run persongroup config.'
              : 'No admin is listed yet: ask whoever runs the bot to add one.',
            actorId ? `Your object id is ${actorId}.` : '',
          ]
            .filter((part) => part !== '')
            .join(' '),
        },
} as const;
