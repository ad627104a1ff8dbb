import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { compiledCli } from './compiled-cli';

/** One JSON log line of the server (pino), or `{msg: <raw text>}` for a line that is not JSON. */
export type LogLine = Record<string, unknown> & { msg?: string };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A `persongroup-bot` child process with its output recorded. */
export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout / stderr so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** stdout's lines parsed as JSON log records, oldest first. */
  readonly logs: LogLine[];
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** Resolves with the first log line (past or future) that matches; rejects on exit or timeout. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Sends `signal` (default SIGTERM) and resolves with the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** A server that printed its "listening" line. */
export interface RunningBot extends BotProcess {
  /** http://127.0.0.1:PORT */
  url: string;
}

/** Every child still running, with how to signal it (itself, or its process group). */
const running = new Map<ChildProcessWithoutNullStreams, (signal: NodeJS.Signals) => void>();
// A child must not outlive the test process, even when afterAll never runs.
process.once('exit', () => {
  for (const signal of running.values()) signal('SIGKILL');
});

function parseLine(line: string): LogLine {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null) return parsed as LogLine;
  } catch {
    // a line that is not JSON (pino never writes one): kept as raw text below
  }
  return { msg: line, raw: true };
}

/** Where and how a recorded child runs. */
export interface SpawnOptions {
  /** Defaults to the test process's working directory. */
  cwd?: string;
  /**
   * Runs the child in its own process group, and stop() signals the whole group, as a terminal does on
   * Ctrl-C. Needed for `npm start`: npm alone forwards a signal to its shell, not to the server below it.
   */
  processGroup?: boolean;
}

/**
 * Spawns the compiled CLI with exactly `env` (plus PATH): no inherited variables and no .env, so the
 * process sees only what the test gives it. `cwd` defaults to the repository root.
 */
export async function spawnCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string } = {},
): Promise<BotProcess> {
  const cli = await compiledCli();
  return spawnRecorded(process.execPath, [cli, ...args], { PATH: process.env.PATH ?? '', ...env }, options);
}

/** Spawns `file args` with exactly `env` and records its output; stdin stays open for the caller. */
export function spawnRecorded(
  file: string,
  args: string[],
  env: Record<string, string>,
  options: SpawnOptions = {},
): BotProcess {
  const child = spawn(file, args, {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: options.processGroup === true,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (options.processGroup === true && child.pid !== undefined) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // the group is already gone (ESRCH): nothing left to signal
    }
  };
  running.set(child, signal);
  let stdout = '';
  let stderr = '';
  let partial = '';
  const logs: LogLine[] = [];
  const events = new EventEmitter();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') logs.push(parseLine(line));
    events.emit('log');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<Exit>((done) => {
    // 'close' comes after 'exit' and after the last output, so every log line is in by then.
    child.on('close', (code, signal) => {
      running.delete(child);
      done({ code, signal });
      events.emit('exit');
    });
  });

  function waitForLog(match: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const finish = (error: Error | undefined, line?: LogLine) => {
        clearTimeout(timer);
        events.off('log', check);
        events.off('exit', onExit);
        if (error) reject(error);
        else resolve(line as LogLine);
      };
      const check = () => {
        const found = logs.find(match);
        if (found) finish(undefined, found);
      };
      const onExit = () => {
        check();
        finish(new Error(`the process exited before the awaited log line; stderr: ${stderr}`));
      };
      const timer = setTimeout(
        () => finish(new Error(`no matching log line in ${timeoutMs} ms; stdout: ${stdout.slice(-2000)}`)),
        timeoutMs,
      );
      events.on('log', check);
      events.on('exit', onExit);
      check();
      if (child.exitCode !== null || child.signalCode !== null) onExit();
    });
  }

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logs,
    exited,
    waitForLog,
    stop(name = 'SIGTERM') {
      // A group is signalled even after its leader exits: the process below it may still run.
      if (options.processGroup === true || (child.exitCode === null && child.signalCode === null))
        signal(name);
      return exited;
    },
  };
}

const LISTENING = /^persongroup-bot listening on (http:\/\/\S+)$/;

/**
 * Starts `persongroup-bot serve` (PORT=0 unless given) and resolves once it logged where it listens
 * and /readyz answers 200.
 */
export async function startBot(
  env: Record<string, string>,
  options: { cwd?: string } = {},
): Promise<RunningBot> {
  const bot = await spawnCli(['serve'], { PORT: '0', ...env }, options);
  try {
    const line = await bot.waitForLog((log) => typeof log.msg === 'string' && LISTENING.test(log.msg));
    const url = (LISTENING.exec(line.msg as string)?.[1] ?? '').replace('0.0.0.0', '127.0.0.1');
    const ready = await fetch(`${url}/readyz`);
    if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
    return Object.assign(bot, { url });
  } catch (error) {
    await bot.stop('SIGKILL');
    throw error;
  }
}

/** Runs one CLI command to its end with `stdin` as its input. */
export async function runCliCommand(
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const command = await spawnCli(args, env);
  command.child.stdin.end(stdin);
  const { code } = await command.exited;
  return { code, stdout: command.stdout(), stderr: command.stderr() };
}

/** Kills every child still running (afterAll). */
export async function killAllBots(): Promise<void> {
  await Promise.all(
    [...running].map(
      ([child, signal]) =>
        new Promise<void>((done) => {
          // 'close', not 'exit': a group's leader may be gone while a process below it still runs.
          child.once('close', () => done());
          signal('SIGKILL');
        }),
    ),
  );
}
