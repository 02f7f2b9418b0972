import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey, ApiKeyView, CreatedApiKey } from '../contracts/adoption.js';
import type { Identity } from '../contracts/identity.js';
import {
  apiKeyDisplayPrefix,
  apiKeyDocumentId,
  formatApiKey,
  parseApiKey,
} from '../domain/api-key-format.js';
import { AppError, notFound } from '../domain/errors.js';

interface Stored<T> {
  readonly value: T;
  readonly etag: string;
}

export interface ApiKeyPorts {
  readonly apiKeys: {
    find(tenantId: string, id: string): Promise<Stored<ApiKey> | undefined>;
    create(key: ApiKey): Promise<unknown>;
    replace(key: ApiKey, etag: string): Promise<Stored<ApiKey>>;
    list(tenantId: string): Promise<ApiKey[]>;
  };
}

export interface ApiKeyServiceOptions {
  readonly now: () => Date;
  /** Cryptographically strong random bytes (`crypto.randomBytes`). */
  readonly randomBytes: (size: number) => Uint8Array;
  /** Milliseconds for the cache of verified keys, and the clock it runs on. */
  readonly cacheMs: number;
  readonly clock: () => number;
  readonly maxCachedKeys?: number;
  readonly maxActiveKeys?: number;
}

/** Who a verified key stands for: a tenant, and the key itself (never a person). */
export interface VerifiedApiKey {
  readonly tenantId: string;
  readonly keyId: string;
  readonly name: string;
}

const secretBytes = 32;
const keyIdBytes = 8;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function view(key: ApiKey): ApiKeyView {
  const { tenantId: _tenant, type: _type, secretHash: _hash, ...rest } = key;
  return rest;
}

/**
 * Per-tenant API keys for the usage-event ingest API. The secret is shown once, at creation;
 * the store keeps its SHA-256 only. A verified key is cached for `cacheMs`, so a client sending
 * many batches costs one point read per cache period; revoking clears this instance's cache at
 * once, and other instances' within `cacheMs`.
 */
export class ApiKeyService {
  private readonly verified = new Map<string, { key: VerifiedApiKey; expiresAtMs: number }>();
  private readonly maxCached: number;
  private readonly maxActive: number;

  constructor(
    private readonly ports: ApiKeyPorts,
    private readonly options: ApiKeyServiceOptions,
  ) {
    this.maxCached = options.maxCachedKeys ?? 1000;
    this.maxActive = options.maxActiveKeys ?? 50;
  }

  async create(identity: Identity, name: string): Promise<CreatedApiKey> {
    const existing = await this.ports.apiKeys.list(identity.tenantId);
    const active = existing.filter((key) => key.revokedAt === undefined);
    if (active.length >= this.maxActive) {
      throw new AppError(
        'conflict',
        `This tenant has ${String(active.length)} active API keys, the most it may have; revoke one first`,
      );
    }
    const keyId = Buffer.from(this.options.randomBytes(keyIdBytes)).toString('hex');
    const secret = Buffer.from(this.options.randomBytes(secretBytes)).toString('base64url');
    const key = formatApiKey({ keyId, tenantId: identity.tenantId, secret });
    const document: ApiKey = {
      id: apiKeyDocumentId(keyId),
      tenantId: identity.tenantId,
      type: 'apiKey',
      name,
      secretHash: sha256(secret).toString('hex'),
      prefix: apiKeyDisplayPrefix(keyId),
      createdBy: identity.userId,
      createdAt: this.options.now().toISOString(),
    };
    await this.ports.apiKeys.create(document);
    return { ...view(document), key };
  }

  async list(tenantId: string): Promise<ApiKeyView[]> {
    return (await this.ports.apiKeys.list(tenantId)).map(view);
  }

  /** Revokes the key for good; revoking a revoked key changes nothing. */
  async revoke(identity: Identity, id: string): Promise<ApiKeyView> {
    const stored = await this.ports.apiKeys.find(identity.tenantId, id);
    if (stored === undefined) throw notFound(`API key ${id}`);
    this.forget(identity.tenantId, id);
    if (stored.value.revokedAt !== undefined) return view(stored.value);
    const revoked = await this.ports.apiKeys.replace(
      { ...stored.value, revokedAt: this.options.now().toISOString() },
      stored.etag,
    );
    this.forget(identity.tenantId, id);
    return view(revoked.value);
  }

  /** The tenant and key a presented key stands for, or undefined for a bad or revoked key. */
  async verify(presented: string): Promise<VerifiedApiKey | undefined> {
    const nowMs = this.options.clock();
    // The cache is keyed by a hash of the whole key, so it holds no usable secret.
    const cacheKey = sha256(presented).toString('hex');
    const cached = this.verified.get(cacheKey);
    if (cached !== undefined) {
      if (cached.expiresAtMs > nowMs) return cached.key;
      this.verified.delete(cacheKey);
    }

    const parts = parseApiKey(presented);
    if (parts === undefined) return undefined;
    const stored = await this.ports.apiKeys.find(parts.tenantId, apiKeyDocumentId(parts.keyId));
    if (stored === undefined || stored.value.revokedAt !== undefined) return undefined;
    const expected = Buffer.from(stored.value.secretHash, 'hex');
    const actual = sha256(parts.secret);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;

    const key: VerifiedApiKey = {
      tenantId: parts.tenantId,
      keyId: stored.value.id,
      name: stored.value.name,
    };
    if (this.verified.size >= this.maxCached) {
      const oldest = this.verified.keys().next();
      if (oldest.done !== true) this.verified.delete(oldest.value);
    }
    this.verified.set(cacheKey, { key, expiresAtMs: nowMs + this.options.cacheMs });
    return key;
  }

  private forget(tenantId: string, keyId: string): void {
    for (const [cacheKey, entry] of this.verified) {
      if (entry.key.tenantId === tenantId && entry.key.keyId === keyId) {
        this.verified.delete(cacheKey);
      }
    }
  }
}
