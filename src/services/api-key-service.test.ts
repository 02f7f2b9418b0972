import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../contracts/adoption.js';
import type { Identity } from '../contracts/identity.js';
import { formatApiKey, parseApiKey } from '../domain/api-key-format.js';
import { isAppError } from '../domain/errors.js';
import { ApiKeyService, type ApiKeyPorts } from './api-key-service.js';

type KeyStore = ApiKeyPorts['apiKeys'];

/** The repository's contract in memory, counting point reads. */
class MemoryKeys implements KeyStore {
  readonly documents = new Map<string, { value: ApiKey; etag: string }>();
  reads = 0;
  private version = 0;

  async find(tenantId: string, id: string): Promise<{ value: ApiKey; etag: string } | undefined> {
    this.reads += 1;
    return this.documents.get(`${tenantId}/${id}`);
  }

  async create(key: ApiKey): Promise<void> {
    const path = `${key.tenantId}/${key.id}`;
    if (this.documents.has(path)) throw new Error('conflict');
    this.documents.set(path, { value: key, etag: this.nextEtag() });
  }

  async replace(key: ApiKey, etag: string): Promise<{ value: ApiKey; etag: string }> {
    const path = `${key.tenantId}/${key.id}`;
    if (this.documents.get(path)?.etag !== etag) throw new Error('precondition failed');
    const stored = { value: key, etag: this.nextEtag() };
    this.documents.set(path, stored);
    return stored;
  }

  async list(tenantId: string): Promise<ApiKey[]> {
    return [...this.documents.values()]
      .map((stored) => stored.value)
      .filter((key) => key.tenantId === tenantId);
  }

  private nextEtag(): string {
    this.version += 1;
    return `"${String(this.version)}"`;
  }
}

const admin: Identity = { tenantId: 'contoso', userId: 'admin-1', roles: ['member', 'admin'] };

function setUp(options: { maxActiveKeys?: number } = {}) {
  const keys = new MemoryKeys();
  let nowMs = Date.parse('2026-03-02T09:00:00Z');
  const service = new ApiKeyService(
    { apiKeys: keys },
    {
      now: () => new Date(nowMs),
      randomBytes,
      cacheMs: 30_000,
      clock: () => nowMs,
      ...options,
    },
  );
  return { keys, service, advance: (ms: number) => (nowMs += ms) };
}

describe('ApiKeyService', () => {
  it('should show the key once and store only the SHA-256 of its secret', async () => {
    const { keys, service } = setUp();
    const created = await service.create(admin, 'Data warehouse');
    const parts = parseApiKey(created.key);
    expect(parts?.tenantId).toBe('contoso');
    expect(parts?.secret.length).toBeGreaterThanOrEqual(43);
    expect(created.prefix).toBe(created.key.slice(0, created.prefix.length));
    const stored = [...keys.documents.values()][0]?.value;
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(parts?.secret);
    const listed = await service.list('contoso');
    expect(listed).toEqual([
      {
        id: created.id,
        name: 'Data warehouse',
        prefix: created.prefix,
        createdBy: 'admin-1',
        createdAt: created.createdAt,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain('secretHash');
  });

  it('should verify a good key and refuse a wrong secret, a malformed key and another tenant', async () => {
    const { service } = setUp();
    const created = await service.create(admin, 'Warehouse');
    expect(await service.verify(created.key)).toEqual({
      tenantId: 'contoso',
      keyId: created.id,
      name: 'Warehouse',
    });
    const parts = parseApiKey(created.key);
    if (parts === undefined) throw new Error('unparsable key');
    const wrongSecret = formatApiKey({ ...parts, secret: randomBytes(32).toString('base64url') });
    expect(await service.verify(wrongSecret)).toBeUndefined();
    expect(await service.verify('not a key')).toBeUndefined();
    const otherTenant = formatApiKey({ ...parts, tenantId: 'fabrikam' });
    expect(await service.verify(otherTenant)).toBeUndefined();
  });

  it('should answer repeat verifications from its cache until the cache period ends', async () => {
    const { keys, service, advance } = setUp();
    const { key } = await service.create(admin, 'Warehouse');
    await service.verify(key);
    const reads = keys.reads;
    await service.verify(key);
    await service.verify(key);
    expect(keys.reads).toBe(reads);
    advance(30_001);
    expect(await service.verify(key)).toBeDefined();
    expect(keys.reads).toBe(reads + 1);
  });

  it('should refuse a revoked key at once, even one it had cached', async () => {
    const { service } = setUp();
    const created = await service.create(admin, 'Warehouse');
    expect(await service.verify(created.key)).toBeDefined();
    const revoked = await service.revoke(admin, created.id);
    expect(revoked.revokedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(await service.verify(created.key)).toBeUndefined();
    expect((await service.revoke(admin, created.id)).revokedAt).toBe(revoked.revokedAt);
  });

  it('should not revoke another tenant’s key', async () => {
    const { service } = setUp();
    const created = await service.create(admin, 'Warehouse');
    const stranger: Identity = { ...admin, tenantId: 'fabrikam' };
    await expect(service.revoke(stranger, created.id)).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'not-found'),
    );
    expect(await service.verify(created.key)).toBeDefined();
  });

  it('should refuse a key beyond the tenant’s limit of active keys', async () => {
    const { service } = setUp({ maxActiveKeys: 2 });
    const first = await service.create(admin, 'One');
    await service.create(admin, 'Two');
    await expect(service.create(admin, 'Three')).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'conflict'),
    );
    await service.revoke(admin, first.id);
    expect((await service.create(admin, 'Three')).name).toBe('Three');
  });
});
