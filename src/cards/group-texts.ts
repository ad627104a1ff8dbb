/**
 * What the list, show and history cards say (the Face failure texts live in src/face/messages.ts). No
 * text here holds a key; values from the service or from users are only ever inserted, never interpreted.
 */
import type { AuditAction, AuditEntry } from '../store/types';

const number = (n: number): string => n.toLocaleString('en-US');

/** How an audit action reads in a history row. */
const ACTIONS: Record<AuditAction, string> = {
  create_person_group: 'create',
  update_person_group: 'edit',
  delete_person_group: 'delete',
  train_person_group: 'train',
  configure_workspace: 'configure',
  remove_workspace: 'remove key',
  rate_limited: 'refused (rate limit)',
};

export const GROUP_TEXTS = {
  listHeading: (prefix: string): string =>
    prefix === '' ? 'Person groups' : `Person groups starting with "${prefix}"`,
  /** "1 group", "10,000+ groups". */
  total: (count: number, capped: boolean): string =>
    `${number(count)}${capped ? '+' : ''} ${count === 1 && !capped ? 'group' : 'groups'} in this workspace's Face resource.`,
  moreNote: 'Use More for the next page.',
  emptyTitle: (prefix: string): string =>
    prefix === '' ? 'No person groups yet' : `No person group starts with "${prefix}"`,
  emptyText: (prefix: string): string =>
    prefix === ''
      ? 'Create the first one with /persongroup create (a person group, or a large person group for more than 10,000 persons).'
      : 'Try a shorter prefix, /persongroup list for every group, or create one with /persongroup create.',
  /** "1,000+" when counting stopped at the cap. */
  persons: (count: number, capped: boolean): string => `${number(count)}${capped ? '+' : ''}`,
  trainingNever: 'Never trained',
  trainingQueued: 'Waiting to start',
  trainingRunning: 'Running',
  trainingSucceeded: (at: string | undefined): string => (at ? `Succeeded at ${at}` : 'Succeeded'),
  trainingFailed: (message: string | undefined): string =>
    message ? `Failed. The Face API said: "${message}"` : 'Failed (the Face API gave no reason)',
  createdBy: (name: string, platform: string | undefined, at: string, ago: string): string =>
    `by ${name}${platform ? ` in ${platform}` : ''}, ${at} (${ago})`,
  userDataCut: (shown: number): string => ` … (first ${shown} characters)`,
  pickKindTitle: (groupId: string): string => `Two groups have the id ${groupId}`,
  pickKindText: 'A person group and a large person group share this id. Which one?',
  historyHeading: (groupId: string | undefined): string =>
    groupId ? `History of ${groupId}` : 'History of this workspace',
  historyEmpty: (groupId: string | undefined): string =>
    groupId
      ? `No events for ${groupId} yet. Events are recorded when groups are created, edited, deleted or trained through this bot.`
      : 'No events yet. Events are recorded when groups are created, edited, deleted or trained, and when the workspace is configured.',
  historyRange: (from: number, to: number): string => `Events ${number(from)}–${number(to)}, newest first.`,
  action: (action: AuditAction): string => ACTIONS[action] ?? action,
  /** "front-door (large)" or "—". */
  group: (entry: Pick<AuditEntry, 'personGroupId' | 'groupKind'>): string =>
    entry.personGroupId
      ? `${entry.personGroupId}${entry.groupKind === 'largePersonGroup' ? ' (large)' : ''}`
      : '—',
} as const;
