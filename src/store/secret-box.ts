import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing of secrets at rest (Face keys, Slack installations).
 *
 * A sealed value is `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64 parts). The key id names the key that
 * sealed it, so after a rotation the previous key still opens old values while new ones use the current
 * key. The version and key id are authenticated too (GCM additional data), so they cannot be swapped.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** A sealed value could not be opened: unknown key id, tampered data or not a sealed value at all. */
export class SecretDecryptError extends Error {
  override name = 'SecretDecryptError';
}

/** A key handed to SecretBox is not 32 bytes. */
export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export interface SecretBoxKeys {
  /** Seals every new value; opens values it sealed. */
  current: Buffer;
  /** The key before a rotation: only opens. */
  previous?: Buffer | undefined;
}

/** Derives a short public id from a key; a hash prefix, so it tells nothing useful about the key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('persongroup-bot secret key id\0').update(key).digest('hex').slice(0, 8);
}

function checkKey(key: Buffer, label: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new SecretKeyError(`the ${label} secret key must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

export class SecretBox {
  readonly currentKeyId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(keys: SecretBoxKeys) {
    const current = checkKey(keys.current, 'current');
    this.currentKeyId = keyIdOf(current);
    if (keys.previous !== undefined) {
      const previous = checkKey(keys.previous, 'previous');
      this.keys.set(keyIdOf(previous), previous);
    }
    // Set last so the current key wins should both keys be equal.
    this.keys.set(this.currentKeyId, current);
  }

  /** Encrypts `plain` under the current key with a fresh random IV. */
  seal(plain: string): string {
    const key = this.keys.get(this.currentKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(this.currentKeyId));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.currentKeyId,
      iv.toString('base64'),
      tag.toString('base64'),
      ciphertext.toString('base64'),
    ].join('.');
  }

  /** Decrypts a value produced by `seal` under the current or the previous key. */
  open(sealed: string): string {
    const { keyId, iv, tag, ciphertext } = parseSealed(sealed);
    const key = this.keys.get(keyId);
    if (key === undefined) {
      throw new SecretDecryptError(
        `sealed with key ${keyId}, which is neither SECRET_KEY nor SECRET_KEY_PREVIOUS (known: ${[...this.keys.keys()].join(', ')})`,
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(keyId));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new SecretDecryptError(
        `sealed value failed authentication under key ${keyId} (tampered or corrupt)`,
        {
          cause: error,
        },
      );
    }
  }

  /** True when `sealed` was not sealed with the current key (the rotation command re-seals it). */
  needsReseal(sealed: string): boolean {
    return parseSealed(sealed).keyId !== this.currentKeyId;
  }

  /** Opens with whichever known key sealed it and seals again under the current key. */
  reseal(sealed: string): string {
    return this.seal(this.open(sealed));
  }
}

function additionalData(keyId: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}`, 'utf8');
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function parseSealed(sealed: string): SealedParts {
  const parts = sealed.split('.');
  const [version, keyId, iv, tag, ciphertext] = parts;
  if (
    parts.length !== 5 ||
    version !== VERSION ||
    keyId === undefined ||
    !/^[0-9a-f]{8}$/.test(keyId) ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    ![iv, tag, ciphertext].every((part) => BASE64.test(part))
  ) {
    throw new SecretDecryptError(`not a sealed value (expected ${VERSION}.<keyId>.<iv>.<tag>.<ciphertext>)`);
  }
  const parsed = {
    keyId,
    iv: Buffer.from(iv, 'base64'),
    tag: Buffer.from(tag, 'base64'),
    ciphertext: Buffer.from(ciphertext, 'base64'),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    throw new SecretDecryptError('not a sealed value (wrong IV or tag length)');
  }
  return parsed;
}
