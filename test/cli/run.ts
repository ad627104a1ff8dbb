import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli';

/** One in-process CLI run: its exit code and everything it wrote. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs the CLI with `argv`, the given stdin text (piped, not a TTY) and environment. */
export async function run(argv: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(argv, {
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
