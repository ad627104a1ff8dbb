import type { PersonGroupFields } from '../face/types';
import type { CreateOutcome } from './outcome';

/**
 * One create attempt's result as the claimant saw it: the outcome plus the service's error code (for the
 * audit). It is what a finished claim stores, so duplicates on other replicas audit the same code.
 */
export interface Attempt {
  outcome: CreateOutcome;
  errorCode?: string;
  /** The submission (form and user) this attempt answered; only that submission may share it. */
  submissionId?: string;
}

/** The claim result stored for waiters: JSON with the date as ISO text. */
export function encodeAttempt(attempt: Attempt): string {
  return JSON.stringify(attempt);
}

/** Reads a stored claim result; undefined when it is not one this code wrote (never throws). */
export function decodeAttempt(text: string): Attempt | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // A foreign or truncated row: the caller treats it as "no usable result" and calls the service itself.
    void error;
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const attempt = parsed as Attempt;
  const outcome = attempt.outcome as CreateOutcome | undefined;
  if (outcome === undefined || typeof outcome.kind !== 'string') return undefined;
  if (outcome.kind === 'created') {
    const at = new Date(outcome.at as unknown as string);
    if (Number.isNaN(at.getTime())) return undefined;
    return { ...attempt, outcome: { ...outcome, at } };
  }
  return attempt;
}

/**
 * True when a result may be shared with a request: the same submission (the same form sent twice by the
 * same user: a double click, a retried request) asking for exactly the same group. A separate submission,
 * even with identical values, is a new create: the service answers it ("already exists").
 */
export function sameSubmission(
  a: { submissionId?: string | undefined; fields: PersonGroupFields },
  b: { submissionId?: string | undefined; fields: PersonGroupFields },
): boolean {
  return a.submissionId !== undefined && a.submissionId === b.submissionId && sameFields(a.fields, b.fields);
}

/** True when two create requests ask for exactly the same group. */
export function sameFields(a: PersonGroupFields, b: PersonGroupFields): boolean {
  return (
    a.personGroupId === b.personGroupId &&
    a.name === b.name &&
    (a.userData ?? '') === (b.userData ?? '') &&
    a.recognitionModel === b.recognitionModel
  );
}

/** The fields an outcome was made for, when it says (created: the group; failed: the submitted values). */
export function outcomeMatches(outcome: CreateOutcome, fields: PersonGroupFields): boolean {
  if (outcome.kind === 'created') return sameFields(outcome.group, fields);
  if (outcome.kind === 'failed') {
    const v = outcome.values;
    return (
      (v.personGroupId ?? '').trim() === fields.personGroupId &&
      (v.name ?? '').trim() === fields.name &&
      (v.userData ?? '') === (fields.userData ?? '') &&
      (v.recognitionModel || fields.recognitionModel) === fields.recognitionModel
    );
  }
  return false;
}
