import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The generated local-mode key file is unreadable or not a 32-byte base64 key. */
export class LocalSecretError extends Error {
  override name = 'LocalSecretError';
}

const KEY_BYTES = 32;

/** Where local mode keeps its generated SECRET_KEY. */
export function localSecretPath(dataDir: string): string {
  return join(dataDir, 'secret.key');
}

/**
 * Local mode's SECRET_KEY: read from `<dataDir>/secret.key`, or generated there (mode 0600) on first
 * start. The file is written under a temporary name and then hard-linked into place, so a second process
 * starting at the same moment either wins the race or reads the complete winner — never half a file.
 */
export function loadOrCreateLocalSecret(dataDir: string): Buffer {
  const path = localSecretPath(dataDir);
  const existing = readKeyFile(path);
  if (existing !== undefined) return existing;

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const key = randomBytes(KEY_BYTES);
  writeFileSync(temporary, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process created it first: use theirs, so both encrypt with the same key.
    const winner = readKeyFile(path);
    if (winner === undefined) throw error;
    return winner;
  } finally {
    unlinkSync(temporary);
  }
}

function readKeyFile(path: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LocalSecretError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const encoded = text.trim();
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== encoded) {
    throw new LocalSecretError(
      `${path} is not a ${KEY_BYTES}-byte base64 key; restore it, or delete it to generate a new one (stored keys must then be set again)`,
    );
  }
  return key;
}
