/** Where each kind of group lives under a Face endpoint, and what its id field is called. */
import type { FaceTarget, GroupKind } from './types';

const COLLECTION: Record<GroupKind, string> = {
  personGroup: 'persongroups',
  largePersonGroup: 'largepersongroups',
};

/** The id field of the kind's JSON (`personGroupId`, `largePersonGroupId`). */
export const ID_FIELD: Record<GroupKind, 'personGroupId' | 'largePersonGroupId'> = {
  personGroup: 'personGroupId',
  largePersonGroup: 'largePersonGroupId',
};

/** …/persongroups or …/largepersongroups. */
export function collectionUrl(target: FaceTarget, kind: GroupKind): string {
  return `${target.baseUrl.replace(/\/+$/, '')}/${COLLECTION[kind]}`;
}

/** …/persongroups/{id}[/{sub}] with the id escaped (ids are validated before this; escaping is belt and braces). */
export function groupUrl(target: FaceTarget, kind: GroupKind, id: string, sub?: string): string {
  const base = `${collectionUrl(target, kind)}/${encodeURIComponent(id)}`;
  return sub === undefined ? base : `${base}/${sub}`;
}
