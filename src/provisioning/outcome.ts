import type { FieldError, GroupKind, PersonGroupFields } from '../face/types';
import type { Failure } from './failure';

/** Who asked, as the platform names them. `id` is the Slack user id or the Teams aadObjectId. */
export interface Actor {
  id: string;
  name: string;
}

/** Where a workspace's Face calls go, described for people (never the key). */
export interface TargetDescription {
  /** "West US", a custom endpoint's host, or "the built-in Face emulator". */
  label: string;
  /** True when the call went to the built-in emulator (local mode): replies must say so. */
  emulated: boolean;
}

/** The raw values a form sent back, kept so a form can be shown again with them. */
export type FormValues = Record<string, string>;

/**
 * What `createPersonGroup` returns; every adapter renders each kind. `target` says where the workspace's
 * calls go where it is known, so a form shown again keeps its "built-in emulator" note.
 */
export type CreateOutcome =
  | {
      kind: 'created';
      group: PersonGroupFields;
      /** Which collection it was created in; absent means a person group. */
      groupKind?: GroupKind;
      target: TargetDescription;
      by: Actor;
      at: Date;
      requestId?: string;
      /** An earlier attempt whose answer was lost (timeout, reset) had created it: this one confirmed it. */
      earlierAttempt?: boolean;
      /** The same submission arrived twice and this is the second: it hears the first one's creation. */
      twin?: boolean;
    }
  | { kind: 'invalid'; errors: FieldError[]; values: FormValues; target?: TargetDescription }
  | { kind: 'not_configured'; workspaceId: string; values: FormValues }
  | { kind: 'failed'; failure: Failure; values: FormValues; target?: TargetDescription };

export type ConfigFieldId = 'target' | 'region' | 'endpoint' | 'subscriptionKey';

/** What `configureWorkspace` returns. */
export type ConfigureOutcome =
  | {
      kind: 'configured';
      workspaceId: string;
      target: TargetDescription;
      keyHint: string;
      by: Actor;
      at: Date;
    }
  | { kind: 'forbidden'; workspaceId: string }
  | { kind: 'invalid'; errors: FieldError<ConfigFieldId>[]; values: FormValues }
  | { kind: 'failed'; failure: Failure; values: FormValues };
