import type { Activity, TurnContext } from 'botbuilder';
import type { TeamsCloudAdapter } from './adapter';
import { MalformedActivityError, TeamsUnauthorizedError } from './errors';
import type { FollowUp, TeamsAnswer, TeamsRequest } from './types';

/** Activities are small; cards with a 16 KB userData stay far below this. */
export const ACTIVITY_BODY_LIMIT = 256 * 1024;

/** What runs for one authenticated activity; it returns the work that must follow the answer. */
export type TurnLogic = (context: TurnContext) => Promise<FollowUp[]>;

/**
 * One request to /api/messages: parses the activity, hands it and the Authorization header to the
 * adapter, and returns the invoke response (or 200) with the turn's follow-up work.
 * Client mistakes get 4xx with a short JSON body, never a 500 or an internal message.
 */
export async function answerRequest(
  request: TeamsRequest,
  adapter: TeamsCloudAdapter,
  logic: TurnLogic,
): Promise<TeamsAnswer> {
  if (request.method !== 'POST') {
    return { status: 405, body: { error: 'method not allowed' }, headers: { allow: 'POST' }, followUps: [] };
  }
  let activity: Activity;
  try {
    activity = parseActivity(request.body);
  } catch (error) {
    if (!(error instanceof MalformedActivityError)) throw error;
    request.log.warn({ reason: error.message }, 'rejected a malformed activity');
    return { status: 400, body: { error: error.message }, followUps: [] };
  }
  let followUps: FollowUp[] = [];
  try {
    const invokeResponse = await adapter.handleActivity(request.authorization, activity, async (context) => {
      followUps = await logic(context);
    });
    return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body, followUps };
  } catch (error) {
    if (!(error instanceof TeamsUnauthorizedError)) throw error;
    request.log.warn(
      { reason: error.message, hasToken: request.authorization !== '' },
      'rejected an unauthenticated activity',
    );
    return { status: 401, body: { error: 'unauthorized' }, followUps: [] };
  }
}

const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/** Parses a request body into an activity; throws MalformedActivityError with a reason a client can act on. */
export function parseActivity(body: string): Activity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new MalformedActivityError('the body is not valid JSON', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MalformedActivityError('the body is not a JSON object');
  }
  const activity = parsed as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') {
    throw new MalformedActivityError('the activity has no type');
  }
  if (typeof activity.serviceUrl !== 'string' || activity.serviceUrl === '') {
    throw new MalformedActivityError('the activity has no serviceUrl');
  }
  // botbuilder expects Date objects where the wire has ISO strings (as its own validateAndFixActivity does).
  for (const [field, raw] of DATE_FIELDS) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
