/**
 * Create, get, list, update and delete of either kind of group, with the service's validation.
 * Create's order (the seed states none; this is the order we chose and tests pin):
 * 415 media type → 400 id → 400 JSON body → 400 name → 400 userData → 400 recognitionModel →
 * 409 exists → 403 quota → 200. A missing recognitionModel is recognition_01, the service default.
 */
import { type Answer, badArgument, EMPTY_OK, serviceError } from './answer';
import { pageOf, parseObject, readNamedBody, refuseMediaType, refuseNameAndUserData } from './body-rules';
import {
  DEFAULT_RECOGNITION_MODEL,
  GROUP_ID_PATTERN,
  RECOGNITION_MODELS,
  type RecognitionModel,
} from './rules';
import { type KindWords, PERSON_GROUP, SERVICE } from './service-table';
import { type GroupSpace, groupView, type StoredGroup } from './store';
import { isTraining, underTraining } from './training';

/** One request for one kind of group, after the gateway let it through. */
export interface GroupRequest {
  method: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
  words: KindWords;
  space: GroupSpace;
  groupQuota: number;
  now: number;
}

const withModel = (req: GroupRequest) => req.query.get('returnRecognitionModel') === 'true';

export function createGroup(req: GroupRequest, id: string): Answer {
  const refused = refuseMediaType(req.contentType);
  if (refused !== undefined) return refused;
  if (!GROUP_ID_PATTERN.test(id))
    // Person group create answers with the seed's long wording; the large kind's is the error table's.
    return badArgument(req.words === PERSON_GROUP ? SERVICE.invalidPersonGroupIdSeed : req.words.invalidId);
  const body = parseObject(req.body);
  if (body === undefined) return badArgument(SERVICE.badJson);
  const invalid = refuseNameAndUserData(body, true);
  if (invalid !== undefined) return invalid;
  const model = body.recognitionModel ?? DEFAULT_RECOGNITION_MODEL;
  if (!(RECOGNITION_MODELS as readonly unknown[]).includes(model))
    return badArgument(SERVICE.recognitionModelInvalid);
  if (req.space.get(id) !== undefined) return serviceError(409, req.words.existsCode, req.words.exists);
  if (req.space.size >= req.groupQuota)
    return serviceError(403, SERVICE.quotaExceededCode, req.words.groupQuota);
  const group: StoredGroup = {
    id,
    name: body.name as string,
    recognitionModel: model as RecognitionModel,
    persons: new Map(),
  };
  if (typeof body.userData === 'string') group.userData = body.userData;
  req.space.add(group);
  return EMPTY_OK;
}

/** The group an operation on an existing group names, or its 404 (an invalid id is a 404 here, not a 400). */
export function findGroup(req: GroupRequest, id: string): StoredGroup | Answer {
  if (!GROUP_ID_PATTERN.test(id)) return serviceError(404, req.words.notFoundCode, req.words.invalidId);
  return req.space.get(id) ?? serviceError(404, req.words.notFoundCode, req.words.notFound);
}

export function getGroup(req: GroupRequest, group: StoredGroup): Answer {
  return { status: 200, json: groupView(group, req.words.idField, withModel(req)) };
}

export function listGroups(req: GroupRequest): Answer {
  const page = pageOf(req.query);
  if ('status' in page) return page;
  const groups = req.space
    .sorted()
    .filter((group) => group.id > page.start)
    .slice(0, page.top);
  return { status: 200, json: groups.map((group) => groupView(group, req.words.idField, withModel(req))) };
}

export function updateGroup(req: GroupRequest, group: StoredGroup): Answer {
  const read = readNamedBody(req.contentType, req.body, false);
  if ('refused' in read) return read.refused;
  const { body } = read;
  const { name, userData } = body;
  if (req.words.patchNeedsAField && typeof name !== 'string' && typeof userData !== 'string')
    return badArgument(SERVICE.bothEmpty);
  if (isTraining(group, req.now)) return underTraining(req.words);
  if (typeof name === 'string') group.name = name;
  if (typeof userData === 'string') group.userData = userData;
  return EMPTY_OK;
}

export function deleteGroup(req: GroupRequest, group: StoredGroup): Answer {
  if (isTraining(group, req.now)) return underTraining(req.words);
  req.space.delete(group.id);
  return EMPTY_OK;
}
