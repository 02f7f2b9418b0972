import type { Container } from '@azure/cosmos';
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
import type { RetryPolicy } from './throttle-retry.js';

/**
 * Raw activity (`activity`, partition `tenantId:isoWeek`) and the weekly rollups the scoreboard
 * reads (`rollups`, same partitioning). Every write is create-if-absent, so replays count once.
 */
export class ActivityRepository {
  private readonly events: CosmosRepository<UsageEvent>;
  private readonly markers: CosmosRepository<ActiveMarker>;
  private readonly departmentWeeks: CosmosRepository<DepartmentWeek>;
  private readonly departmentCounters: CosmosRepository<DepartmentCounter>;

  constructor(
    activity: Container,
    rollups: Container,
    options: { journal?: WriteJournal; retry?: RetryPolicy },
  ) {
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
  }

  async createEventIfAbsent(event: UsageEvent): Promise<{ created: boolean }> {
    return this.events.createIfAbsent(event);
  }

  async createMarkerIfAbsent(marker: ActiveMarker): Promise<{ created: boolean }> {
    return this.markers.createIfAbsent(marker);
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

  /** Adds one active person to a department's week, creating the rollup on first use. */
  async incrementDepartmentWeek(rollup: Omit<DepartmentWeek, 'active'>): Promise<void> {
    await this.departmentWeeks.incrementOrCreate({ ...rollup, active: 1 }, '/active');
  }

  /** Adds one lesson completion or practice attendance to a department's week. */
  async incrementDepartmentCounter(counter: Omit<DepartmentCounter, 'count'>): Promise<void> {
    await this.departmentCounters.incrementOrCreate({ ...counter, count: 1 }, '/count');
  }

  async findDepartmentCounter(
    tenantId: string,
    partitionKey: string,
    id: string,
  ): Promise<DepartmentCounter | undefined> {
    return (await this.departmentCounters.find({ tenantId, partitionKey }, id))?.value;
  }
}
