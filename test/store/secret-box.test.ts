import { randomBytes } from 'node:crypto';
import { keyIdOf, SecretBox, SecretDecryptError, SecretKeyError } from '../../src/store/secret-box';

const key = () => randomBytes(32);

describe('SecretBox', () => {
  it('opens what it sealed, unicode included', () => {
    const box = new SecretBox({ current: key() });
    for (const plain of ['0123456789abcdef0123456789abcdef', '', 'ключ 🔑 clé']) {
      expect(box.open(box.seal(plain))).toBe(plain);
    }
  });

  it('seals to v1.<keyId>.<iv>.<tag>.<ciphertext> without the plaintext in it', () => {
    const current = key();
    const sealed = new SecretBox({ current }).seal('super-secret-face-key');
    const [version, keyId, iv, tag] = sealed.split('.');
    expect(sealed.split('.')).toHaveLength(5);
    expect(version).toBe('v1');
    expect(keyId).toBe(keyIdOf(current));
    expect(Buffer.from(iv ?? '', 'base64')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64')).toHaveLength(16);
    expect(sealed).not.toContain('super-secret-face-key');
    expect(sealed).not.toContain(Buffer.from('super-secret-face-key').toString('base64'));
  });

  it('uses a fresh random IV for every seal, so equal secrets never look equal', () => {
    const box = new SecretBox({ current: key() });
    const a = box.seal('same');
    const b = box.seal('same');
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('rejects a tampered ciphertext, tag, IV or key id with SecretDecryptError', () => {
    const box = new SecretBox({ current: key() });
    const parts = box.seal('secret value').split('.');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    for (const index of [2, 3, 4]) {
      const tampered = parts.map((part, i) => (i === index ? flip(part) : part)).join('.');
      expect(() => box.open(tampered)).toThrow(SecretDecryptError);
    }
    expect(() => box.open(parts.map((p, i) => (i === 1 ? '00000000' : p)).join('.'))).toThrow(
      /sealed with key 00000000/,
    );
    expect(() => box.open('plaintext-key')).toThrow(SecretDecryptError);
  });

  it('cannot open a value sealed under another key', () => {
    const sealed = new SecretBox({ current: key() }).seal('secret');
    expect(() => new SecretBox({ current: key() }).open(sealed)).toThrow(
      /neither SECRET_KEY nor SECRET_KEY_PREVIOUS/,
    );
  });

  it('after a rotation opens old values with the previous key, seals with the current one and flags reseals', () => {
    const oldKey = key();
    const newKey = key();
    const oldSealed = new SecretBox({ current: oldKey }).seal('rotated secret');
    const rotated = new SecretBox({ current: newKey, previous: oldKey });

    expect(rotated.open(oldSealed)).toBe('rotated secret');
    expect(rotated.needsReseal(oldSealed)).toBe(true);
    const resealed = rotated.reseal(oldSealed);
    expect(rotated.needsReseal(resealed)).toBe(false);
    expect(resealed.split('.')[1]).toBe(keyIdOf(newKey));
    expect(new SecretBox({ current: newKey }).open(resealed)).toBe('rotated secret');
    expect(rotated.needsReseal(rotated.seal('x'))).toBe(false);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new SecretBox({ current: randomBytes(16) })).toThrow(SecretKeyError);
    expect(() => new SecretBox({ current: key(), previous: randomBytes(31) })).toThrow(
      /previous secret key must be 32 bytes/,
    );
  });
});
