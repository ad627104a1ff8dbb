import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import { PayloadTooLargeError, type RequestContext, readBody, sendJson } from '../http/server';
import type { TeamsCloudAdapter } from './adapter';
import { AFTER_RESPONSE_KEY, type AfterResponseTask, runAfterResponseTasks } from './after-response';
import { MalformedActivityError, TeamsUnauthorizedError } from './errors';

/** Activities are small; cards with a 16 KB userData stay far below this. */
export const ACTIVITY_BODY_LIMIT = 256 * 1024;

/** What the bridge runs for one authenticated activity. */
export type TurnLogic = (context: TurnContext, request: RequestContext) => Promise<void>;

/**
 * Bridges node:http to the adapter: reads and parses the body (with a size limit), hands the activity
 * and the Authorization header to the adapter, and writes the invoke response (or 200) back; then runs
 * the work the turn left for after the answer (see after-response.ts).
 * Client mistakes get 4xx with a short JSON body, never a 500 or an internal message.
 */
export async function bridgeToAdapter(
  req: IncomingMessage,
  res: ServerResponse,
  request: RequestContext,
  adapter: TeamsCloudAdapter,
  logic: TurnLogic,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendJson(res, 405, { error: 'method not allowed' });
  }
  let activity: Activity;
  try {
    activity = parseActivity(await readBody(req, ACTIVITY_BODY_LIMIT));
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return sendJson(res, 413, { error: 'request body too large' });
    if (error instanceof MalformedActivityError) {
      request.log.warn({ reason: error.message }, 'rejected a malformed activity');
      return sendJson(res, 400, { error: error.message });
    }
    throw error;
  }
  const authHeader = req.headers.authorization ?? '';
  const afterResponse: AfterResponseTask[] = [];
  try {
    const invokeResponse = await adapter.handleActivity(authHeader, activity, (context) => {
      context.turnState.set(AFTER_RESPONSE_KEY, afterResponse);
      return logic(context, request);
    });
    if (invokeResponse?.body !== undefined) sendJson(res, invokeResponse.status, invokeResponse.body);
    else {
      res.writeHead(invokeResponse?.status ?? 200);
      res.end();
    }
  } catch (error) {
    if (error instanceof TeamsUnauthorizedError) {
      request.log.warn(
        { reason: error.message, hasToken: authHeader !== '' },
        'rejected an unauthenticated activity',
      );
      return sendJson(res, 401, { error: 'unauthorized' });
    }
    throw error;
  }
  await runAfterResponseTasks(afterResponse, request.log);
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
