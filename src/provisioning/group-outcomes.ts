/** What the read-only group use cases (list, show, history) return; every adapter renders each kind. */
import type { PersonCount } from '../face/client';
import type { FaceGroup, GroupKind } from '../face/types';
import type { AuditEntry, AuditPlatform } from '../store/types';
import type { Failure } from './failure';
import type { TargetDescription } from './outcome';

/** The workspace cannot be reached, or the Face API (or the database) failed. */
export type AccessProblem = { kind: 'not_configured' } | { kind: 'failed'; failure: Failure };

/** How many groups a list found, counted up to a cap: `capped` means there are more than `count`. */
export interface GroupTotal {
  count: number;
  capped: boolean;
}

export type ListOutcome =
  | {
      kind: 'listed';
      /** One page, in id order (a person group before a large one of the same id). */
      groups: FaceGroup[];
      /** Only on the first page. */
      total?: GroupTotal;
      /** The `start` of the next page (the last id shown); absent on the last page. */
      next?: string;
      prefix: string;
      target: TargetDescription;
    }
  | AccessProblem;

/** A group's training as a user reads it. */
export type TrainingView =
  | { state: 'never' }
  | { state: 'notstarted' | 'running' }
  | { state: 'succeeded'; at?: Date }
  /** `message` is the service's own words, shown as such. */
  | { state: 'failed'; message?: string };

/** Who created a group through this bot, from the audit. */
export interface GroupCreator {
  name: string;
  platform?: AuditPlatform;
  at: Date;
}

export type ShowOutcome =
  | {
      kind: 'shown';
      group: FaceGroup;
      persons: Pick<PersonCount, 'count' | 'capped'>;
      training: TrainingView;
      creator?: GroupCreator;
      target: TargetDescription;
      /** When it was read (for "3 minutes ago"). */
      now: Date;
    }
  /** Both kinds have this id: the user picks one. */
  | { kind: 'ambiguous'; groupId: string; kinds: GroupKind[] }
  | AccessProblem;

export type HistoryOutcome =
  | {
      kind: 'history';
      /** Newest first. */
      entries: AuditEntry[];
      /** The offset of the next page; absent on the last page. */
      next?: number;
      /** The offset this page starts at. */
      start: number;
      personGroupId?: string;
      /** When it was read (for "3 minutes ago"). */
      now: Date;
    }
  | { kind: 'failed'; failure: Failure };
