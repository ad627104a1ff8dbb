import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { type CliIo, UsageError } from './io';

/** Swallows readline's echo so a key typed at a terminal is not shown. */
function mutedOutput(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

function firstLine(input: NodeJS.ReadableStream, output?: Writable): Promise<string> {
  const rl = createInterface(
    output ? { input, output, terminal: true } : { input, crlfDelay: Number.POSITIVE_INFINITY },
  );
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) resolve('');
    });
    input.once('error', reject);
  });
}

/**
 * Reads the Face key: the first line of standard input (piped), or typed at a terminal with the echo
 * off. Keys never come from argv (shell history, `ps`). An empty key is a usage error (exit code 2).
 */
export async function readKey(io: Pick<CliIo, 'stdin' | 'stderr'>): Promise<string> {
  let line: string;
  if (io.stdin.isTTY) {
    io.stderr.write('Face API key (input hidden): ');
    line = await firstLine(io.stdin, mutedOutput());
    io.stderr.write('\n');
  } else {
    line = await firstLine(io.stdin);
  }
  const key = line.trim();
  if (key === '') {
    throw new UsageError(
      'no Face API key on standard input; pipe it in, e.g. printf \'%s\\n\' "$FACE_KEY" | persongroup-bot workspace set <id> --region <region>',
    );
  }
  return key;
}
