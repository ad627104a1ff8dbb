/**
 * The PersonGroup operations as the service answers them, after the key check.
 * Create's validation order (the seed does not state one; this is the order we chose and tests pin):
 * 415 media type → 400 id → 400 JSON body → 400 name → 400 userData → 400 recognitionModel →
 * 409 exists → 403 quota → 200. A missing recognitionModel is recognition_01, the service default.
 */
import { type Answer, badArgument, EMPTY_OK, notFound, serviceError, unknownRoute } from './answer';
import {
  MAX_NAME,
  MAX_USER_DATA,
  GROUP_ID_PATTERN as PERSON_GROUP_ID_PATTERN,
  RECOGNITION_MODELS,
  type RecognitionModel,
} from './rules';
import { SERVICE } from './service-table';
import { groupView, type StoredGroup } from './store';

export interface FaceRequest {
  method: string;
  /** Path below /face/v1.0, e.g. /persongroups/abc. */
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
  /** The key's namespace. */
  groups: Map<string, StoredGroup>;
  /** The namespace sorted by id. */
  sorted: () => StoredGroup[];
  groupQuota: number;
  /** Absolute URL of the Face API root, for Operation-Location. */
  faceBaseUrl: string;
}

const mediaTypeBody = { error: { code: SERVICE.badArgument, message: SERVICE.invalidMediaType } };

function isJsonType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function parseObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch (error) {
    // The service answers any unparsable body with BadArgument; the parse error itself is not needed.
    void error;
    return undefined;
  }
}

/** name/userData checks shared by create and update; `undefined` when both are fine. */
function checkNameAndUserData(body: Record<string, unknown>, nameRequired: boolean): Answer | undefined {
  const { name, userData } = body;
  if (name === undefined || name === null || name === '') {
    if (nameRequired || name === '') return badArgument(SERVICE.nameEmpty);
  } else if (typeof name !== 'string') return badArgument(SERVICE.badJson);
  else if (name.length > MAX_NAME) return badArgument(SERVICE.nameTooLong);
  if (userData !== undefined && userData !== null && typeof userData !== 'string')
    return badArgument(SERVICE.badJson);
  if (typeof userData === 'string' && userData.length > MAX_USER_DATA)
    return badArgument(SERVICE.userDataTooLong);
  return undefined;
}

function create(req: FaceRequest, id: string): Answer {
  if (!isJsonType(req.contentType)) return { status: 415, json: mediaTypeBody };
  if (!PERSON_GROUP_ID_PATTERN.test(id)) return badArgument(SERVICE.invalidPersonGroupId);
  const body = parseObject(req.body);
  if (body === undefined) return badArgument(SERVICE.badJson);
  const invalid = checkNameAndUserData(body, true);
  if (invalid !== undefined) return invalid;
  const model = body.recognitionModel ?? 'recognition_01';
  if (!(RECOGNITION_MODELS as readonly unknown[]).includes(model))
    return badArgument(SERVICE.recognitionModelInvalid);
  if (req.groups.has(id)) return serviceError(409, SERVICE.existsCode, SERVICE.exists);
  if (req.groups.size >= req.groupQuota)
    return serviceError(403, SERVICE.quotaExceededCode, SERVICE.groupQuota);
  const group: StoredGroup = {
    personGroupId: id,
    name: body.name as string,
    recognitionModel: model as RecognitionModel,
  };
  if (typeof body.userData === 'string') group.userData = body.userData;
  req.groups.set(id, group);
  return EMPTY_OK;
}

function update(req: FaceRequest, group: StoredGroup): Answer {
  if (!isJsonType(req.contentType)) return { status: 415, json: mediaTypeBody };
  const body = parseObject(req.body);
  if (body === undefined) return badArgument(SERVICE.badJson);
  const invalid = checkNameAndUserData(body, false);
  if (invalid !== undefined) return invalid;
  if (typeof body.name === 'string') group.name = body.name;
  if (typeof body.userData === 'string') group.userData = body.userData;
  return EMPTY_OK;
}

function list(req: FaceRequest): Answer {
  const start = req.query.get('start') ?? '';
  const topText = req.query.get('top');
  const top = topText === null ? 1000 : Number(topText);
  // The service's wording for a bad `top` is not recorded anywhere we have; this one is ours.
  if (!Number.isInteger(top) || top < 1 || top > 1000) return badArgument("Parameter 'top' is invalid.");
  const withModel = req.query.get('returnRecognitionModel') === 'true';
  const page = req
    .sorted()
    .filter((group) => group.personGroupId > start)
    .slice(0, top);
  return { status: 200, json: page.map((group) => groupView(group, withModel)) };
}

function train(req: FaceRequest, group: StoredGroup): Answer {
  const now = new Date().toISOString();
  group.training = { status: 'running', createdDateTime: now, lastActionDateTime: now };
  const location = `${req.faceBaseUrl}/persongroups/${group.personGroupId}/training`;
  return { status: 202, headers: { 'Operation-Location': location } };
}

/** Reports `running` once after a train, then `succeeded` (so pollers see both). */
function trainingStatus(group: StoredGroup): Answer {
  const training = group.training;
  if (training === undefined) return serviceError(404, SERVICE.notTrainedCode, SERVICE.notTrained);
  const answer = { status: 200, json: { ...training } };
  if (training.status === 'running') {
    const now = new Date().toISOString();
    Object.assign(training, {
      status: 'succeeded',
      lastActionDateTime: now,
      lastSuccessfulTrainingDateTime: now,
    });
  }
  return answer;
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

/** Answers one PersonGroup request (the key is already known to be valid). */
export function handlePersonGroupRequest(req: FaceRequest): Answer {
  const parts = req.path.split('/').filter((part) => part !== '');
  if (parts[0] !== 'persongroups' || parts.length > 3) return unknownRoute();
  if (parts.length === 1) return req.method === 'GET' ? list(req) : unknownRoute();
  const id = safeDecode(parts[1] ?? '');
  if (parts.length === 2 && req.method === 'PUT') return create(req, id);
  const group = req.groups.get(id);
  const action = `${req.method} ${parts[2] ?? ''}`;
  if (!['GET ', 'PATCH ', 'DELETE ', 'POST train', 'GET training'].includes(action)) return unknownRoute();
  if (group === undefined) return notFound();
  switch (action) {
    case 'GET ':
      return { status: 200, json: groupView(group, req.query.get('returnRecognitionModel') === 'true') };
    case 'PATCH ':
      return update(req, group);
    case 'DELETE ':
      req.groups.delete(id);
      return EMPTY_OK;
    case 'POST train':
      return train(req, group);
    default:
      return trainingStatus(group);
  }
}
