import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');
/**
 * Inside the repository's node_modules, so the compiled files resolve the installed packages. Each build
 * is `<CACHE>/<hash>/dist` with `cards/` copied beside it (src/cards/templates.ts reads `../../cards`), and the
 * sandbox page under `src/sandbox/page` (src/sandbox/page-routes.ts reads it).
 */
const CACHE = join(ROOT, 'node_modules', '.cache', 'persongroup-bot-cli');
/** Inputs of a build: when none changed, every test file of every run reuses the same output. */
/** This file too: a change to how a build is laid out must not reuse an older layout. */
const INPUTS = [
  'src',
  'cards',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
  'test/helpers/compiled-cli.ts',
];
/** A lock older than this belongs to a test process that died while building. */
const STALE_LOCK_MS = 180_000;
/** Other builds are removed once this old (a run still using one finishes well before). */
const OLD_BUILD_MS = 3_600_000;
const LOCK_POLL_MS = 150;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** sha-256 over the path and bytes of every build input. */
function inputHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function build(target: string): Promise<void> {
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // tsc may report errors in files other people are still writing; it emits regardless.
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      join(staging, 'dist'),
    ],
    { cwd: ROOT },
  ).catch((error: unknown) => error);
  if (!existsSync(join(staging, 'dist', 'cli.js'))) throw new Error(`tsc wrote no cli.js into ${staging}`);
  cpSync(join(ROOT, 'cards'), join(staging, 'cards'), { recursive: true });
  // The Slack sandbox's page (HTML, CSS, JS) is read from src/sandbox/page, as in the repository.
  cpSync(join(ROOT, 'src', 'sandbox', 'page'), join(staging, 'src', 'sandbox', 'page'), { recursive: true });
  renameSync(staging, target);
}

function removeOldBuilds(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (path === keep || name.endsWith('.lock')) continue;
    if (Date.now() - statSync(path).mtimeMs > OLD_BUILD_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** Takes the build lock (an atomic mkdir), or returns false when another process holds a fresh one. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/**
 * The path of a compiled `cli.js` for the current sources, for child-process tests. Built once per
 * source state: parallel Jest workers wait for the one that holds the lock instead of compiling again,
 * and later runs reuse the build while nothing under src/ or cards/ changed.
 */
export async function compiledCli(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const target = join(CACHE, inputHash());
  const cli = join(target, 'dist', 'cli.js');
  const lock = `${target}.lock`;
  const deadline = Date.now() + STALE_LOCK_MS + 60_000;
  while (!existsSync(cli)) {
    if (Date.now() > deadline) throw new Error(`no compiled CLI at ${cli} in time`);
    if (!tryLock(lock)) {
      await sleep(LOCK_POLL_MS); // another worker is compiling: wait for its rename
      continue;
    }
    try {
      if (!existsSync(cli)) await build(target);
      removeOldBuilds(target);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const now = new Date();
  utimesSync(target, now, now); // in use: removeOldBuilds leaves it alone
  return cli;
}
