/**
 * What the edit and delete commands say (the common catalog is texts.ts; Face failures have theirs in
 * src/face/messages.ts). No text here ever holds a key.
 */
import type { TargetDescription } from '../provisioning/outcome';
import type { Platform } from './types';

interface Notice {
  title: string;
  text: string;
}

const where = (target: TargetDescription): string =>
  target.emulated ? ' (in the built-in Face emulator)' : ` in ${target.label}`;

export const CHANGE_TEXTS = {
  editTitle: 'Edit person group',
  deleteTitle: 'Delete person group',
  /** The usage of one command, for a missing or invalid id. */
  usage: (usage: string, what: string, typed: string | undefined): Notice => ({
    title: `Usage: ${usage}`,
    text: `${typed === undefined ? 'Name the group' : `"${typed}" is not a group id`}: ${what}. Ids are 1–64 characters: a–z, 0–9, '-' or '_'; /persongroup list shows them.`,
  }),
  editWhat: 'the form to change its name and user data opens',
  deleteWhat: 'a confirmation opens where you type the id again',
  /** Both kinds hold the id. */
  whichKind: (personGroupId: string, action: 'edit' | 'delete') => ({
    title: `Which ${personGroupId}?`,
    text: `Both a person group and a large person group are called ${personGroupId}. Choose the one to ${action}.`,
    button: (kindTitle: string) => `${action === 'edit' ? 'Edit' : 'Delete'} the ${kindTitle.toLowerCase()}`,
  }),
  /** Slack's text input holds 3000 characters; longer user data stays as it is. */
  userDataTooLongHere: (length: number, limit: number): string =>
    `The user data (${length} characters) is longer than this app's input holds (${limit}), so it is kept unchanged. Edit it from Teams or with the Face API.`,
  userDataKept:
    "The user data is longer than this app's input holds, so it is kept unchanged. Edit it from Teams or with the Face API.",
  updated: (mention: string, kind: string, personGroupId: string, name: string, target: TargetDescription) =>
    `${mention} updated the ${kind} \`${personGroupId}\`${where(target)}: its name is now "${name}".`,
  deleted: (mention: string, kind: string, personGroupId: string, target: TargetDescription) =>
    `${mention} deleted the ${kind} \`${personGroupId}\`${where(target)}.`,
  mistyped: (personGroupId: string): string =>
    `That is not the id. Type ${personGroupId} exactly to delete it, or close this to keep the group.`,
  /** Who may delete, for someone who may not. */
  notAllowed: (
    personGroupId: string,
    creator: { name: string; platform: string | undefined; ago: string } | undefined,
    platform: Platform,
  ): Notice => ({
    title: `You cannot delete ${personGroupId}`,
    text: [
      'Only admins and the person who created a group through this bot can delete it.',
      creator
        ? `${personGroupId} was created by ${creator.name}${creator.platform ? ` in ${creator.platform}` : ''} ${creator.ago}: ask them or an admin.`
        : `${personGroupId} was not created through this bot, so only an admin can delete it.`,
      platform === 'slack'
        ? "Admins are the workspace's admins and owners and the users in the bot's BOT_ADMINS setting."
        : "Admins are the users listed in the bot's BOT_ADMINS setting.",
    ].join(' '),
  }),
} as const;
