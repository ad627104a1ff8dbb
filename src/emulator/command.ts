/** `persongroup-bot emulator …` (flags in command-args.ts): runs the Face emulator until SIGINT/SIGTERM or `signal`. */
import { parseEmulatorArgs } from './command-args';
import type { FaceEmulatorOptions } from './options';
import { startFaceEmulator } from './server';

export interface EmulatorCommandIo {
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /** Stops the emulator (tests); otherwise SIGINT/SIGTERM do. */
  signal?: AbortSignal;
}

/** One line of what the emulator was asked to be; never a key. */
function describeModes(options: FaceEmulatorOptions): string {
  const keys = options.keys;
  const modes = [keys === undefined ? 'any non-empty key accepted' : `${keys.length} key(s) accepted`];
  const bound = keys?.filter((key) => typeof key !== 'string').length ?? 0;
  if (bound > 0) modes.push(`${bound} bound to a region`);
  if (options.tier === 'F0') modes.push('F0: 20 calls a minute per key');
  if (options.limitedAccess) modes.push('Limited Access: person-group calls answer 403');
  if (options.faults) modes.push('fault control at /_emulator/faults');
  return modes.join(', ');
}

/** Parses argv (after `emulator`), serves until stopped; resolves with the exit code (0, 1 failure, 2 usage). */
export async function runEmulatorCommand(argv: string[], io: EmulatorCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const stderr = io.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  const parsed = parseEmulatorArgs(argv);
  if ('usage' in parsed) {
    stderr(`persongroup-bot emulator: ${parsed.usage}`);
    return 2;
  }
  let emulator: Awaited<ReturnType<typeof startFaceEmulator>>;
  try {
    emulator = await startFaceEmulator(parsed.options);
  } catch (error) {
    stderr(
      `persongroup-bot emulator: cannot listen on 127.0.0.1:${parsed.options.port}: ${(error as Error).message}`,
    );
    return 1;
  }
  stdout(
    `Face API emulator listening on ${emulator.baseUrl} (${describeModes(parsed.options)}; FACE_ENDPOINT_OVERRIDE=${emulator.url}; a region's endpoint: ${emulator.url}/<region>)`,
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
