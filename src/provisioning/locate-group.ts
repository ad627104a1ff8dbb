import { describeFaceFailure, InvalidPersonGroupFieldsError } from '../face/errors';
import { checkPersonGroupId } from '../face/rules';
import { type FaceGroup, type FaceTarget, GROUP_KINDS, type GroupKind } from '../face/types';
import type { GroupRef, LocateOutcome } from './change-outcome';
import type { ProvisioningDeps } from './deps';
import { accessWorkspace } from './workspace-access';

/** True for `personGroup` and `largePersonGroup` (a card's data is checked before it is trusted). */
export function isGroupKind(value: unknown): value is GroupKind {
  return typeof value === 'string' && (GROUP_KINDS as readonly string[]).includes(value);
}

type Lookup =
  | { kind: 'found'; group: FaceGroup }
  | { kind: 'missing'; error: unknown }
  | { kind: 'error'; error: unknown };

async function lookUp(
  deps: ProvisioningDeps,
  target: FaceTarget,
  kind: GroupKind,
  id: string,
): Promise<Lookup> {
  try {
    return {
      kind: 'found',
      group: await deps.faceClient.getGroup(target, kind, id, { budgetMs: deps.budgetMs }),
    };
  } catch (error) {
    return describeFaceFailure(error).kind === 'not_found'
      ? { kind: 'missing', error }
      : { kind: 'error', error };
  }
}

/**
 * Finds a group by id (`GET …?returnRecognitionModel=true`): in the given kind, or in both kinds at once
 * when none is given. Both kinds holding the id is `ambiguous` (the user chooses); neither is the mapped
 * 404; any other failure of either lookup is that failure.
 */
export async function locateGroup(deps: ProvisioningDeps, ref: GroupRef): Promise<LocateOutcome> {
  const checked = checkPersonGroupId(ref.personGroupId);
  if (!checked.ok)
    return {
      kind: 'failed',
      failure: describeFaceFailure(new InvalidPersonGroupFieldsError([checked.error])),
    };
  const access = await accessWorkspace(deps, ref.workspaceId);
  if (access.kind === 'not_configured') return { kind: 'not_configured', workspaceId: ref.workspaceId };
  if (access.kind === 'failed') return { kind: 'failed', failure: access.failure };
  const kinds = ref.kind === undefined ? GROUP_KINDS : [ref.kind];
  const lookups = await Promise.all(kinds.map((kind) => lookUp(deps, access.target, kind, checked.value)));
  const failed = lookups.find((lookup) => lookup.kind === 'error');
  if (failed) return { kind: 'failed', failure: describeFaceFailure(failed.error) };
  const found = lookups.flatMap((lookup) => (lookup.kind === 'found' ? [lookup.group] : []));
  const [only] = found;
  if (found.length > 1) {
    return { kind: 'ambiguous', personGroupId: checked.value, kinds: found.map((group) => group.kind) };
  }
  if (only) return { kind: 'found', group: only, target: access.description };
  const missing = lookups.find((lookup) => lookup.kind === 'missing');
  return { kind: 'failed', failure: describeFaceFailure(missing?.error) };
}
