import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above `from` holding manifest/teams/manifest.json. Scripts run
 * both from source (Jest) and compiled into dist/scripts, so a fixed relative path would be wrong in one.
 */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'manifest', 'teams', 'manifest.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no manifest/teams/manifest.json above ${from}`);
  }
}
