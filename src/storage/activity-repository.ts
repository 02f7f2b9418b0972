import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { type DepartmentRoster, departmentRosterSchema } from '../contracts/adoption.js';
import {
  type ActiveMarker,
  activeMarkerSchema,
  type DepartmentWeek,
  departmentWeekSchema,
  type UsageEvent,
  usageEventSchema,
} from '../contracts/activity.js';
import { type DepartmentCounter, departmentCounterSchema } from '../contracts/practice.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository } from './repository.js';
import { weekPartitionKey } from '../domain/iso-week.js';
import { toAppError } from './cosmos-errors.js';
import { defaultRetryPolicy, type RetryPolicy, withThrottleRetry } from './throttle-retry.js';

/**
 * Raw activity (`activity`, partition `tenantId:isoWeek`) and the weekly rollups the scoreboard
 * reads (`rollups`, same partitioning). Every write is create-if-absent, so replays count once.
 */
export class ActivityRepository {
  private readonly events: CosmosRepository<UsageEvent>;
  private readonly markers: CosmosRepository<ActiveMarker>;
  private readonly departmentWeeks: CosmosRepository<DepartmentWeek>;
  private readonly departmentCounters: CosmosRepository<DepartmentCounter>;
  private readonly departmentRosters: CosmosRepository<DepartmentRoster>;

  private readonly retry: RetryPolicy;

  constructor(
    private readonly activity: Container,
    private readonly rollups: Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy },
  ) {
    this.retry = options.retry ?? defaultRetryPolicy;
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
    this.markers = new CosmosRepository(activity, {
      ...common,
      name: 'activity',
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
