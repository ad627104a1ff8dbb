import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** The Agents Playground CLI as installed (the `agentsplayground` bin), run with this Node. */
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

/** The Playground prints this line once its web server accepts connections. */
const READY_LINE = /Listening on (\d+)/;

/** The Playground did not start: its exit, or a timeout, with what it printed so far. */
export class PlaygroundStartError extends Error {
  override name = 'PlaygroundStartError';
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:PORT/api/messages */
  botEndpoint: string;
  /** Working directory and HOME of the child: the Playground writes its files there, never in the repo. */
  workDir: string;
  /** Where the Playground writes its own log (its request/response lines help when a run fails). */
  logFile: string;
  /** How long to wait for the ready line. */
  startTimeoutMs?: number;
}

export interface PlaygroundProcess {
  /** The web UI, e.g. http://127.0.0.1:PORT/ */
  url: string;
  /** Everything the child printed (stdout and stderr). */
  output(): string;
  /** Ends the child's whole process group and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (Teams channel, telemetry off, no browser opened) against a
 * bot endpoint on a random free port (`-p 0`), in its own process group so stop() leaves no orphans.
 * Resolves when it prints "Listening on <port>".
 */
export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundProcess> {
  const child = spawn(process.execPath, [PLAYGROUND_CLI, '--disable-telemetry', '-c', 'msteams', '-p', '0'], {
    cwd: options.workDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A minimal environment on purpose: no proxies, no inherited Playground settings.
    env: {
      HOME: options.workDir,
      BOT_ENDPOINT: options.botEndpoint,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
    },
  });
  // Should the test process end without afterAll (a crash, a timeout), the Playground ends with it.
  const killOnExit = () => {
    if (child.pid !== undefined && child.exitCode === null) signalGroup(child.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });

  try {
    const port = await waitForReadyLine(child, () => output, options.startTimeoutMs ?? 30_000);
    return {
      url: `http://127.0.0.1:${port}/`,
      output: () => output,
      stop: () => stopProcessGroup(child),
    };
  } catch (error) {
    await stopProcessGroup(child);
    throw error;
  }
}

function waitForReadyLine(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const onData = () => {
      const match = READY_LINE.exec(output());
      if (match?.[1]) {
        cleanup();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(
        new PlaygroundStartError(
          `Agents Playground exited (${code ?? signal}) before it was ready:\n${output()}`,
        ),
      );
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new PlaygroundStartError(`Agents Playground could not be started: ${error.message}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new PlaygroundStartError(
          `Agents Playground printed no "Listening on" within ${timeoutMs} ms:\n${output()}`,
        ),
      );
    }, timeoutMs);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
    onData();
  });
}

/** SIGTERM to the group, SIGKILL if it is still there after a grace period; resolves on exit. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  signalGroup(child.pid, 'SIGTERM');
  const grace = setTimeout(() => signalGroup(child.pid as number, 'SIGKILL'), 5_000);
  try {
    await exited;
  } finally {
    clearTimeout(grace);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
