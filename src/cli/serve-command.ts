import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startServer } from '../main';
import { parseCommandArgs } from './args';
import { type CliIo, UsageError } from './io';

/** `persongroup-bot serve`: starts the server; it keeps running after this resolves (until a signal). */
export async function runServeCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, 'serve');
  if (positionals.length > 0) throw new UsageError('usage: persongroup-bot serve');
  const config = loadConfig(io.env);
  const pretty = config.localMode && (io.stdout as { isTTY?: boolean }).isTTY === true;
  await startServer(config, createLogger({ level: config.logLevel, pretty }));
  return 0;
}
