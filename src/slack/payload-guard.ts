import { type App, HTTPReceiver, type HTTPReceiverOptions, type ReceiverEvent } from '@slack/bolt';
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

/**
 * The HTTPReceiver with a check between Bolt's signature check and Bolt's App: an interactivity payload
 * that Bolt's App would throw on (no `user`, no `view`, `response_urls: null`…) is acked here instead of
 * answering 500. The body it sees is signed and parsed already, so nothing unsigned is answered early.
 */
export class PayloadGuardedReceiver extends HTTPReceiver {
  constructor(
    options: HTTPReceiverOptions,
    private readonly log: Logger,
  ) {
    super(options);
  }

  override init(app: App): void {
    super.init(guardedApp(app, this.log));
  }
}

/** `app` with a processEvent that checks the body's shape before the real one reads it. */
function guardedApp(app: App, log: Logger): App {
  const processEvent = async (event: ReceiverEvent): Promise<void> => {
    const problem = boltPayloadProblem(event.body);
    if (problem) {
      log.warn({ problem, type: String(event.body.type) }, 'refused a malformed Slack payload');
      // A view_submission must be answered with a view or the modal shows a vague connection error.
      await event.ack(event.body.type === 'view_submission' ? unreadableFormAck() : undefined);
      return;
    }
    if (dropUnreadableResponseUrls(event.body)) log.warn('ignored an unreadable response_urls in a payload');
    await app.processEvent(event);
  };
  return new Proxy(app, {
    get: (target, key) => (key === 'processEvent' ? processEvent : Reflect.get(target, key, target)),
  });
}
