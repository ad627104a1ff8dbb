/** What a CLI run reads and writes: passed in, so tests run the CLI in-process with their own streams. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** The command line is wrong (unknown command or option, missing argument): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command ran and could not do its job (not found, the key check failed…): exit code 1. */
export class CommandFailedError extends Error {
  override name = 'CommandFailedError';
}

/** Exit codes of the contract (CONTRACT.md "Process and CLI"). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Writes one line to a stream. */
export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${line}\n`);
}
