/**
 * `npm run package:teams [-- --local]`: fills the Teams manifest's ids from the environment, validates it
 * offline, and writes build/persongroup-bot-teams.zip (manifest.json, color.png, outline.png at the root).
 * Exit codes: 0 written; 2 a setting to fix (one line says which); 1 an invalid manifest or icon.
 * Compiled by scripts/tsconfig.json to dist/scripts because Node 20 cannot run TypeScript directly.
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { readPngSize } from './png';
import { findRepoRoot } from './repo-root';
import {
  fillManifest,
  findManifestProblems,
  ManifestInvalidError,
  type ManifestValues,
  PackagingConfigError,
  valuesFromEnvironment,
} from './teams-manifest';

/** Icon file → the size Teams requires. */
const ICONS = { 'color.png': 192, 'outline.png': 32 } as const;
/** A fixed timestamp for every entry, so the same inputs give a byte-identical zip. */
const ZIP_MTIME = new Date('2024-01-01T00:00:00Z');

/** Builds the app package from `<root>/manifest/teams` into `outFile`; returns the filled manifest. */
export async function packageTeamsApp(
  root: string,
  outFile: string,
  values: ManifestValues,
): Promise<Record<string, unknown>> {
  const dir = join(root, 'manifest', 'teams');
  const manifest = fillManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'), values);
  const problems = await findManifestProblems(manifest);
  const icons = Object.entries(ICONS).map(([name, size]) => {
    const png = readFileSync(join(dir, name));
    const { width, height } = readPngSize(png);
    if (width !== size || height !== size)
      problems.push(`${name} is ${width}×${height}, Teams needs ${size}×${size}`);
    return [name, png] as const;
  });
  if (problems.length > 0) throw new ManifestInvalidError(problems);

  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', { mtime: ZIP_MTIME });
  for (const [name, png] of icons) zip.addBuffer(png, name, { mtime: ZIP_MTIME });
  zip.end();
  mkdirSync(dirname(outFile), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(outFile));
  return manifest;
}

/** The command line: parses argv, reports in one line per outcome, returns the exit code. */
export async function runPackageTeams(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  root: string,
  out: Pick<Console, 'log' | 'error'>,
): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--local');
  if (unknown.length > 0) {
    out.error(
      `package:teams: unknown argument ${unknown.join(' ')} (usage: npm run package:teams [-- --local])`,
    );
    return 2;
  }
  const local = argv.includes('--local');
  const outFile = join(
    root,
    'build',
    local ? 'persongroup-bot-teams-local.zip' : 'persongroup-bot-teams.zip',
  );
  try {
    const values = valuesFromEnvironment(env, local);
    await packageTeamsApp(root, outFile, values);
    const kind = local
      ? 'placeholder ids (a check-only package: not for upload to Teams)'
      : `bot ${values.botId}`;
    out.log(`package:teams: wrote ${relative(root, outFile)} for ${kind}`);
    return 0;
  } catch (error) {
    if (error instanceof PackagingConfigError) {
      out.error(`package:teams: ${error.message}`);
      return 2;
    }
    if (error instanceof ManifestInvalidError) {
      out.error(`package:teams: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  // The one place the packaging reads process.env: the functions above take their inputs as arguments.
  runPackageTeams(process.argv.slice(2), process.env, findRepoRoot(__dirname), console).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('package:teams: failed:', error);
      process.exitCode = 1;
    },
  );
}
