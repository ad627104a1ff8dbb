import { setTimeout as sleep } from 'node:timers/promises';
import { cardText } from '../helpers/teams-cards';

/** What /api/messages answered. */
export interface Answer {
  status: number;
  requestId: string | null;
  json: unknown;
  text: string;
}

/** POSTs a Bot Framework activity to a running bot's /api/messages. */
export async function postActivity(
  botUrl: string,
  activity: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined; // not JSON: the test reads `text`
  }
  return { status: response.status, requestId: response.headers.get('x-request-id'), json, text };
}

/** The readable text of the card an invoke was answered with (after checking the answer's shape). */
export function invokeAnswerText(answer: Answer): string {
  expect(answer.status).toBe(200);
  expect(answer.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return cardText((answer.json as { value: unknown }).value);
}

/**
 * Resolves with `probe()`'s first defined value, checking every `everyMs`: for state that another
 * process changes and that sends no event (the emulator's request record, a database row).
 */
export async function until<T>(
  probe: () => T | undefined,
  what: string,
  timeoutMs = 15_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
