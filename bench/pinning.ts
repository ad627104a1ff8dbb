import { spawnSync } from 'node:child_process';
import os from 'node:os';

/** Which CPUs the measured processes and their surroundings (load generator, emulator, fake Slack) use. */
export interface CoreLayout {
  /** taskset CPU list for the bot and the floors; undefined when nothing is pinned. */
  targets: string | undefined;
  /** For the report. */
  description: string;
}

/**
 * Pins this process (every thread; the stubs forked later inherit it) to all CPUs but the last, and
 * keeps the last for the process under test, so the load generator and the emulator never take CPU from
 * it. Needs two CPUs and taskset (util-linux); otherwise everything shares every CPU, and the report says so.
 */
export function pinSurroundings(): CoreLayout {
  const cpus = os.availableParallelism();
  const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
  if (cpus < 2 || !hasTaskset) {
    const why = cpus < 2 ? 'one CPU' : 'no taskset';
    return { targets: undefined, description: `not pinned (${why}): all processes share every CPU` };
  }
  const last = cpus - 1;
  const surroundings = last === 1 ? '0' : `0-${last - 1}`;
  const pinned = spawnSync('taskset', ['-a', '-p', '-c', surroundings, String(process.pid)], {
    stdio: 'ignore',
  });
  if (pinned.status !== 0) return { targets: undefined, description: 'not pinned (taskset -p failed)' };
  return {
    targets: String(last),
    description: `bot and floors on CPU ${last}; load generator, emulator and fake Slack on CPU ${surroundings}`,
  };
}
