import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './compiled-cli';

/** A throw-away copy of the repository as a fresh clone has it, with its own git index. */
export interface FreshClone {
  readonly dir: string;
  /** `git status --porcelain` inside the copy: '' while a command left the tree as it found it. */
  status(): string;
  remove(): void;
}

const git = (cwd: string, args: string[]) =>
  execFileSync(
    'git',
    [
      '-c',
      'user.name=readme-test',
      '-c',
      'user.email=readme-test@localhost',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, encoding: 'utf8' },
  );

/**
 * Copies every file git would commit (tracked, plus new files not ignored: the work in progress too) into
 * a temporary folder: no dist/, build/ or data/ from earlier runs. node_modules is a symlink to the
 * installed one, as after `npm ci`; commands run in the copy must never install (that would write
 * through the link). The copy is committed to a git repository of its own so `status()` shows what a
 * command wrote outside .gitignore.
 */
export function createFreshClone(): FreshClone {
  const dir = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
  const files = git(ROOT, ['ls-files', '--cached', '--others', '--exclude-standard', '-z'])
    .split('\0')
    .filter((file) => file !== '');
  for (const file of new Set(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(dir, file));
    } catch (error) {
      // a tracked file deleted in the work tree is not part of what would be committed
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  git(dir, ['init', '--quiet']);
  // .gitignore's `node_modules/` matches a folder, not the symlink standing in for it
  appendFileSync(join(dir, '.git', 'info', 'exclude'), '/node_modules\n');
  git(dir, ['add', '--all']);
  git(dir, ['commit', '--quiet', '--message', 'fresh clone']);
  return {
    dir,
    status: () => git(dir, ['status', '--porcelain']),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
