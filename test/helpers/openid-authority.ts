import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKey, type SigningKey, signJwt } from './jwt';

export interface OpenIdAuthorityOptions {
  /** The `issuer` of the metadata and the `iss` of the tokens it signs. */
  issuer: string;
  /** The Bot Framework's channel keys carry the channel ids they may sign for; AAD's carry none. */
  endorsements?: string[];
  /** The metadata path: the Bot Framework's `/v1/.well-known/openidconfiguration` (default) or AAD's. */
  metadataPath?: string;
}

export interface OpenIdAuthority {
  /** What botbuilder's `ToBotFrom…OpenIdMetadataUrl` points at. */
  metadataUrl: string;
  issuer: string;
  /** The published key. */
  key: SigningKey;
  /** An RS256 token signed with the published key; `header` overrides `{alg, typ, kid}`. */
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>): string;
  /** Every path requested so far (metadata and JWKS fetches). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in for login.botframework.com (or AAD) on 127.0.0.1:0: the OpenID metadata (issuer,
 * jwks_uri, id_token_signing_alg_values_supported) and a JWKS holding one test RSA key, so botbuilder's
 * own token validation runs offline against keys the test controls.
 */
export async function startOpenIdAuthority(options: OpenIdAuthorityOptions): Promise<OpenIdAuthority> {
  const key = generateSigningKey(`test-key-${Math.random().toString(36).slice(2, 10)}`);
  const metadataPath = options.metadataPath ?? '/v1/.well-known/openidconfiguration';
  const keysPath = '/v1/.well-known/keys';
  const requests: string[] = [];
  const jwk = key.publicKey.export({ format: 'jwk' });
  const published = {
    kty: 'RSA',
    use: 'sig',
    kid: key.keyId,
    n: jwk.n,
    e: jwk.e,
    ...(options.endorsements ? { endorsements: options.endorsements } : {}),
  };

  let origin = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push(path);
    const body =
      path === metadataPath
        ? {
            issuer: options.issuer,
            authorization_endpoint: `${origin}/v1/authorize`,
            jwks_uri: `${origin}${keysPath}`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }
        : path === keysPath
          ? { keys: [published] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${origin}${metadataPath}`,
    issuer: options.issuer,
    key,
    sign: (claims, header) => signJwt({ iss: options.issuer, ...claims }, key, header),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
