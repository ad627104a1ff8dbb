/**
 * The management operations on groups of both kinds: list, get, update, delete, count persons, train and
 * training status. Each validates what it sends (nothing invalid leaves the process), runs under one time
 * budget and retries only where a repeat is safe (see RETRY_WHEN).
 */
import { InvalidPersonGroupFieldsError } from './errors/invalid-fields-error';
import {
  type FaceCaller,
  type FaceCallOptions,
  invalidAnswer,
  parseJson,
  withRequestId,
} from './face-caller';
import type { FaceHttpAnswer } from './face-http';
import { collectionUrl, groupUrl, ID_FIELD } from './group-paths';
import { checkPersonGroupId, isRecognitionModel, validateGroupChanges } from './rules';
import {
  type FaceGroup,
  type FaceTarget,
  type GroupChanges,
  type GroupKind,
  TRAINING_STATES,
  type TrainingStatus,
} from './types';

/** A page of a list: `start` is exclusive (the last id of the previous page), `top` 1..1000. */
export interface GroupPage {
  start?: string;
  top?: number;
}

/** How many persons a group holds, counted up to `cap`: `capped` means there may be more. */
export interface PersonCount {
  count: number;
  capped: boolean;
  requestId?: string;
}

/** A training the service accepted (202). `operationLocation` is the …/training URL to poll. */
export interface TrainingStarted {
  requestId?: string;
  operationLocation?: string;
}

/** The valid, trimmed id, or InvalidPersonGroupFieldsError (nothing is sent). Both kinds share the rule. */
export function validGroupId(id: string): string {
  const checked = checkPersonGroupId(id);
  if (!checked.ok) throw new InvalidPersonGroupFieldsError([checked.error]);
  return checked.value;
}

function checkTop(top: number, max: number, what: string): void {
  if (!Number.isInteger(top) || top < 1 || top > max) {
    throw new RangeError(`${what} must be an integer from 1 to ${max}, got ${top}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One group of `kind` from the service's JSON, its id field read into `groupId`. */
function toFaceGroup(kind: GroupKind, value: unknown, answer: FaceHttpAnswer): FaceGroup {
  const id = isObject(value) ? value[ID_FIELD[kind]] : undefined;
  if (!isObject(value) || typeof id !== 'string' || typeof value.name !== 'string') {
    throw invalidAnswer(answer, `a ${kind} without ${ID_FIELD[kind]} and name`);
  }
  const group: FaceGroup = { kind, groupId: id, name: value.name };
  if (typeof value.userData === 'string' || value.userData === null) group.userData = value.userData;
  if (isRecognitionModel(value.recognitionModel)) group.recognitionModel = value.recognitionModel;
  return group;
}

function toTrainingStatus(value: unknown, answer: FaceHttpAnswer): TrainingStatus {
  const status = isObject(value) ? value.status : undefined;
  if (!isObject(value) || !(TRAINING_STATES as readonly unknown[]).includes(status)) {
    throw invalidAnswer(answer, 'a training status without a known status');
  }
  return value as unknown as TrainingStatus;
}

/** The management operations, bound to one caller (its budget defaults, retries and transport). */
export function groupOperations(caller: FaceCaller) {
  const get = (target: FaceTarget, url: string, opts: FaceCallOptions | undefined) =>
    caller.send({ method: 'GET', url, key: target.key }, caller.budgetFor(opts), 'transient', {
      signal: opts?.signal,
    });

  return {
    /** GET …/{collection}?start=&top=&returnRecognitionModel=true, in id order. */
    async listGroups(
      target: FaceTarget,
      kind: GroupKind,
      page: GroupPage = {},
      opts?: FaceCallOptions,
    ): Promise<FaceGroup[]> {
      const query = new URLSearchParams({ returnRecognitionModel: 'true' });
      if (page.start !== undefined) query.set('start', validGroupId(page.start));
      if (page.top !== undefined) {
        checkTop(page.top, 1000, 'top');
        query.set('top', String(page.top));
      }
      const answer = await get(target, `${collectionUrl(target, kind)}?${query}`, opts);
      const list = parseJson<unknown>(answer);
      if (!Array.isArray(list)) throw invalidAnswer(answer, 'a list that is not an array');
      return list.map((item) => toFaceGroup(kind, item, answer));
    },

    /** GET …/{id}?returnRecognitionModel=true. */
    async getGroup(
      target: FaceTarget,
      kind: GroupKind,
      groupId: string,
      opts?: FaceCallOptions,
    ): Promise<FaceGroup> {
      const url = `${groupUrl(target, kind, validGroupId(groupId))}?returnRecognitionModel=true`;
      const answer = await get(target, url, opts);
      return toFaceGroup(kind, parseJson<unknown>(answer), answer);
    },

    /** PATCH …/{id} with the given name and/or userData. Retried only on 429/503. */
    async updateGroup(
      target: FaceTarget,
      kind: GroupKind,
      groupId: string,
      changes: GroupChanges,
      opts?: FaceCallOptions,
    ): Promise<{ requestId?: string }> {
      const url = groupUrl(target, kind, validGroupId(groupId));
      const checked = validateGroupChanges(changes);
      if (!checked.ok) throw new InvalidPersonGroupFieldsError(checked.errors);
      const request = { method: 'PATCH' as const, url, key: target.key, json: checked.value };
      const answer = await caller.send(request, caller.budgetFor(opts), 'notCarriedOut', {
        signal: opts?.signal,
      });
      return withRequestId(answer.requestId);
    },

    /** DELETE …/{id}. Retried only on 429/503 (a repeat after a lost success would answer 404). */
    async deleteGroup(
      target: FaceTarget,
      kind: GroupKind,
      groupId: string,
      opts?: FaceCallOptions,
    ): Promise<{ requestId?: string }> {
      const url = groupUrl(target, kind, validGroupId(groupId));
      const answer = await caller.send(
        { method: 'DELETE', url, key: target.key },
        caller.budgetFor(opts),
        'notCarriedOut',
        {
          signal: opts?.signal,
        },
      );
      return withRequestId(answer.requestId);
    },

    /** GET …/{id}/persons?top=cap and counts them (cap 1..1000, default 1000). */
    async countPersons(
      target: FaceTarget,
      kind: GroupKind,
      groupId: string,
      cap = 1000,
      opts?: FaceCallOptions,
    ): Promise<PersonCount> {
      checkTop(cap, 1000, 'cap');
      const url = `${groupUrl(target, kind, validGroupId(groupId), 'persons')}?top=${cap}`;
      const answer = await get(target, url, opts);
      const persons = parseJson<unknown>(answer);
      if (!Array.isArray(persons)) throw invalidAnswer(answer, 'a person list that is not an array');
      return { count: persons.length, capped: persons.length >= cap, ...withRequestId(answer.requestId) };
    },

    /** POST …/{id}/train (202). Retried only on 429: a repeat would meet "under training" for our own start. */
    async train(
      target: FaceTarget,
      kind: GroupKind,
      groupId: string,
      opts?: FaceCallOptions,
    ): Promise<TrainingStarted> {
      const url = groupUrl(target, kind, validGroupId(groupId), 'train');
      const answer = await caller.send(
        { method: 'POST', url, key: target.key },
        caller.budgetFor(opts),
        'rateLimited',
        {
          signal: opts?.signal,
        },
      );
      const location = answer.operationLocation;
      return {
        ...withRequestId(answer.requestId),
        ...(location === undefined ? {} : { operationLocation: location }),
      };
    },

    /** GET …/{id}/training. A never-trained group is a 404 (kind `not_trained`), not a status. */
    async getTrainingStatus(
      target: FaceTarget,
      kind: GroupKind,
      groupId: string,
      opts?: FaceCallOptions,
    ): Promise<TrainingStatus> {
      const answer = await get(target, groupUrl(target, kind, validGroupId(groupId), 'training'), opts);
      return toTrainingStatus(parseJson<unknown>(answer), answer);
    },
  };
}

export type GroupOperations = ReturnType<typeof groupOperations>;
