/**
 * What the manage use cases (locate, edit, delete) return; adapters render each kind. Kept apart from
 * outcome.ts (create and configure) so each file stays one idea.
 */
import type { FaceGroup, FieldError, GroupKind } from '../face/types';
import type { AuditEntry } from '../store/types';
import type { Failure } from './failure';
import type { Actor, FormValues, TargetDescription } from './outcome';

/** A group named by id, of a known kind or of whichever kind has it. */
export interface GroupRef {
  workspaceId: string;
  personGroupId: string;
  /** Absent: look in both kinds. */
  kind?: GroupKind;
}

/** Where a group is: found (one kind), in both kinds (the user must choose), or why it cannot be said. */
export type LocateOutcome =
  | { kind: 'found'; group: FaceGroup; target: TargetDescription }
  | { kind: 'ambiguous'; personGroupId: string; kinds: readonly GroupKind[] }
  | { kind: 'not_configured'; workspaceId: string }
  | { kind: 'failed'; failure: Failure };

/** What `updateGroup` returns. `values` are the form's values as sent, to show the form again. */
export type UpdateOutcome =
  | {
      kind: 'updated';
      group: { personGroupId: string; kind: GroupKind; name: string; userData?: string };
      target: TargetDescription;
      by: Actor;
      at: Date;
      requestId?: string;
    }
  | { kind: 'invalid'; errors: FieldError[]; values: FormValues }
  | { kind: 'not_configured'; workspaceId: string }
  | { kind: 'failed'; failure: Failure; values: FormValues };

/** Whether an actor may delete a group: admins, and whoever created it through this bot. */
export type DeleteRights =
  | { kind: 'allowed' }
  /** `creator` is who created it through this bot; absent when it was made elsewhere. */
  | { kind: 'forbidden'; creator?: AuditEntry }
  | { kind: 'failed'; failure: Failure };

/** What `deleteGroup` returns. */
export type DeleteOutcome =
  | {
      kind: 'deleted';
      personGroupId: string;
      groupKind: GroupKind;
      target: TargetDescription;
      by: Actor;
      at: Date;
      requestId?: string;
    }
  | { kind: 'forbidden'; personGroupId: string; creator?: AuditEntry }
  /** The typed confirmation is not the id: nothing was deleted. */
  | { kind: 'mistyped'; personGroupId: string; groupKind: GroupKind }
  | { kind: 'not_configured'; workspaceId: string }
  | { kind: 'failed'; failure: Failure };
