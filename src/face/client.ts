/**
 * The Face API v1.0 client (ky) for person groups and large person groups. Refuses invalid fields itself,
 * so no invalid request ever leaves it; retries what is safe to retry within one total time budget;
 * confirms an ambiguous create; keeps the apim-request-id on every outcome. It never logs (and so never
 * logs the key).
 */
import { FaceApiError } from './errors/face-api-error';
import { InvalidPersonGroupFieldsError } from './errors/invalid-fields-error';
import { CODES, isCode } from './errors/service-answers';
import { createFaceCaller, type FaceCallOptions, type FaceClientOptions, withRequestId } from './face-caller';
import { type GroupOperations, type GroupPage, groupOperations } from './group-operations';
import { groupUrl } from './group-paths';
import { isAmbiguous } from './retry-policy';
import { validatePersonGroupFields } from './rules';
import type { FaceGroup, FaceTarget, GroupKind, PersonGroup, PersonGroupFields } from './types';

export type { FaceCallOptions, FaceClientOptions } from './face-caller';
export type { GroupPage, PersonCount, TrainingStarted } from './group-operations';

export interface CreatePersonGroupResult {
  /** apim-request-id of the answer that settled the call. */
  requestId?: string;
  /** True when a retry met 409 …Exists and a GET showed the group is the one we asked for. */
  confirmedAfterConflict: boolean;
}

export interface FaceClient extends GroupOperations {
  /** PUT …/{id} for either kind. Throws InvalidPersonGroupFieldsError (nothing sent) or a Face error. */
  createGroup(
    target: FaceTarget,
    kind: GroupKind,
    fields: PersonGroupFields,
    opts?: FaceCallOptions,
  ): Promise<CreatePersonGroupResult>;
  /** createGroup of a person group. */
  createPersonGroup(
    target: FaceTarget,
    fields: PersonGroupFields,
    opts?: FaceCallOptions,
  ): Promise<CreatePersonGroupResult>;
  /** GET /persongroups/{id}?returnRecognitionModel=true. */
  getPersonGroup(target: FaceTarget, personGroupId: string, opts?: FaceCallOptions): Promise<PersonGroup>;
  /** GET /persongroups?start=&top=&returnRecognitionModel=true, sorted by id by the service. */
  listPersonGroups(target: FaceTarget, page?: GroupPage, opts?: FaceCallOptions): Promise<PersonGroup[]>;
  /** DELETE /persongroups/{id}. */
  deletePersonGroup(
    target: FaceTarget,
    personGroupId: string,
    opts?: FaceCallOptions,
  ): Promise<{ requestId?: string }>;
}

function sameGroup(fields: PersonGroupFields, existing: FaceGroup): boolean {
  return (
    existing.name === fields.name &&
    (existing.userData ?? '') === (fields.userData ?? '') &&
    (existing.recognitionModel === undefined || existing.recognitionModel === fields.recognitionModel)
  );
}

function asPersonGroup(group: FaceGroup): PersonGroup {
  const { kind: _kind, groupId, ...rest } = group;
  return { personGroupId: groupId, ...rest };
}

/** Builds a FaceClient. Defaults: 4 s per attempt, 10 s in total, 3 retries. */
export function createFaceClient(options: FaceClientOptions = {}): FaceClient {
  const caller = createFaceCaller(options);
  const operations = groupOperations(caller);

  const createGroup: FaceClient['createGroup'] = async (target, kind, fields, opts) => {
    const checked = validatePersonGroupFields({ ...fields });
    if (!checked.ok) throw new InvalidPersonGroupFieldsError(checked.errors);
    const group = checked.value;
    const json = {
      name: group.name,
      recognitionModel: group.recognitionModel,
      ...(group.userData === undefined ? {} : { userData: group.userData }),
    };
    const budget = caller.budgetFor(opts);
    const request = {
      method: 'PUT' as const,
      url: groupUrl(target, kind, group.personGroupId),
      key: target.key,
      json,
    };
    let ambiguous = false;
    try {
      const answer = await caller.send(request, budget, 'transient', {
        signal: opts?.signal,
        observe: (error) => {
          ambiguous ||= isAmbiguous(error);
        },
      });
      return { ...withRequestId(answer.requestId), confirmedAfterConflict: false };
    } catch (error) {
      const conflict =
        error instanceof FaceApiError && error.status === 409 && isCode(error.code, CODES.exists);
      if (!ambiguous || !conflict) throw error;
      // An earlier attempt may have created the group before its answer was lost: look before calling it a conflict.
      const existing = await operations.getGroup(target, kind, group.personGroupId, {
        budgetMs: Math.max(0, budget.remaining()),
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      if (!sameGroup(group, existing)) throw error;
      return { ...withRequestId(error.requestId), confirmedAfterConflict: true };
    }
  };

  return {
    ...operations,
    createGroup,
    createPersonGroup: (target, fields, opts) => createGroup(target, 'personGroup', fields, opts),
    getPersonGroup: async (target, id, opts) =>
      asPersonGroup(await operations.getGroup(target, 'personGroup', id, opts)),
    listPersonGroups: async (target, page, opts) =>
      (await operations.listGroups(target, 'personGroup', page, opts)).map(asPersonGroup),
    deletePersonGroup: (target, id, opts) => operations.deleteGroup(target, 'personGroup', id, opts),
  };
}
