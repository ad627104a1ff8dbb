import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** An RSA key pair with the key id a JWKS publishes it under. */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateSigningKey(keyId: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keyId, privateKey, publicKey };
}

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JWT signed with node:crypto; `header` adds to (or overrides) `{alg, typ, kid}`. */
export function signJwt(
  payload: Record<string, unknown>,
  key: SigningKey,
  header: Record<string, unknown> = {},
): string {
  const signingInput = `${segment({ alg: 'RS256', typ: 'JWT', kid: key.keyId, ...header })}.${segment(payload)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** A JWT with `alg: none` and an empty signature, naming `keyId` so the key lookup succeeds. */
export function unsignedJwt(payload: Record<string, unknown>, keyId: string): string {
  return `${segment({ alg: 'none', typ: 'JWT', kid: keyId })}.${segment(payload)}.`;
}

/** `token` with its payload replaced by `changes` applied to it, the original signature kept. */
export function tamperedJwt(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  return `${header}.${segment({ ...claims, ...changes })}.${signature}`;
}

/**
 * The time claims of a token valid from `fromHours` to `toHours` relative to now (issued a minute before
 * it becomes valid), in seconds since the epoch as JWTs count.
 */
export function validFor(fromHours: number, toHours: number): { iat: number; nbf: number; exp: number } {
  const now = Math.floor(Date.now() / 1000);
  const nbf = now + Math.round(fromHours * 3600) - 60;
  return { iat: nbf, nbf, exp: now + Math.round(toHours * 3600) };
}
