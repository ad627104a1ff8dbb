/** The checks of a request body that create, update and add-person share, with the service's messages. */
import { type Answer, badArgument } from './answer';
import { MAX_NAME, MAX_USER_DATA } from './rules';
import { SERVICE } from './service-table';

const mediaTypeBody = { error: { code: SERVICE.badArgument, message: SERVICE.invalidMediaType } };

/** 415 for a body that is not declared application/json, else undefined. */
export function refuseMediaType(contentType: string | undefined): Answer | undefined {
  const isJson = contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
  return isJson ? undefined : { status: 415, json: mediaTypeBody };
}

/** The body as a JSON object, or undefined for anything else (the service answers BadArgument). */
export function parseObject(body: string): Record<string, unknown> | undefined {
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

const absent = (value: unknown) => value === undefined || value === null;

/** name then userData, as create (name required) and update (name optional) check them. */
export function refuseNameAndUserData(
  body: Record<string, unknown>,
  nameRequired: boolean,
): Answer | undefined {
  const { name, userData } = body;
  if (absent(name) || name === '') {
    if (nameRequired || name === '') return badArgument(SERVICE.nameEmpty);
  } else if (typeof name !== 'string') return badArgument(SERVICE.badJson);
  else if (name.length > MAX_NAME) return badArgument(SERVICE.nameTooLong);
  if (!absent(userData) && typeof userData !== 'string') return badArgument(SERVICE.badJson);
  if (typeof userData === 'string' && userData.length > MAX_USER_DATA)
    return badArgument(SERVICE.userDataTooLong);
  return undefined;
}

/** `top` (1..1000, default 1000) and `start` (at most 64 characters) of a list call. */
export function pageOf(query: URLSearchParams): { start: string; top: number } | Answer {
  const start = query.get('start') ?? '';
  if (start.length > 64) return badArgument(SERVICE.startTooLong);
  const topText = query.get('top');
  const top = topText === null ? 1000 : Number(topText);
  if (topText === '' || !Number.isInteger(top) || top < 1 || top > 1000)
    return badArgument(SERVICE.topInvalid);
  return { start, top };
}

/** Media type, JSON object, then name and userData: the body of an update or an add-person, or its 400/415. */
export function readNamedBody(
  contentType: string | undefined,
  text: string,
  nameRequired: boolean,
): { body: Record<string, unknown> } | { refused: Answer } {
  const refused = refuseMediaType(contentType);
  if (refused !== undefined) return { refused };
  const body = parseObject(text);
  if (body === undefined) return { refused: badArgument(SERVICE.badJson) };
  const invalid = refuseNameAndUserData(body, nameRequired);
  return invalid === undefined ? { body } : { refused: invalid };
}
