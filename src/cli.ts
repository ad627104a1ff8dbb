#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { runAuditCommand } from './cli/audit-command';
import { runGroupCommand } from './cli/group-command';
import { type CliIo, EXIT, UsageError, writeLine } from './cli/io';
import { runRotateSecretCommand } from './cli/rotate-secret-command';
import { USAGE } from './cli/usage';
import { runWorkspaceCommand } from './cli/workspace-command';

/**
 * The operator CLI, `persongroup-bot` (CONTRACT.md "Process and CLI"). `runCli` is the whole program
 * with its streams and environment passed in; the bottom of this file binds it to the real process.
 */

export type { CliIo } from './cli/io';

/** Loads a module when its command runs (CommonJS require: the output is CommonJS). */
function lazy<T>(path: string): T {
  return require(path) as T;
}

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  // Loaded on demand: the server pulls in botbuilder and Bolt, which the store commands never need.
  serve: (args, io) =>
    lazy<typeof import('./cli/serve-command')>('./cli/serve-command').runServeCommand(args, io),
  workspace: runWorkspaceCommand,
  audit: runAuditCommand,
  group: runGroupCommand,
  'rotate-secret': runRotateSecretCommand,
  emulator: (args, io) =>
    lazy<typeof import('./emulator/command')>('./emulator/command').runEmulatorCommand(args, {
      stdout: (line) => writeLine(io.stdout, line),
      stderr: (line) => writeLine(io.stderr, line),
    }),
};

/** First line of an error, so stderr gets one line whatever was thrown. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/**
 * Runs one CLI invocation (`argv` without node and the script) and resolves with its exit code:
 * 0 success, 2 bad usage, 1 failure (one line on stderr). Never rejects.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    writeLine(io.stdout, USAGE);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    writeLine(io.stderr, `persongroup-bot: unknown command "${name}" (see persongroup-bot help)`);
    return EXIT.usage;
  }
  try {
    return await command(args, io);
  } catch (error) {
    writeLine(io.stderr, `persongroup-bot ${name}: ${oneLine(error)}`);
    return error instanceof UsageError ? EXIT.usage : EXIT.failure;
  }
}

if (require.main === module) {
  // A .env in the working directory is the operator's configuration file (see .env.example); variables
  // already set in the environment win over it.
  if (existsSync('.env')) process.loadEnvFile('.env');
  runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
