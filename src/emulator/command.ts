/** `persongroup-bot emulator [--port N] [--key K]…`: runs the Face emulator until SIGINT/SIGTERM or `signal`. */
import { startFaceEmulator } from './server';

export interface EmulatorCommandIo {
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /** Stops the emulator (tests); otherwise SIGINT/SIGTERM do. */
  signal?: AbortSignal;
}

type Parsed = { port: number; keys: string[] } | { usage: string };

const USAGE = 'usage: persongroup-bot emulator [--port N] [--key K]…';

function parseArgs(argv: string[]): Parsed {
  let port = 5100;
  const keys: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = inline ?? argv[i + 1];
    if (flag !== '--port' && flag !== '--key') return { usage: `unknown argument "${arg}"; ${USAGE}` };
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      return { usage: `${flag} needs a value; ${USAGE}` };
    }
    if (inline === undefined) i += 1;
    if (flag === '--key') keys.push(value);
    else if (!/^\d+$/.test(value) || Number(value) > 65535)
      return { usage: `--port must be 0–65535, got "${value}"` };
    else port = Number(value);
  }
  return { port, keys };
}

/** Parses argv (after `emulator`), serves until stopped; resolves with the exit code (0, 1 failure, 2 usage). */
export async function runEmulatorCommand(argv: string[], io: EmulatorCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const stderr = io.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  const parsed = parseArgs(argv);
  if ('usage' in parsed) {
    stderr(`persongroup-bot emulator: ${parsed.usage}`);
    return 2;
  }
  let emulator: Awaited<ReturnType<typeof startFaceEmulator>>;
  try {
    emulator = await startFaceEmulator({
      port: parsed.port,
      ...(parsed.keys.length > 0 ? { keys: parsed.keys } : {}),
    });
  } catch (error) {
    stderr(
      `persongroup-bot emulator: cannot listen on 127.0.0.1:${parsed.port}: ${(error as Error).message}`,
    );
    return 1;
  }
  const keys =
    parsed.keys.length > 0 ? `${parsed.keys.length} key(s) accepted` : 'any non-empty key accepted';
  stdout(
    `Face API emulator listening on ${emulator.baseUrl} (${keys}; FACE_ENDPOINT_OVERRIDE=${emulator.url})`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    if (io.signal?.aborted) return resolve();
    io.signal?.addEventListener('abort', stop, { once: true });
    if (io.signal === undefined) {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
  await emulator.close();
  return 0;
}
