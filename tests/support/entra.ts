import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export interface EntraKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function createEntraKey(kid = `entra-${randomUUID()}`): Promise<EntraKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

export interface LoopbackEntra {
  /** The JWKS URL to configure as AAD_JWKS_URL. */
  readonly jwksUrl: string;
  /** The issuer template to configure as AAD_ISSUER_TEMPLATE. */
  readonly issuerTemplate: string;
  issuerFor(tenantId: string): string;
  readonly key: EntraKey;
  readonly jwksRequests: number;
  close(): Promise<void>;
}

/** A loopback stand-in for Entra ID's key discovery: serves a JWKS with one local signing key. */
export async function startLoopbackEntra(): Promise<LoopbackEntra> {
  const key = await createEntraKey();
  let jwksRequests = 0;
  const server = createServer((req, res) => {
    if (req.url === '/discovery/v2.0/keys') {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [key.publicJwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    jwksUrl: `${base}/discovery/v2.0/keys`,
    issuerTemplate: `${base}/{tenantid}/v2.0`,
    issuerFor: (tenantId) => `${base}/${tenantId}/v2.0`,
    key,
    get jwksRequests() {
      return jwksRequests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface AccessTokenOptions {
  readonly key: EntraKey;
  readonly issuer: string;
  readonly audience: string;
  readonly tenantId: string;
  readonly objectId: string;
  readonly roles?: readonly string[];
  readonly upn?: string;
  readonly name?: string;
  /** Seconds since the epoch. */
  readonly expiresAt?: number;
}

/** Signs an Entra-ID-shaped access token (v2) as Teams SSO would hand the tab. */
export async function signAccessToken(options: AccessTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    tid: options.tenantId,
    oid: options.objectId,
    ...(options.roles === undefined ? {} : { roles: [...options.roles] }),
    ...(options.upn === undefined ? {} : { preferred_username: options.upn }),
    ...(options.name === undefined ? {} : { name: options.name }),
    scp: 'access_as_user',
    ver: '2.0',
  })
    .setProtectedHeader({ alg: 'RS256', kid: options.key.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.objectId)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 3600)
    .sign(options.key.privateKey);
}
