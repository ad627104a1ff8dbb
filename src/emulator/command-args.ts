/** The flags of `persongroup-bot emulator`, parsed into start options (or a usage line). */
import type { EmulatorKey, FaceEmulatorOptions } from './options';

export const USAGE =
  'usage: persongroup-bot emulator [--port N] [--key K[@region]]… [--faults] [--tier S0|F0] [--limited-access] ' +
  '[--unauthorized-body current|seed] [--training-ms N] [--empty-training fail|reject]';

export type ParsedArgs = { options: FaceEmulatorOptions & { port: number } } | { usage: string };

const BOOLEAN_FLAGS = new Set(['--faults', '--limited-access']);
const VALUE_FLAGS = new Set([
  '--port',
  '--key',
  '--tier',
  '--unauthorized-body',
  '--training-ms',
  '--empty-training',
]);
const CHOICES: Record<string, readonly string[]> = {
  '--tier': ['S0', 'F0'],
  '--unauthorized-body': ['current', 'seed'],
  '--empty-training': ['fail', 'reject'],
};

/** `K` or `K@region`: the key, bound to the region when one follows the last `@`. */
function parseKey(value: string): string | EmulatorKey {
  const at = value.lastIndexOf('@');
  return at > 0 && at < value.length - 1 ? { key: value.slice(0, at), region: value.slice(at + 1) } : value;
}

function applyValue(
  options: FaceEmulatorOptions & { port: number },
  flag: string,
  value: string,
): string | undefined {
  const choices = CHOICES[flag];
  if (choices !== undefined && !choices.includes(value))
    return `${flag} must be one of ${choices.join(', ')}, got "${value}"`;
  switch (flag) {
    case '--key':
      options.keys = [...(options.keys ?? []), parseKey(value)];
      return undefined;
    case '--tier':
      options.tier = value as 'S0' | 'F0';
      return undefined;
    case '--unauthorized-body':
      options.unauthorizedBody = value as 'current' | 'seed';
      return undefined;
    case '--empty-training':
      options.emptyGroupTraining = value as 'fail' | 'reject';
      return undefined;
    case '--port':
      if (!/^\d+$/.test(value) || Number(value) > 65535) return `--port must be 0–65535, got "${value}"`;
      options.port = Number(value);
      return undefined;
    default:
      if (!/^\d+$/.test(value)) return `--training-ms must be a whole number of milliseconds, got "${value}"`;
      options.trainingMs = Number(value);
      return undefined;
  }
}

export function parseEmulatorArgs(argv: string[]): ParsedArgs {
  const options: FaceEmulatorOptions & { port: number } = { port: 5100 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag = arg, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (BOOLEAN_FLAGS.has(flag) && inline === undefined) {
      if (flag === '--faults') options.faults = true;
      else options.limitedAccess = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) return { usage: `unknown argument "${arg}"; ${USAGE}` };
    const value = inline ?? argv[i + 1];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--')))
      return { usage: `${flag} needs a value; ${USAGE}` };
    if (inline === undefined) i += 1;
    const problem = applyValue(options, flag, value);
    if (problem !== undefined) return { usage: problem };
  }
  return { options };
}
