/**
 * The Face API v1.0 PersonGroup client (ky). Refuses invalid fields itself, so no invalid request ever
 * leaves it; retries transient failures within one total time budget; confirms an ambiguous PUT; keeps the
 * apim-request-id on every outcome. It never logs (and so never logs the key).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { FaceApiError } from './errors/face-api-error';
import { InvalidPersonGroupFieldsError } from './errors/invalid-fields-error';
import { type FaceHttpRequest, sendFaceRequest } from './face-http';
import { isAmbiguous } from './retry-policy';
import { Budget, type RetrySettings, retryingCall } from './retrying-call';
import { checkPersonGroupId, validatePersonGroupFields } from './rules';
import { SERVICE } from './service-messages';
import type { FaceTarget, PersonGroup, PersonGroupFields } from './types';

export interface FaceClientOptions {
  /** Per attempt (default 4000 ms). */
  timeoutMs?: number;
  /** Total time of one call, retries and waits included (default 10000 ms). */
  budgetMs?: number;
  /** Retries after the first attempt (default 3). */
  retryLimit?: number;
  /** Jitter source (default Math.random). */
  random?: () => number;
  /** How to wait between attempts (default an abortable timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  fetch?: typeof fetch;
  /** Clock for the budget (default Date.now). */
  now?: () => number;
}

export interface FaceCallOptions {
  /** Overrides the client's total budget for this call. */
  budgetMs?: number;
  signal?: AbortSignal;
}

export interface CreatePersonGroupResult {
  /** apim-request-id of the answer that settled the call. */
  requestId?: string;
  /** True when a retry met 409 PersonGroupExists and a GET showed the group is the one we asked for. */
  confirmedAfterConflict: boolean;
}

export interface FaceClient {
  /** PUT /persongroups/{id}. Throws InvalidPersonGroupFieldsError (nothing sent) or a Face error. */
  createPersonGroup(
    target: FaceTarget,
    fields: PersonGroupFields,
    opts?: FaceCallOptions,
  ): Promise<CreatePersonGroupResult>;
  /** GET /persongroups/{id}?returnRecognitionModel=true. */
  getPersonGroup(target: FaceTarget, personGroupId: string, opts?: FaceCallOptions): Promise<PersonGroup>;
  /** GET /persongroups?start=&top=&returnRecognitionModel=true, sorted by id by the service. */
  listPersonGroups(
    target: FaceTarget,
    page?: { start?: string; top?: number },
    opts?: FaceCallOptions,
  ): Promise<PersonGroup[]>;
  /** DELETE /persongroups/{id}. */
  deletePersonGroup(
    target: FaceTarget,
    personGroupId: string,
    opts?: FaceCallOptions,
  ): Promise<{ requestId?: string }>;
}

function validId(personGroupId: string): string {
  const checked = checkPersonGroupId(personGroupId);
  if (!checked.ok) throw new InvalidPersonGroupFieldsError([checked.error]);
  return checked.value;
}

function groupUrl(target: FaceTarget, id: string): string {
  return `${target.baseUrl.replace(/\/+$/, '')}/persongroups/${encodeURIComponent(id)}`;
}

function parseJson<T>(text: string, status: number, requestId: string | undefined): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new FaceApiError({
      status,
      code: 'InvalidResponse',
      serviceMessage: `unparsable success body: ${(error as Error).message}`,
      requestId,
      bodyKind: 'text',
    });
  }
}

function sameGroup(fields: PersonGroupFields, existing: PersonGroup): boolean {
  return (
    existing.name === fields.name &&
    (existing.userData ?? '') === (fields.userData ?? '') &&
    (existing.recognitionModel === undefined || existing.recognitionModel === fields.recognitionModel)
  );
}

const withId = (requestId: string | undefined) => (requestId === undefined ? {} : { requestId });

/** Builds a FaceClient. Defaults: 4 s per attempt, 10 s in total, 3 retries. */
export function createFaceClient(options: FaceClientOptions = {}): FaceClient {
  const settings: RetrySettings = {
    timeoutMs: options.timeoutMs ?? 4000,
    retryLimit: options.retryLimit ?? 3,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {})),
    now: options.now ?? Date.now,
  };
  const defaultBudgetMs = options.budgetMs ?? 10000;

  function budgetFor(opts: FaceCallOptions | undefined): Budget {
    return new Budget(opts?.budgetMs ?? defaultBudgetMs, settings.now);
  }

  function call(
    request: FaceHttpRequest,
    budget: Budget,
    signal?: AbortSignal,
    observe?: (error: unknown) => void,
  ) {
    return retryingCall(
      (timeoutMs) => sendFaceRequest(request, timeoutMs, { signal, fetch: options.fetch }),
      budget,
      settings,
      {
        signal,
        ...(observe ? { observe } : {}),
      },
    );
  }

  async function get(
    target: FaceTarget,
    id: string,
    budget: Budget,
    signal?: AbortSignal,
  ): Promise<PersonGroup> {
    const url = `${groupUrl(target, id)}?returnRecognitionModel=true`;
    const answer = await call({ method: 'GET', url, key: target.key }, budget, signal);
    return parseJson<PersonGroup>(answer.text, answer.status, answer.requestId);
  }

  return {
    async createPersonGroup(target, fields, opts) {
      const checked = validatePersonGroupFields({ ...fields });
      if (!checked.ok) throw new InvalidPersonGroupFieldsError(checked.errors);
      const group = checked.value;
      const json = { name: group.name, recognitionModel: group.recognitionModel, ...withUserData(group) };
      const budget = budgetFor(opts);
      let ambiguous = false;
      const request: FaceHttpRequest = {
        method: 'PUT',
        url: groupUrl(target, group.personGroupId),
        key: target.key,
        json,
      };
      try {
        const answer = await call(request, budget, opts?.signal, (error) => {
          ambiguous ||= isAmbiguous(error);
        });
        return { ...withId(answer.requestId), confirmedAfterConflict: false };
      } catch (error) {
        const conflict =
          error instanceof FaceApiError && error.status === 409 && error.code === SERVICE.existsCode;
        if (!ambiguous || !conflict) throw error;
        // An earlier attempt may have created the group before its answer was lost: look before calling it a conflict.
        const existing = await get(target, group.personGroupId, budget, opts?.signal);
        if (!sameGroup(group, existing)) throw error;
        return { ...withId(error.requestId), confirmedAfterConflict: true };
      }
    },

    async getPersonGroup(target, personGroupId, opts) {
      return get(target, validId(personGroupId), budgetFor(opts), opts?.signal);
    },

    async listPersonGroups(target, page = {}, opts) {
      const query = new URLSearchParams({ returnRecognitionModel: 'true' });
      if (page.start !== undefined) query.set('start', validId(page.start));
      if (page.top !== undefined) {
        if (!Number.isInteger(page.top) || page.top < 1 || page.top > 1000) {
          throw new RangeError(`top must be an integer from 1 to 1000, got ${page.top}`);
        }
        query.set('top', String(page.top));
      }
      const url = `${target.baseUrl.replace(/\/+$/, '')}/persongroups?${query}`;
      const answer = await call({ method: 'GET', url, key: target.key }, budgetFor(opts), opts?.signal);
      return parseJson<PersonGroup[]>(answer.text, answer.status, answer.requestId);
    },

    async deletePersonGroup(target, personGroupId, opts) {
      const url = groupUrl(target, validId(personGroupId));
      const answer = await call({ method: 'DELETE', url, key: target.key }, budgetFor(opts), opts?.signal);
      return withId(answer.requestId);
    },
  };
}

function withUserData(group: PersonGroupFields): { userData?: string } {
  return group.userData === undefined ? {} : { userData: group.userData };
}
