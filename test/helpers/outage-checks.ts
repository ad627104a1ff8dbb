import type { SignedResponse } from './slack-requests';
import { cardText } from './teams-cards';
import type { BotResponse } from './teams-harness';

/** What every store outage must tell a user: the database is unavailable and to try again shortly. */
export const DATABASE_MESSAGE = /database is unavailable/i;

/** Teams answers the invoke with a card (never a 5xx) that says the database is unavailable. */
export function expectTeamsDatabaseCard(response: BotResponse): string {
  expect(response.status).toBe(200);
  const body = response.json as { statusCode?: number; type?: string; value?: unknown };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const text = cardText(body.value);
  expect(text).toMatch(DATABASE_MESSAGE);
  expect(text).toMatch(/try again in a minute/i);
  return text;
}

/** Slack gets its ack in time (never a 5xx) and the ack's view says the database is unavailable. */
export function expectSlackDatabaseAck(response: SignedResponse): void {
  expect(response.status).toBe(200);
  expect(response.elapsedMs).toBeLessThan(3000);
  expect(response.json?.response_action).toBe('update');
  expect(JSON.stringify(response.json?.view)).toMatch(DATABASE_MESSAGE);
}

/** The log lines at error level that name a store failure (the operator's trace of the outage). */
export function storeErrorLogs(logs: Record<string, unknown>[]): Record<string, unknown>[] {
  return logs.filter((line) => line.level === 50 && /database|store|audit/i.test(String(line.msg)));
}
