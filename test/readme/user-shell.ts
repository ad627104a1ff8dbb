import { delimiter } from 'node:path';
import { type BotProcess, spawnRecorded } from '../helpers/bot-process';

/** How a one-shot command ended and what it printed. */
export interface ShellResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's terminal, for `home` (a fresh one: an empty npx cache, no ~/.npmrc) and
 * nothing else of the test process: no npm_* variables, no node_modules/.bin on PATH that npm run sets.
 * npm is kept offline: nothing a README command needs comes from the registry.
 */
export function userEnvironment(home: string): Record<string, string> {
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  return { PATH: path, HOME: home, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
}

/** Starts `command` as `bash -c` would from a terminal, in its own process group (stop() is Ctrl-C-like). */
export function startInShell(command: string, env: Record<string, string>, cwd: string): BotProcess {
  return spawnRecorded('bash', ['-c', command], env, { cwd, processGroup: true });
}

/** Runs `command` in bash to its end, with nothing on stdin. */
export async function runInShell(
  command: string,
  env: Record<string, string>,
  cwd: string,
): Promise<ShellResult> {
  const shell = startInShell(command, env, cwd);
  shell.child.stdin.end();
  const { code } = await shell.exited;
  return { code, stdout: shell.stdout(), stderr: shell.stderr() };
}
