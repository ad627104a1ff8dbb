/**
 * The texts only the Slack adapter says (Face and card texts live in src/face/messages and src/cards/texts).
 * One catalog so wording stays consistent and reviewable; functions take the values a text names.
 */
import type { TargetDescription } from '../provisioning/outcome';

/** A notice: a short title and a sentence or two. */
interface Notice {
  title: string;
  text: string;
}

export const SLACK_TEXTS = {
  createTitle: 'Create person group',
  configureTitle: 'Configure Face API',
  /** Slack has no password input: the key field is visible while typing, and the modal says so. */
  keyVisible: {
    title: 'The key is visible while you type',
    text: 'Slack has no password field, so the key shows in this form until you submit. It is stored encrypted and never shown again (only its last 4 characters).',
  },
  creating: (personGroupId: string): Notice => ({
    title: 'Creating…',
    text: `Creating person group ${personGroupId}. This view updates when it is done.`,
  }),
  checkingKey: {
    title: 'Checking the key…',
    text: 'The key is being checked with the Face API. This view updates when it is done.',
  },
  /** The channel sentence naming who created what, and where. */
  created: (userId: string, personGroupId: string, name: string, target: TargetDescription): string => {
    const where = target.emulated ? ' (in the built-in Face emulator)' : ` in ${target.label}`;
    return `<@${userId}> created person group \`${personGroupId}\` (${name})${where}.`;
  },
  /** The plain-text fallback of a create failure sent to the user alone. */
  createFailed: (failure: { title: string; remedy: string }): string => `${failure.title}: ${failure.remedy}`,
  createNotConfigured:
    'This workspace is not configured yet: ask a workspace admin to run /persongroup config.',
  createInvalid: 'Some fields need a change; run /persongroup create again.',
  unknownCommand: (verb: string): string => `"${verb}" is not a command I know.`,
  usage: (note: string): string =>
    `${note ? `${note} ` : ''}Use /persongroup create [id [name]], /persongroup config (admins), /persongroup help.`,
  /** The plain-text fallback of a notice message. */
  noticeFallback: (title: string, text: string): string => `${title}: ${text}`,
  formNotOpened: {
    title: 'The form could not be opened',
    text: 'Slack did not accept it in time. Please run the command again.',
  },
  /** Who can configure instead, for a refused user. */
  adminsOnly: {
    title: 'Only admins can configure the Face API',
    text: 'Only workspace admins and owners, and the users listed in the bot’s BOT_ADMINS setting, can configure the Face API key. Ask one of them to run `/persongroup config`.',
  },
  /** What a user sees when Slack sent a form the bot cannot read. */
  unreadableForm: {
    title: 'This form could not be read',
    text: 'Slack sent the form without parts the bot needs. Close it and run the `/persongroup` command again.',
  },
  /** An unexpected failure of a create or configure submission, saying what may not have happened. */
  unexpected: (submission: 'create' | 'configure'): Notice => ({
    title: 'Something went wrong on our side',
    text: `${submission === 'create' ? 'The person group may not have been created.' : 'The settings may not have been saved.'} Please try again in a minute; if it keeps failing, tell the bot’s operator.`,
  }),
} as const;
