import { runGroupDeleteCommand } from './group-delete-command';
import { runGroupListCommand, runGroupShowCommand } from './group-read-command';
import { runGroupTrainCommand } from './group-train-command';
import { type CliIo, UsageError } from './io';

/** `persongroup-bot group <sub> …`: the workspace's groups, managed with its stored key. */
const SUBCOMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  list: runGroupListCommand,
  show: runGroupShowCommand,
  delete: runGroupDeleteCommand,
  train: runGroupTrainCommand,
};

export function runGroupCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (run === undefined) {
    throw new UsageError(
      `group needs one of: ${Object.keys(SUBCOMMANDS).join(', ')} (see persongroup-bot help)`,
    );
  }
  return run(rest, io);
}
