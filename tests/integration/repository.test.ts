import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/domain/errors.js';
import { CosmosRepository } from '../../src/storage/repository.js';
import type { RetryPolicy } from '../../src/storage/throttle-retry.js';
import {
  type EmbeddedDatabase,
  type FaultProxy,
  startEmbeddedDatabase,
  startFaultProxy,
} from '../support/cosmos.js';

const noteSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.literal('note'),
  text: z.string(),
  count: z.number().int(),
});
type Note = z.infer<typeof noteSchema>;

const note = (tenantId: string, id: string, text = `note ${id}`): Note => ({
  id,
  tenantId,
  type: 'note',
  text,
  count: 0,
});

const fastRetry: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 5,
  maxDelayMs: 200,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.kind : `unexpected: ${String(error)}`;
  }
}

describe('CosmosRepository against the embedded Cosmos server', () => {
  let store: EmbeddedDatabase;
  let proxy: FaultProxy | undefined;
  let notes: CosmosRepository<Note>;

  beforeAll(async () => {
    store = await startEmbeddedDatabase({
      endpointFor: async (endpoint) => {
        proxy = await startFaultProxy(endpoint);
        return proxy.endpoint;
      },
    });
    notes = new CosmosRepository(store.container('feedback'), {
      name: 'feedback',
      type: 'note',
      schema: noteSchema,
      partitionKeyOf: (document) => document.tenantId,
      retry: fastRetry,
    });
  });

  afterAll(async () => {
    await store.close();
    await proxy?.close();
  });

  it('should create, read, replace and delete a document', async () => {
    const created = await notes.create(note('t1', 'crud'));
    expect(created.etag).not.toBe('');
    expect((await notes.get({ tenantId: 't1' }, 'crud')).value.text).toBe('note crud');

    const replaced = await notes.replace({ ...created.value, text: 'edited' }, created.etag);
    expect(replaced.etag).not.toBe(created.etag);
    expect((await notes.get({ tenantId: 't1' }, 'crud')).value.text).toBe('edited');

    await notes.delete({ tenantId: 't1' }, 'crud');
    expect(await notes.find({ tenantId: 't1' }, 'crud')).toBeUndefined();
    expect(await kindOf(notes.get({ tenantId: 't1' }, 'crud'))).toBe('not-found');
  });

  it('should reject an edit when the ETag is stale', async () => {
    const first = await notes.create(note('t1', 'etag'));
    await notes.replace({ ...first.value, text: 'first edit' }, first.etag);
    expect(await kindOf(notes.replace({ ...first.value, text: 'lost edit' }, first.etag))).toBe(
      'precondition-failed',
    );
    expect((await notes.get({ tenantId: 't1' }, 'etag')).value.text).toBe('first edit');
  });

  it('should answer conflict when the id exists, and createIfAbsent should report it', async () => {
    await notes.create(note('t1', 'twice'));
    expect(await kindOf(notes.create(note('t1', 'twice')))).toBe('conflict');
    expect(await notes.createIfAbsent(note('t1', 'twice'))).toEqual({ created: false });
    expect(await notes.createIfAbsent(note('t1', 'once'))).toEqual({ created: true });
  });

  it('should refuse a document that does not match its schema and store nothing', async () => {
    const bad = { ...note('t1', 'bad'), count: 'many' } as unknown as Note;
    expect(await kindOf(notes.create(bad))).toBe('invalid');
    expect(await notes.find({ tenantId: 't1' }, 'bad')).toBeUndefined();
  });

  it('should keep queries and point reads inside the tenant', async () => {
    await notes.create(note('tenant-a', 'shared-id', 'secret of a'));
    await notes.create(note('tenant-b', 'only-b', 'b text'));
    const seenByB = await notes.queryAll({ tenantId: 'tenant-b' }, {}, 100);
    expect(seenByB.map((item) => item.value.id)).toEqual(['only-b']);
    expect(await notes.find({ tenantId: 'tenant-b' }, 'shared-id')).toBeUndefined();
    expect(await notes.count({ tenantId: 'tenant-a' })).toBe(1);
    const filtered = await notes.queryAll(
      { tenantId: 'tenant-b' },
      { where: 'c.text = @text', parameters: [{ name: '@text', value: 'secret of a' }] },
      100,
    );
    expect(filtered).toEqual([]);
  });

  it('should not return another kind of document that shares the container and the id', async () => {
    const other = new CosmosRepository(store.container('feedback'), {
      name: 'feedback',
      type: 'other',
      schema: z.object({ id: z.string(), tenantId: z.string(), type: z.literal('other') }),
      partitionKeyOf: (document) => document.tenantId,
      retry: fastRetry,
    });
    await other.create({ id: 'same-id', tenantId: 't1', type: 'other' });
    expect(await notes.find({ tenantId: 't1' }, 'same-id')).toBeUndefined();
    expect(await notes.queryAll({ tenantId: 't1' }, { where: "c.id = 'same-id'" }, 10)).toEqual([]);
  });

  it('should refuse a query that tries to rebind the tenant parameter', async () => {
    await expect(
      notes.queryAll(
        { tenantId: 'tenant-b' },
        { parameters: [{ name: '@tenantId', value: 'tenant-a' }] },
        10,
      ),
    ).rejects.toThrow(/reserved/);
  });

  it('should page through a query with continuation tokens', async () => {
    await notes.createMany(
      Array.from({ length: 25 }, (_, index) =>
        note('paged', `p-${String(index).padStart(2, '0')}`),
      ),
    );
    const seen: string[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await notes.query(
        { tenantId: 'paged' },
        { orderBy: 'c.id' },
        { maxItemCount: 10, continuationToken },
      );
      seen.push(...page.items.map((item) => item.value.id));
      continuationToken = page.continuationToken;
      pages += 1;
    } while (continuationToken !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('should create many idempotently', async () => {
    const batch = Array.from({ length: 130 }, (_, index) => note('bulk', `b-${String(index)}`));
    expect(await notes.createMany(batch)).toEqual({ created: 130, existing: 0 });
    expect(await notes.createMany(batch)).toEqual({ created: 0, existing: 130 });
    expect(await notes.count({ tenantId: 'bulk' })).toBe(130);
  });

  it('should increment with a patch', async () => {
    await notes.create(note('t1', 'counter'));
    await notes.patch({ tenantId: 't1' }, 'counter', [{ op: 'incr', path: '/count', value: 1 }]);
    const after = await notes.patch({ tenantId: 't1' }, 'counter', [
      { op: 'incr', path: '/count', value: 2 },
    ]);
    expect(after.value.count).toBe(3);
  });

  it('should retry throttled requests after the retry-after the store sends', async () => {
    if (proxy === undefined) throw new Error('no proxy');
    const before = proxy.throttled;
    proxy.throttleNext(2, 30);
    const started = Date.now();
    await notes.create(note('t1', 'throttled'));
    expect(proxy.throttled - before).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect((await notes.get({ tenantId: 't1' }, 'throttled')).value.id).toBe('throttled');
  });

  it('should give up with a throttled error after the last attempt', async () => {
    if (proxy === undefined) throw new Error('no proxy');
    const before = proxy.throttled;
    proxy.throttleNext(10, 1);
    const failure = await notes.create(note('t1', 'given-up')).catch((error: unknown) => error);
    proxy.throttleNext(0, 0);
    expect(proxy.throttled - before).toBe(fastRetry.maxAttempts);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).kind).toBe('throttled');
    expect((failure as AppError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
