import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container, JSONValue } from '@azure/cosmos';
import { defaultRetryPolicy } from '../../src/storage/throttle-retry.js';
import { runTransactionalBatch } from '../../src/storage/transactional-batch.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../support/cosmos.js';

/**
 * The embedded server's SQL engine is patched to run `FROM c` and to clean its result pages in
 * linear time (src/storage/embedded-cosmos-server.ts). These checks pin that the rewritten
 * queries still return what Cosmos DB would: filters, TOP, ORDER BY, paging, whole-container
 * pages, aggregates and JOINs.
 */
describe('embedded Cosmos queries after the linear-time rewrite', () => {
  let db: EmbeddedDatabase;
  let container: Container;
  const size = 3000;

  beforeAll(async () => {
    db = await startEmbeddedDatabase();
    container = db.container('deliveries');
    for (let start = 0; start < size; start += 100) {
      const operations = Array.from({ length: 100 }, (_, offset) => {
        const n = start + offset;
        return {
          operationType: 'Create' as const,
          partitionKey: 't1:q',
          resourceBody: {
            id: `d${String(n).padStart(5, '0')}`,
            pk: 't1:q',
            tenantId: n % 3 === 0 ? 't2' : 't1',
            n,
            tags: [`t${String(n % 4)}`, 'all'],
          },
        };
      });
      await container.items.bulk(operations);
    }
  });

  afterAll(async () => {
    await db.close();
  });

  it('should filter, order and limit like Cosmos DB', async () => {
    const { resources } = await container.items
      .query<{ n: number }>({
        query: 'SELECT TOP 5 c.n FROM c WHERE c.tenantId = @t AND c.n >= @min ORDER BY c.n DESC',
        parameters: [
          { name: '@t', value: 't1' },
          { name: '@min', value: 10 },
        ],
      })
      .fetchAll();
    expect(resources.map((row) => row.n)).toEqual([2999, 2998, 2996, 2995, 2993]);
  });

  it('should count and page through every matching document exactly once', async () => {
    const { resources: counts } = await container.items
      .query<number>("SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = 't2'")
      .fetchAll();
    expect(counts).toEqual([1000]);
    const seen = new Set<number>();
    const iterator = container.items.query<{ n: number }>(
      "SELECT c.n FROM c WHERE c.tenantId = 't2'",
      { maxItemCount: 170 },
    );
    for (let page = 0; page < 20 && iterator.hasMoreResults(); page += 1) {
      const { resources } = await iterator.fetchNext();
      for (const row of resources) seen.add(row.n);
    }
    expect(seen.size).toBe(1000);
  });

  it('should return a whole container in one page, leaving out what is undefined as before', async () => {
    // Results go through the engine's stripUndefined, replaced by a linear version: values that
    // are undefined (a missing field projected) are dropped from arrays and objects alike.
    const { resources } = await container.items
      .query<{ n: number; missing?: unknown; tags: string[] }>(
        'SELECT c.n, c.missing, c.tags FROM c',
        { maxItemCount: -1 },
      )
      .fetchAll();
    expect(resources).toHaveLength(size);
    expect(resources.find((row) => row.n === 7)).toEqual({ n: 7, tags: ['t3', 'all'] });
    expect(resources.every((row) => !('missing' in row))).toBe(true);
    const { resources: values } = await container.items
      .query<number>('SELECT VALUE c.missing FROM c WHERE c.n < 5')
      .fetchAll();
    expect(values).toEqual([]);
  });

  it('should still answer JOIN queries, which keep the engine own code', async () => {
    const { resources } = await container.items
      .query<string>(
        "SELECT VALUE t FROM c JOIN t IN c.tags WHERE c.n < 3 AND t != 'all' ORDER BY c.n",
      )
      .fetchAll();
    expect(resources).toEqual(['t0', 't1', 't2']);
  });
});

describe('queries the embedded server narrows by type and partition', () => {
  let store: EmbeddedDatabase;
  const tenantId = 'prune';
  const documents = Array.from({ length: 300 }, (_, index) => ({
    id: `d${String(index)}`,
    tenantId,
    pk: `${tenantId}:${String(index % 5)}`,
    type: ['event', 'marker', 'rollup'][index % 3] ?? 'event',
    n: index,
  }));

  beforeAll(async () => {
    store = await startEmbeddedDatabase();
    const rollups = store.container('rollups');
    for (const document of documents) await rollups.items.create(document);
  });

  afterAll(async () => {
    await store.close();
  });

  async function ids(
    query: string,
    parameters: { name: string; value: JSONValue }[] = [],
  ): Promise<string[]> {
    const { resources } = await store
      .container('rollups')
      .items.query<{ id: string }>({ query, parameters })
      .fetchAll();
    return resources.map((resource) => resource.id).sort();
  }

  const expected = (keep: (document: (typeof documents)[number]) => boolean): string[] =>
    documents
      .filter(keep)
      .map((document) => document.id)
      .sort();

  it('should answer exactly what a scan of every document answers', async () => {
    expect(await ids("SELECT * FROM c WHERE c.type = 'marker' AND c.n < 100")).toEqual(
      expected((d) => d.type === 'marker' && d.n < 100),
    );
    expect(
      await ids(
        "SELECT * FROM c WHERE ARRAY_CONTAINS(@pks, c.pk) AND (c.type = 'event' OR c.type = 'rollup')",
        [{ name: '@pks', value: ['prune:1', 'prune:3'] }],
      ),
    ).toEqual(expected((d) => ['prune:1', 'prune:3'].includes(d.pk) && d.type !== 'marker'));
    expect(await ids("SELECT * FROM c WHERE c.type = 'marker' OR c.n = 1")).toEqual(
      expected((d) => d.type === 'marker' || d.n === 1),
    );
  });

  it('should keep answering right after replaces, deletes and a batch put back', async () => {
    const rollups = store.container('rollups');
    await rollups.item('d0', 'prune:0').replace({ ...documents[0], type: 'marker' });
    await rollups.item('d1', 'prune:1').delete();
    const outcome = await runTransactionalBatch(
      rollups,
      'prune:2',
      [
        {
          operationType: 'Create',
          resourceBody: { id: 'new', tenantId, pk: 'prune:2', type: 'marker', n: 0 },
        },
        { operationType: 'Create', resourceBody: { ...documents[2] } },
      ],
      'pruning test',
      defaultRetryPolicy,
    );
    expect(outcome.ok).toBe(false);

    const markers = await ids("SELECT * FROM c WHERE c.type = 'marker'");
    expect(markers).toContain('d0');
    expect(markers).not.toContain('new');
    expect(await ids("SELECT * FROM c WHERE c.type = 'event'")).not.toContain('d0');
    expect(await ids("SELECT * FROM c WHERE c.pk = 'prune:1'")).not.toContain('d1');
  });
});
