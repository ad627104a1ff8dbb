import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BEGIN_MARK = '<!-- bench:begin (written by npm run bench) -->';
export const END_MARK = '<!-- bench:end -->';

/**
 * Replaces the generated part of docs/benchmarks.md (between the marks) with `content`, keeping the
 * hand-written reading around it; a file without the marks gets the section appended.
 */
export function writeDocsSection(file: string, content: string): void {
  const section = `${BEGIN_MARK}\n${content.trim()}\n${END_MARK}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const begin = text.indexOf(BEGIN_MARK);
  const end = text.indexOf(END_MARK);
  const next =
    begin >= 0 && end > begin
      ? `${text.slice(0, begin)}${section}${text.slice(end + END_MARK.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  formatWithBiome(file);
}

/** Biome formats Markdown (it aligns tables): format the file so `npm run lint` stays green after a run. */
function formatWithBiome(file: string): void {
  const biome = path.join(path.dirname(file), '..', 'node_modules', '.bin', 'biome');
  const result = spawnSync(biome, ['format', '--write', file], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`bench: could not format ${file} with Biome: ${result.stderr || result.error?.message}`);
  }
}
