import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../logger';

/**
 * Bolt's Logger interface over our pino logger, so Bolt's own lines (signature failures, unhandled
 * requests) carry the same redaction and format as ours. Bolt's level calls are ignored: pino's level rules.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : String(m))).join(' ');
  return {
    debug: (...msg) => log.debug(text(msg)),
    info: (...msg) => log.info(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => {
      const error = msg.find((m) => m instanceof Error);
      if (error) log.error({ err: error }, text(msg.filter((m) => m !== error)));
      else log.error(text(msg));
    },
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}
