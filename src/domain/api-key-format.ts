/**
 * The ingest API's keys: `lmk.<keyId>.<tenant>.<secret>`, where the tenant is base64url text and
 * the secret at least 32 random bytes in base64url. The key names its tenant and id so the server
 * finds the stored key with one point read (partition = tenant) instead of scanning every tenant;
 * only the secret is secret, and only its SHA-256 is stored.
 */

const scheme = 'lmk';
const keyIdPattern = /^[0-9a-f]{16}$/;
const tenantPattern = /^[A-Za-z0-9._@+-]{1,128}$/;
const base64UrlPattern = /^[A-Za-z0-9_-]+$/;
/** 32 bytes in base64url without padding. */
export const minSecretLength = 43;
const maxKeyLength = 400;

export interface ApiKeyParts {
  /** 16 hex digits; the stored document's id is `apikey-<keyId>`. */
  readonly keyId: string;
  readonly tenantId: string;
  /** base64url text of the random secret. */
  readonly secret: string;
}

export function apiKeyDocumentId(keyId: string): string {
  return `apikey-${keyId}`;
}

export function formatApiKey(parts: ApiKeyParts): string {
  if (!keyIdPattern.test(parts.keyId)) throw new Error('An API key id is 16 hex digits');
  if (!tenantPattern.test(parts.tenantId)) throw new Error('The tenant id cannot go in a key');
  if (parts.secret.length < minSecretLength || !base64UrlPattern.test(parts.secret)) {
    throw new Error('An API key secret is at least 32 bytes of base64url');
  }
  const tenant = Buffer.from(parts.tenantId, 'utf8').toString('base64url');
  return `${scheme}.${parts.keyId}.${tenant}.${parts.secret}`;
}

/** The start of a key that people see in the list to tell keys apart: it names no secret. */
export function apiKeyDisplayPrefix(keyId: string): string {
  return `${scheme}.${keyId}`;
}

/** The parts of a well-formed key, or undefined for anything else (never an exception). */
export function parseApiKey(key: string): ApiKeyParts | undefined {
  if (key.length > maxKeyLength) return undefined;
  const parts = key.split('.');
  if (parts.length !== 4) return undefined;
  const [prefix, keyId, tenant, secret] = parts as [string, string, string, string];
  if (prefix !== scheme || !keyIdPattern.test(keyId)) return undefined;
  if (!base64UrlPattern.test(tenant) || !base64UrlPattern.test(secret)) return undefined;
  if (secret.length < minSecretLength) return undefined;
  const tenantId = Buffer.from(tenant, 'base64url').toString('utf8');
  // Decoding is lenient; only the canonical spelling of a valid tenant id is accepted.
  if (!tenantPattern.test(tenantId)) return undefined;
  if (Buffer.from(tenantId, 'utf8').toString('base64url') !== tenant) return undefined;
  return { keyId, tenantId, secret };
}
