import { describeFaceFailure } from '../face/errors';
import { type FaceTarget, GROUP_KINDS, type GroupKind } from '../face/types';
import type { ProvisioningDeps } from './deps';
import type { Failure } from './failure';

/** Which kind holds an id: one, both (the user picks), or why it could not be told. */
export type TrainingTarget =
  | { kind: 'found'; groupKind: GroupKind }
  | { kind: 'both' }
  | { kind: 'failed'; failure: Failure; error: unknown };

/**
 * Finds which kind of group has `personGroupId` (GET of both, in parallel). A 404 from one kind is an
 * answer; any other failure is reported, since the id might be of that kind.
 */
export async function findGroupKind(
  deps: Pick<ProvisioningDeps, 'faceClient'>,
  target: FaceTarget,
  personGroupId: string,
  signal?: AbortSignal,
): Promise<TrainingTarget> {
  const lookups = await Promise.allSettled(
    GROUP_KINDS.map((kind) =>
      deps.faceClient.getGroup(target, kind, personGroupId, signal ? { signal } : undefined),
    ),
  );
  const found = GROUP_KINDS.filter((_, index) => lookups[index]?.status === 'fulfilled');
  if (found.length === 2) return { kind: 'both' };
  const [groupKind] = found;
  if (groupKind !== undefined) return { kind: 'found', groupKind };
  const failures = lookups.flatMap((lookup) => (lookup.status === 'rejected' ? [lookup.reason] : []));
  // A failure that is not "no such group" says more than the 404 of the other kind.
  const described = failures.map((error) => ({ error, failure: describeFaceFailure(error) }));
  const telling = described.find(({ failure }) => failure.kind !== 'not_found') ?? described[0];
  if (!telling) throw new Error('findGroupKind: no lookup answered');
  return { kind: 'failed', failure: telling.failure, error: telling.error };
}
