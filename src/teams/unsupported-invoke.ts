import { type InvokeResponse, StatusCodes } from 'botbuilder';

/** The invoke this bot answers: an Adaptive Card Action.Execute. */
export const SUPPORTED_INVOKE = 'adaptiveCard/action';

/**
 * The answer to an invoke this bot does not implement (no name, or e.g. `task/fetch`): a 400 with the
 * Bot Framework's invoke error body, which says what the bot does take, instead of botbuilder's 501 with
 * an empty body (a 5xx reads as "the bot is broken" in Teams' logs and to anyone debugging a client).
 */
export function unsupportedInvokeResponse(name: unknown): InvokeResponse {
  const named = typeof name === 'string' && name !== '' ? `"${name.slice(0, 100)}"` : 'without a name';
  return {
    status: StatusCodes.BAD_REQUEST,
    body: {
      statusCode: StatusCodes.BAD_REQUEST,
      type: 'application/vnd.microsoft.error',
      value: {
        code: 'BadRequest',
        message: `This bot answers only ${SUPPORTED_INVOKE} invokes (Adaptive Card actions); an invoke ${named} is not supported.`,
      },
    },
  };
}
