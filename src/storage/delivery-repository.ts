import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { type Delivery, deliverySchema, type DeliveryState } from '../contracts/deliveries.js';
import { AppError } from '../domain/errors.js';
import { toAppError } from './cosmos-errors.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Page, type ReplaceOutcome, type Versioned } from './repository.js';
import { defaultRetryPolicy, type RetryPolicy, withThrottleRetry } from './throttle-retry.js';

/** A delivery worker's sign of life, so instances can split each tenant's rate between them. */
const workerHeartbeatSchema = z.object({
  id: z.string().min(1).max(300),
  tenantId: z.literal('system'),
  pk: z.literal('workers'),
  type: z.literal('deliveryWorker'),
  instanceId: z.string().min(1).max(200),
  lastSeenAt: z.iso.datetime(),
});
type WorkerHeartbeat = z.infer<typeof workerHeartbeatSchema>;

const heartbeatScope = { tenantId: 'system', partitionKey: 'workers' } as const;
const listPageSize = 50;

/**
 * The proactive delivery queue in the `deliveries` container (`pk = tenantId` for items, `workers`
 * for the workers' heartbeats). Every write goes through `CosmosRepository` (schema, ETags,
 * journal); only the claim query reads across tenants.
 */
export class DeliveryRepository {
  private readonly items: CosmosRepository<Delivery>;
  private readonly heartbeats: CosmosRepository<WorkerHeartbeat>;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly container: Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy },
  ) {
    this.retry = options.retry ?? defaultRetryPolicy;
    const common = {
      name: 'deliveries',
      journal: options.journal,
      retry: this.retry,
      partitionKeyOf: (document: { pk: string }) => document.pk,
    };
    this.items = new CosmosRepository(container, {
      ...common,
      type: 'delivery',
      schema: deliverySchema,
    });
    // Heartbeats only say who is alive now: the local data file need not keep them, so an idle
    // instance does not rewrite the file every few seconds.
    this.heartbeats = new CosmosRepository(container, {
      ...common,
      journal: undefined,
      type: 'deliveryWorker',
      schema: workerHeartbeatSchema,
    });
  }

  /** Creates the item unless its (deterministic) id exists: enqueueing twice is one item. */
  async enqueue(item: Delivery): Promise<{ created: boolean }> {
    return this.items.createIfAbsent(item);
  }

  /**
   * Items any worker may claim now: queued and due, or leased with an expired lease; the longest
   * waiting first. This is the one query that deliberately crosses tenants, because workers serve
   * every tenant from one queue; nothing it returns leaves the worker, which writes each item back
   * to its own partition. `excludeTenants` leaves out tenants the worker holds enough of already,
   * so one tenant's large batch does not hide every other tenant's items behind it.
   */
  async findClaimable(
    now: Date,
    limit: number,
    options: { readonly excludeTenants?: readonly string[] } = {},
  ): Promise<Versioned<Delivery>[]> {
    const exclude = options.excludeTenants ?? [];
    const query = {
      query:
        "SELECT TOP @limit * FROM c WHERE c.type = 'delivery' AND " +
        "(c.state = 'queued' OR c.state = 'leased') AND c.availableAt <= @now" +
        (exclude.length > 0 ? ' AND NOT ARRAY_CONTAINS(@exclude, c.tenantId)' : '') +
        ' ORDER BY c.availableAt',
      parameters: [
        { name: '@limit', value: Math.max(1, Math.floor(limit)) },
        { name: '@now', value: now.toISOString() },
        ...(exclude.length > 0 ? [{ name: '@exclude', value: [...exclude] }] : []),
      ],
    };
    let resources: Record<string, unknown>[];
    try {
      const response = await withThrottleRetry(
        () => this.container.items.query<Record<string, unknown>>(query).fetchAll(),
        this.retry,
      );
      resources = response.resources;
    } catch (error) {
      throw toAppError(error, 'delivery claim query');
    }
    return resources.map((resource) => {
      const parsed = deliverySchema.safeParse(resource);
      if (!parsed.success) {
        throw new AppError('unavailable', 'A stored delivery does not match its schema', {
          cause: parsed.error,
        });
      }
      const etag = resource['_etag'];
      const timestamp = resource['_ts'];
      return {
        value: parsed.data,
        etag: typeof etag === 'string' ? etag : '',
        timestamp: typeof timestamp === 'number' ? timestamp : 0,
      };
    });
  }

  async get(tenantId: string, id: string): Promise<Versioned<Delivery> | undefined> {
    return this.items.find({ tenantId, partitionKey: tenantId }, id);
  }

  /** Replaces the item if its ETag still matches; `precondition-failed` when someone else won. */
  async replace(item: Delivery, etag: string): Promise<Versioned<Delivery>> {
    return this.items.replace(item, etag);
  }

  /** Replaces many items, each only if its ETag still matches (claims and outcomes in bulk). */
  async replaceMany(
    entries: readonly { readonly item: Delivery; readonly etag: string }[],
  ): Promise<ReplaceOutcome<Delivery>[]> {
    return this.items.replaceMany(entries.map(({ item, etag }) => ({ document: item, etag })));
  }

  /** One tenant's items in a state, most recently changed first, a page at a time. */
  async list(
    tenantId: string,
    state: DeliveryState,
    continuationToken?: string,
  ): Promise<Page<Versioned<Delivery>>> {
    return this.items.query(
      { tenantId, partitionKey: tenantId },
      {
        where: 'c.state = @state',
        parameters: [{ name: '@state', value: state }],
        orderBy: 'c.updatedAt DESC',
      },
      { maxItemCount: listPageSize, continuationToken },
    );
  }

  async beat(instanceId: string, now: Date): Promise<void> {
    await this.heartbeats.upsert({
      id: `worker:${instanceId}`,
      tenantId: heartbeatScope.tenantId,
      pk: heartbeatScope.partitionKey,
      type: 'deliveryWorker',
      instanceId,
      lastSeenAt: now.toISOString(),
    });
  }

  /** Workers seen within `withinMs` of `now`. */
  async countLive(now: Date, withinMs: number): Promise<number> {
    return this.heartbeats.count(heartbeatScope, {
      where: 'c.lastSeenAt >= @since',
      parameters: [{ name: '@since', value: new Date(now.getTime() - withinMs).toISOString() }],
    });
  }

  /** Removes a stopping worker's heartbeat, so the others take its share at once. */
  async retire(instanceId: string): Promise<void> {
    try {
      await this.heartbeats.delete(heartbeatScope, `worker:${instanceId}`);
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not-found')) throw error;
    }
  }
}
