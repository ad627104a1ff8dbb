/** Routes a Face request below /face/v1.0 to its operation, for both kinds of group. */
import { type Answer, unknownRoute } from './answer';
import {
  createGroup,
  deleteGroup,
  findGroup,
  type GroupRequest,
  getGroup,
  listGroups,
  updateGroup,
} from './groups';
import { addPerson, listPersons } from './persons';
import { KIND_WORDS } from './service-table';
import type { EmulatorStore, GroupKind } from './store';
import { startTraining, type TrainingSettings, trainingStatus } from './training';

export interface FaceRequest {
  method: string;
  /** Path below /face/v1.0, e.g. /persongroups/abc. */
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
  keyId: string;
  /** The Face API root this request came in under (with its region label), for Operation-Location. */
  faceBaseUrl: string;
  now: number;
}

export interface RouteSettings extends TrainingSettings {
  store: EmulatorStore;
  groupQuota: number;
  /** Persons per group, by kind. */
  personQuota: Record<GroupKind, number>;
}

/** A malformed %-escape stays as typed: the id check then rejects it like any other bad id. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    void error;
    return segment;
  }
}

const isKind = (segment: string | undefined): segment is GroupKind =>
  segment === 'persongroups' || segment === 'largepersongroups';

/** Answers one request the gateway let through. */
export function routeFaceRequest(req: FaceRequest, settings: RouteSettings): Answer {
  const [kind, rawId, sub, ...rest] = req.path.split('/').filter((part) => part !== '');
  if (!isKind(kind) || rest.length > 0) return unknownRoute();
  const words = KIND_WORDS[kind];
  const groupRequest: GroupRequest = {
    ...req,
    words,
    space: settings.store.space(req.keyId, kind),
    groupQuota: settings.groupQuota,
  };
  if (rawId === undefined) return req.method === 'GET' ? listGroups(groupRequest) : unknownRoute();
  const id = safeDecode(rawId);
  const action = `${req.method} ${sub ?? ''}`;
  if (action === 'PUT ') return createGroup(groupRequest, id);
  const known = ['GET ', 'PATCH ', 'DELETE ', 'POST train', 'GET training', 'POST persons', 'GET persons'];
  if (!known.includes(action)) return unknownRoute();
  const group = findGroup(groupRequest, id);
  if ('status' in group) return group;
  switch (action) {
    case 'GET ':
      return getGroup(groupRequest, group);
    case 'PATCH ':
      return updateGroup(groupRequest, group);
    case 'DELETE ':
      return deleteGroup(groupRequest, group);
    case 'POST train':
      return startTraining(
        group,
        words,
        settings,
        req.now,
        `${req.faceBaseUrl}/${kind}/${group.id}/training`,
      );
    case 'GET training':
      return trainingStatus(group, words, req.now);
    case 'POST persons':
      return addPerson(groupRequest, group, settings.personQuota[kind]);
    default:
      return listPersons(groupRequest, group);
  }
}
