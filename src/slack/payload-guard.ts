import type { Logger } from '../logger';
import { boltPayloadProblem, dropUnreadableResponseUrls } from './payload-shape';
import { SLACK_TEXTS } from './texts';
import { noticeModal } from './views';

/** The ack of a view_submission that cannot be read: the modal turns into a notice saying so. */
export function unreadableFormAck() {
  return {
    response_action: 'update' as const,
    view: noticeModal(SLACK_TEXTS.unreadableForm.title, SLACK_TEXTS.unreadableForm.text),
  };
}

/** A payload answered before Bolt's App sees it; `ack` is the HTTP response body (undefined: empty). */
export interface RefusedPayload {
  ack: ReturnType<typeof unreadableFormAck> | undefined;
}

/**
 * Checks a signed, parsed body before Bolt's App reads it: an interactivity payload that the App would
 * throw on (no `user`, no `view`, `actions` not a list…) is refused with the ack it gets instead of a 500;
 * an unreadable `response_urls` is dropped so that the App can take the rest. Undefined: give it to the App.
 */
export function refuseMalformedPayload(
  body: Record<string, unknown>,
  log: Logger,
): RefusedPayload | undefined {
  const problem = boltPayloadProblem(body);
  if (problem) {
    log.warn({ problem, type: String(body.type) }, 'refused a malformed Slack payload');
    // A view_submission must be answered with a view or the modal shows a vague connection error.
    return { ack: body.type === 'view_submission' ? unreadableFormAck() : undefined };
  }
  if (dropUnreadableResponseUrls(body)) log.warn('ignored an unreadable response_urls in a payload');
  return undefined;
}
