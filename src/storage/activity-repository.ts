import type { Container, JSONObject, OperationInput, SqlQuerySpec } from '@azure/cosmos';
import { type DepartmentRoster, departmentRosterSchema } from '../contracts/adoption.js';
import {
  type ActiveMarker,
  activeMarkerSchema,
  type DepartmentWeek,
  departmentWeekSchema,
  unassignedDepartmentId,
  type UsageEvent,
  usageEventSchema,
} from '../contracts/activity.js';
import { type DepartmentCounter, departmentCounterSchema } from '../contracts/practice.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository } from './repository.js';
import { AppError } from '../domain/errors.js';
import { weekPartitionKey } from '../domain/iso-week.js';
import { toAppError } from './cosmos-errors.js';
import { maxBatchOperations, runTransactionalBatch } from './transactional-batch.js';
import { defaultRetryPolicy, type RetryPolicy, withThrottleRetry } from './throttle-retry.js';

/**
 * Raw activity (`activity`, partition `tenantId:isoWeek`) and the weekly rollups the scoreboard
 * reads (`rollups`, same partitioning). Every write is create-if-absent, so replays count once.
 * The per-person weekly markers live beside the rollups they count into, in the same partition,
 * so a marker and its department's increment are written in one transactional batch.
 */
export class ActivityRepository {
  private readonly events: CosmosRepository<UsageEvent>;
  private readonly markers: CosmosRepository<ActiveMarker>;
  private readonly departmentWeeks: CosmosRepository<DepartmentWeek>;
  private readonly departmentCounters: CosmosRepository<DepartmentCounter>;
  private readonly departmentRosters: CosmosRepository<DepartmentRoster>;

  private readonly retry: RetryPolicy;
  private readonly journal: WriteJournal | undefined;

  constructor(
    private readonly activity: Container,
    private readonly rollups: Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy },
  ) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.journal = options.journal;
    const common = {
      journal: options.journal,
      partitionKeyOf: (document: { pk: string }) => document.pk,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    this.events = new CosmosRepository(activity, {
      ...common,
      name: 'activity',
      type: 'usageEvent',
      schema: usageEventSchema,
    });
    this.markers = new CosmosRepository(rollups, {
      ...common,
      name: 'rollups',
      type: 'activeMarker',
      schema: activeMarkerSchema,
    });
    this.departmentWeeks = new CosmosRepository(rollups, {
      ...common,
      name: 'rollups',
      type: 'departmentWeek',
      schema: departmentWeekSchema,
    });
    this.departmentCounters = new CosmosRepository(rollups, {
      ...common,
      name: 'rollups',
      type: 'departmentCounter',
      schema: departmentCounterSchema,
    });
    this.departmentRosters = new CosmosRepository(rollups, {
      ...common,
      name: 'rollups',
      type: 'departmentRoster',
      schema: departmentRosterSchema,
    });
  }

  /** Creates the events whose ids are new; says for each whether this call created it. */
  async createEvents(events: readonly UsageEvent[]): Promise<boolean[]> {
    return this.events.createEach(events);
  }

  async createMarkers(markers: readonly ActiveMarker[]): Promise<boolean[]> {
    return this.markers.createEach(markers);
  }

  /**
   * Creates the markers that are new and, in the same transactional batch, adds the eligible ones
   * to their departments' weekly rollups: a marker and its count are stored together or not at
   * all, so a batch sent again after any failure counts each person once. Says for each marker
   * whether this call created it.
   */
  async createMarkersCounted(markers: readonly ActiveMarker[]): Promise<boolean[]> {
    const created = new Array<boolean>(markers.length).fill(false);
    const byPartition = new Map<string, number[]>();
    markers.forEach((marker, index) => {
      const indexes = byPartition.get(marker.pk) ?? [];
      indexes.push(index);
      byPartition.set(marker.pk, indexes);
    });
    for (const [partitionKey, indexes] of byPartition) {
      const existing = await this.existingIds(
        partitionKey,
        indexes.map((index) => markers[index]?.id ?? ''),
      );
      const fresh = indexes.filter((index) => !existing.has(markers[index]?.id ?? ''));
      for (const chunk of batchChunks(fresh.map((index) => ({ index, marker: markers[index] })))) {
        const stored = await this.storeCounted(
          partitionKey,
          chunk.map(({ marker }) => marker),
        );
        for (const { index, marker } of chunk) if (stored.has(marker.id)) created[index] = true;
      }
    }
    return created;
  }

  /**
   * Which of the ids exist in the partition: point reads in bulk, a shortcut for replays. In local
   * mode what is found is mirrored again, with its departments' rollups: a batch whose answer was
   * lost (a dropped connection) was stored all the same, and this replay is its only sign.
   */
  private async existingIds(partitionKey: string, ids: readonly string[]): Promise<Set<string>> {
    const existing = new Set<string>();
    const departments = new Set<string>();
    let tenantId = '';
    for (let start = 0; start < ids.length; start += maxBatchOperations) {
      const slice = ids.slice(start, start + maxBatchOperations);
      const results = await this.rollups.items
        .bulk(slice.map((id) => ({ operationType: 'Read' as const, id, partitionKey })))
        .catch((error: unknown) => {
          throw toAppError(error, 'rollups markers');
        });
      // Anything not read (throttled, say) counts as absent: its create then answers 409.
      slice.forEach((id, index) => {
        const result = results[index];
        if (result?.statusCode !== 200) return;
        existing.add(id);
        const body = result.resourceBody as { id: string } | undefined;
        if (this.journal === undefined || body === undefined) return;
        this.journal.recordWrite('rollups', partitionKey, body);
        const marker = activeMarkerSchema.safeParse(body);
        if (marker.success) departments.add(marker.data.departmentId ?? unassignedDepartmentId);
        tenantId = marker.success ? marker.data.tenantId : tenantId;
      });
    }
    for (const departmentId of this.journal === undefined ? [] : departments) {
      const rollup = await this.departmentWeeks.find(
        { tenantId, partitionKey },
        `dept:${departmentId}`,
      );
      if (rollup !== undefined) this.journal?.recordWrite('rollups', partitionKey, rollup.value);
    }
    return existing;
  }

  /** One batch of markers and their departments' increments, adjusted until it goes through. */
  private async storeCounted(
    partitionKey: string,
    markers: readonly ActiveMarker[],
  ): Promise<Set<string>> {
    let pending = markers.map((marker) => activeMarkerSchema.parse(marker));
    // A department's rollup is patched, or created when this week has none yet.
    const createRollup = new Set<string>();
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > markers.length + 2 * maxDepartmentsPerBatch) {
        throw new AppError('unavailable', 'The weekly markers kept changing; try again');
      }
      const counts = eligibleCounts(pending);
      const operations: OperationInput[] = pending.map((marker) => ({
        operationType: 'Create',
        resourceBody: marker as unknown as JSONObject,
      }));
      for (const [departmentId, count] of counts) {
        const first = pending[0];
        if (first === undefined) break;
        operations.push(
          createRollup.has(departmentId)
            ? {
                operationType: 'Create',
                resourceBody: departmentWeekSchema.parse({
                  id: `dept:${departmentId}`,
                  tenantId: first.tenantId,
                  pk: partitionKey,
                  type: 'departmentWeek',
                  week: first.week,
                  departmentId,
                  active: count,
                }) as unknown as JSONObject,
              }
            : {
                operationType: 'Patch',
                id: `dept:${departmentId}`,
                resourceBody: { operations: [{ op: 'incr', path: '/active', value: count }] },
              },
        );
      }
      const outcome = await runTransactionalBatch(
        this.rollups,
        partitionKey,
        operations,
        'rollups markers',
        this.retry,
      );
      if (outcome.ok) {
        for (const result of outcome.results) {
          const body = result.resourceBody as { id?: unknown } | undefined;
          if (typeof body?.id === 'string') {
            this.journal?.recordWrite('rollups', partitionKey, body as { id: string });
          }
        }
        return new Set(pending.map((marker) => marker.id));
      }
      const { failedIndex, statusCode } = outcome;
      if (failedIndex < pending.length && statusCode === 409) {
        // Someone else counted this person first.
        pending = pending.filter((_, index) => index !== failedIndex);
        continue;
      }
      const departmentId = [...counts.keys()][failedIndex - pending.length];
      if (departmentId !== undefined && statusCode === 404) createRollup.add(departmentId);
      else if (departmentId !== undefined && statusCode === 409) createRollup.delete(departmentId);
      else throw toAppError({ code: statusCode }, 'rollups markers');
    }
    return new Set();
  }

  /** Every usage event of a tenant's week: for the recompute and the benchmark's baseline only. */
  async listEvents(tenantId: string, partitionKey: string, limit: number): Promise<UsageEvent[]> {
    return (await this.events.queryAll({ tenantId, partitionKey }, {}, limit)).map(
      (entry) => entry.value,
    );
  }

  /**
   * Every usage event of the given weeks in one cross-partition query: the raw-event scan the
   * scoreboard benchmark compares the rollups against. Never on a request path.
   */
  async scanEvents(tenantId: string, weeks: readonly string[]): Promise<UsageEvent[]> {
    const query = {
      query:
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'usageEvent' AND " +
        'ARRAY_CONTAINS(@weeks, c.week)',
      parameters: [
        { name: '@tenantId', value: tenantId },
        { name: '@weeks', value: [...weeks] },
      ],
    };
    // Pages of 20,000: one page of everything overflows the SDK's array spread.
    const resources = await this.queryAcrossPartitions(
      this.activity,
      query,
      20_000,
      'activity scan',
    );
    return resources.map((resource) => usageEventSchema.parse(resource));
  }

  /** The week's active people, optionally of one department only. */
  async listMarkers(
    tenantId: string,
    partitionKey: string,
    limit: number,
    departmentId?: string,
  ): Promise<ActiveMarker[]> {
    const spec =
      departmentId === undefined
        ? {}
        : {
            where: 'c.departmentId = @departmentId',
            parameters: [{ name: '@departmentId', value: departmentId }],
          };
    return (await this.markers.queryAll({ tenantId, partitionKey }, spec, limit)).map(
      (entry) => entry.value,
    );
  }

  async deleteMarker(tenantId: string, partitionKey: string, id: string): Promise<void> {
    await this.markers.delete({ tenantId, partitionKey }, id);
  }

  async listDepartmentWeeks(tenantId: string, partitionKey: string): Promise<DepartmentWeek[]> {
    return (await this.departmentWeeks.queryAll({ tenantId, partitionKey }, {}, 10_000)).map(
      (entry) => entry.value,
    );
  }

  /**
   * The department rollups and counters of the given weeks, in one cross-partition query of the
   * small `rollups` container: what a scoreboard read costs, D × W × 3 documents at most, in a
   * handful of requests whatever the number of weeks or people.
   */
  async listRollupsForWeeks(
    tenantId: string,
    weeks: readonly string[],
  ): Promise<{ active: DepartmentWeek[]; counters: DepartmentCounter[] }> {
    const query = {
      query:
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@pks, c.pk) AND ' +
        "(c.type = 'departmentWeek' OR c.type = 'departmentCounter')",
      parameters: [
        { name: '@tenantId', value: tenantId },
        { name: '@pks', value: weeks.map((week) => weekPartitionKey(tenantId, week)) },
      ],
    };
    const active: DepartmentWeek[] = [];
    const counters: DepartmentCounter[] = [];
    for (const resource of await this.queryAcrossPartitions(
      this.rollups,
      query,
      5_000,
      'rollups query',
    )) {
      if (resource['type'] === 'departmentWeek') active.push(departmentWeekSchema.parse(resource));
      else counters.push(departmentCounterSchema.parse(resource));
    }
    return { active, counters };
  }

  /** Sets a department's weekly active count outright: the recompute's repair. */
  async saveDepartmentWeek(rollup: DepartmentWeek): Promise<void> {
    await this.departmentWeeks.upsert(rollup);
  }

  async deleteDepartmentWeek(tenantId: string, partitionKey: string, id: string): Promise<void> {
    await this.departmentWeeks.delete({ tenantId, partitionKey }, id);
  }

  async saveDepartmentRosters(rosters: readonly DepartmentRoster[]): Promise<void> {
    for (const roster of rosters) await this.departmentRosters.upsert(roster);
  }

  async listDepartmentRosters(tenantId: string, partitionKey: string): Promise<DepartmentRoster[]> {
    return (await this.departmentRosters.queryAll({ tenantId, partitionKey }, {}, 10_000)).map(
      (entry) => entry.value,
    );
  }

  async countEvents(tenantId: string, partitionKey: string): Promise<number> {
    return this.events.count({ tenantId, partitionKey });
  }

  async findDepartmentWeek(
    tenantId: string,
    partitionKey: string,
    departmentId: string,
  ): Promise<DepartmentWeek | undefined> {
    return (await this.departmentWeeks.find({ tenantId, partitionKey }, `dept:${departmentId}`))
      ?.value;
  }

  /** Adds active people (one by default) to a department's week, creating the rollup on first use. */
  async incrementDepartmentWeek(rollup: Omit<DepartmentWeek, 'active'>, by = 1): Promise<void> {
    await this.departmentWeeks.incrementOrCreate({ ...rollup, active: by }, '/active', by);
  }

  /** Adds one lesson completion or practice attendance to a department's week. */
  async incrementDepartmentCounter(counter: Omit<DepartmentCounter, 'count'>): Promise<void> {
    await this.departmentCounters.incrementOrCreate({ ...counter, count: 1 }, '/count');
  }

  /** Every page of a query that spans partitions, each page fetched with throttling retries. */
  private async queryAcrossPartitions(
    container: Container,
    query: SqlQuerySpec,
    pageSize: number,
    what: string,
  ): Promise<Record<string, unknown>[]> {
    const iterator = container.items.query<Record<string, unknown>>(query, {
      maxItemCount: pageSize,
    });
    const resources: Record<string, unknown>[] = [];
    while (iterator.hasMoreResults()) {
      const page = await withThrottleRetry(() => iterator.fetchNext(), this.retry).catch(
        (error: unknown) => {
          throw toAppError(error, what);
        },
      );
      for (const resource of page.resources) resources.push(resource);
    }
    return resources;
  }
}

/** At most this many departments' increments ride in one batch beside its markers. */
const maxDepartmentsPerBatch = 20;

function eligibleCounts(markers: readonly ActiveMarker[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const marker of markers) {
    if (marker.eligible !== true) continue;
    const departmentId = marker.departmentId ?? unassignedDepartmentId;
    counts.set(departmentId, (counts.get(departmentId) ?? 0) + 1);
  }
  return counts;
}

/** Splits markers into batches that fit, with room for their departments' increments. */
function batchChunks<T extends { marker: ActiveMarker | undefined }>(
  entries: readonly T[],
): (T & { marker: ActiveMarker })[][] {
  const chunks: (T & { marker: ActiveMarker })[][] = [];
  let chunk: (T & { marker: ActiveMarker })[] = [];
  let departments = new Set<string>();
  for (const entry of entries) {
    const { marker } = entry;
    if (marker === undefined) continue;
    const departmentId = marker.departmentId ?? unassignedDepartmentId;
    const adds = marker.eligible === true && !departments.has(departmentId) ? 1 : 0;
    if (
      chunk.length + departments.size + adds + 1 > maxBatchOperations ||
      departments.size + adds > maxDepartmentsPerBatch
    ) {
      chunks.push(chunk);
      chunk = [];
      departments = new Set();
    }
    chunk.push({ ...entry, marker });
    if (marker.eligible === true) departments.add(departmentId);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
