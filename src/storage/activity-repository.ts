import type { Container } from '@azure/cosmos';
import {
  type ActiveMarker,
  activeMarkerSchema,
  type DepartmentWeek,
  departmentWeekSchema,
  type UsageEvent,
  usageEventSchema,
} from '../contracts/activity.js';
import { AppError } from '../domain/errors.js';
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
    const scope = { tenantId: rollup.tenantId, partitionKey: rollup.pk };
    try {
      await this.departmentWeeks.patch(scope, rollup.id, [
        { op: 'incr', path: '/active', value: 1 },
      ]);
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'not-found')) throw error;
      const { created } = await this.departmentWeeks.createIfAbsent({ ...rollup, active: 1 });
      // Another writer created it between our patch and create: add ours to theirs.
      if (!created)
        await this.departmentWeeks.patch(scope, rollup.id, [
          { op: 'incr', path: '/active', value: 1 },
        ]);
    }
  }
}
