import type { TurnContext } from 'botbuilder';
import type { CommandTable } from '../commands';
import type { Logger } from '../logger';
import type { TeamsCredentials } from './adapter';

/** One HTTP request to /api/messages as the server hands it over (the body already read, size-limited). */
export interface TeamsRequest {
  method: string;
  /** The Authorization header ('' when absent). */
  authorization: string;
  body: string;
  /** Correlation id, also quoted in apologies. */
  requestId: string;
  log: Logger;
}

/**
 * Work that must follow the HTTP answer (e.g. updating a card for everyone): run by the server after it.
 * `signal` aborts when the server stops: long work (following a training) ends then.
 */
export type FollowUp = (signal: AbortSignal) => Promise<void>;

/** The HTTP answer to one request, and the work that follows it. */
export interface TeamsAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  followUps: FollowUp[];
}

export interface TeamsEndpointOptions {
  /** Bot Framework credentials; undefined: no authentication (local clients only). */
  credentials: TeamsCredentials | undefined;
  /** BOT_ADMINS: Entra object ids allowed to configure a workspace. */
  admins: readonly string[];
  commands: CommandTable;
  logger: Logger;
  /** How long an Action.Execute may wait for its outcome before answering "still working" (Teams allows 10 s). */
  answerWithinMs?: number;
}

/** The Teams platform as the server sees it. */
export interface TeamsEndpoint {
  handle(request: TeamsRequest): Promise<TeamsAnswer>;
}

/** What every Teams turn handler gets. */
export interface TeamsDeps {
  commands: CommandTable;
  admins: readonly string[];
  logger: Logger;
  answerWithinMs: number;
}

/** turnState key of the request a turn belongs to (its correlation id and logger). */
export const REQUEST_KEY = Symbol('persongroup.request');

/** The logger of the request behind this turn (with its request id), else the given one. */
export function turnLog(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(REQUEST_KEY) as TeamsRequest | undefined)?.log ?? fallback;
}

/** The correlation id of the request behind this turn, for replies that ask users to quote it. */
export function turnRequestId(context: TurnContext): string | undefined {
  return (context.turnState.get(REQUEST_KEY) as TeamsRequest | undefined)?.requestId;
}
