import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalSecretError, loadOrCreateLocalSecret, localSecretPath } from '../../src/store/local-secret';

const root = mkdtempSync(join(tmpdir(), 'persongroup-bot-secret-'));
let counter = 0;
const freshDataDir = () => join(root, `data-${++counter}`, 'nested');

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('loadOrCreateLocalSecret', () => {
  it('generates a 32-byte key into <dataDir>/secret.key readable only by its owner', () => {
    const dataDir = freshDataDir();
    const key = loadOrCreateLocalSecret(dataDir);
    expect(key).toHaveLength(32);
    expect(statSync(localSecretPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toStrictEqual(['secret.key']);
  });

  it('reuses the stored key on the next start', () => {
    const dataDir = freshDataDir();
    const first = loadOrCreateLocalSecret(dataDir);
    expect(loadOrCreateLocalSecret(dataDir).equals(first)).toBe(true);
  });

  it('stops with one clear line when the key file is malformed', () => {
    const dataDir = freshDataDir();
    loadOrCreateLocalSecret(dataDir);
    writeFileSync(localSecretPath(dataDir), 'not a key\n');
    expect(() => loadOrCreateLocalSecret(dataDir)).toThrow(LocalSecretError);
    expect(() => loadOrCreateLocalSecret(dataDir)).toThrow(
      /secret\.key is not a 32-byte base64 key; .*delete it/,
    );
  });
});
