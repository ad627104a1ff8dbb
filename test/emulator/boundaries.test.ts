import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The src/ folders a file's relative imports reach, e.g. ['face', 'emulator']. */
function importedFolders(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)];
  return specifiers.map(
    (match) => relative(SRC, resolve(file, '..', match[1] as string)).split('/')[0] ?? '',
  );
}

const importersOf = (folder: string, from: string) =>
  sourceFiles(join(SRC, from))
    .filter((file) => importedFolders(file).includes(folder))
    .map((file) => relative(SRC, file));

test.each(['face', 'provisioning', 'store', 'cards'])(
  'src/%s imports nothing from src/emulator',
  (folder) => {
    expect(importersOf('emulator', folder)).toEqual([]);
  },
);

test('src/emulator imports nothing from src/face: it answers from its own table of the service', () => {
  expect(importersOf('face', 'emulator')).toEqual([]);
  expect(sourceFiles(join(SRC, 'emulator')).length).toBeGreaterThan(5);
});

test('the check sees a real import (src/app.ts imports the emulator)', () => {
  expect(importedFolders(join(SRC, 'app.ts'))).toContain('emulator');
});
