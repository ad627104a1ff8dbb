import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear: keys and tokens must never reach a log line, even when a
 * whole request, config or error object is logged by mistake.
 */
export const REDACTED_PATHS = [
  'key',
  'subscriptionKey',
  'faceKey',
  'secretKey',
  'token',
  'botToken',
  'appPassword',
  'password',
  'authorization',
  '*.key',
  '*.subscriptionKey',
  '*.faceKey',
  '*.secretKey',
  '*.token',
  '*.botToken',
  '*.appPassword',
  '*.password',
  '*.authorization',
  'headers["ocp-apim-subscription-key"]',
  '*.headers["ocp-apim-subscription-key"]',
  'headers.authorization',
  '*.headers.authorization',
];

export interface LoggerOptions {
  level: string;
  /** Human-readable lines (local mode on a terminal); JSON otherwise. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

/** The one logger factory: JSON lines with secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const base: pino.LoggerOptions = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'persongroup-bot' },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } },
    });
  }
  return pino(base);
}
