import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** How the file was made unwritable: the immutable flag, or another connection's EXCLUSIVE lock. */
export type UnwritableMode = 'immutable' | 'locked';

export interface UnwritableSqlite {
  mode: UnwritableMode;
  /** Makes the file writable again. */
  restore(): void;
}

/** True when this machine lets us set the immutable flag (root with CAP_LINUX_IMMUTABLE, ext4-like fs). */
function immutableFlagWorks(folder: string): boolean {
  const probeDir = mkdtempSync(path.join(folder, 'chattr-probe-'));
  const probe = path.join(probeDir, 'probe');
  writeFileSync(probe, 'x');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch (error) {
    void error; // no chattr, no capability or no support on this file system: use the lock instead
    return false;
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

/**
 * Makes a SQLite database (WAL mode) impossible to write while it stays readable. The tests run as root,
 * so chmod would not stop a write: the immutable flag does (writes fail with SQLITE_IOERR at once). It
 * is set on the database and its -wal file, not on -shm: that one is memory-mapped, and an immutable
 * mapping kills the process with SIGBUS. Where the flag is not available, a second connection holds an
 * EXCLUSIVE transaction, so writers get SQLITE_BUSY after their busy timeout.
 */
export function makeSqliteUnwritable(databasePath: string): UnwritableSqlite {
  if (immutableFlagWorks(path.dirname(databasePath))) {
    const files = [databasePath, `${databasePath}-wal`].filter((file) => existsSync(file));
    execFileSync('chattr', ['+i', ...files]);
    return { mode: 'immutable', restore: () => execFileSync('chattr', ['-i', ...files]) };
  }
  const holder = new Database(databasePath, { timeout: 0 });
  holder.exec('BEGIN EXCLUSIVE');
  return {
    mode: 'locked',
    restore: () => {
      holder.exec('ROLLBACK');
      holder.close();
    },
  };
}
