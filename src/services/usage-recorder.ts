import {
  type ActiveMarker,
  type DepartmentWeek,
  unassignedDepartmentId,
  type UsageEvent,
  type UsageSource,
} from '../contracts/activity.js';
import { isoWeekOf, weekPartitionKey } from '../domain/iso-week.js';

export interface UsagePorts {
  readonly activity: {
    createEventIfAbsent(event: UsageEvent): Promise<{ created: boolean }>;
    createMarkerIfAbsent(marker: ActiveMarker): Promise<{ created: boolean }>;
    incrementDepartmentWeek(rollup: Omit<DepartmentWeek, 'active'>): Promise<void>;
  };
}

export interface UsageInput {
  readonly tenantId: string;
  readonly userId: string;
  readonly departmentId?: string | undefined;
  readonly source: UsageSource;
  /** The source's own id for the event (a Teams activity id, a report row key, ...). */
  readonly sourceEventId: string;
  readonly occurredAt: Date;
  readonly promptId?: string | undefined;
  readonly tool?: string | undefined;
}

/**
 * Writes one AI-usage event into the single usage stream. The event id is deterministic, so a
 * replay is a no-op; the user's first event of a week creates their weekly marker, and only a new
 * marker adds one to the department's weekly rollup (DESIGN.md: scoreboard reads never scan events).
 */
export class UsageRecorder {
  constructor(private readonly ports: UsagePorts) {}

  async record(input: UsageInput, now: Date): Promise<{ recorded: boolean; newlyActive: boolean }> {
    const week = isoWeekOf(input.occurredAt);
    const pk = weekPartitionKey(input.tenantId, week);
    const departmentId = input.departmentId ?? unassignedDepartmentId;
    const { created } = await this.ports.activity.createEventIfAbsent({
      id: `usage:${input.source}:${input.sourceEventId}`.slice(0, 300),
      tenantId: input.tenantId,
      pk,
      type: 'usageEvent',
      week,
      userId: input.userId,
      departmentId,
      source: input.source,
      ...(input.tool === undefined ? {} : { tool: input.tool }),
      ...(input.promptId === undefined ? {} : { promptId: input.promptId }),
      occurredAt: input.occurredAt.toISOString(),
      recordedAt: now.toISOString(),
    });
    if (!created) return { recorded: false, newlyActive: false };
    const marker = await this.ports.activity.createMarkerIfAbsent({
      id: `active:${input.userId}`,
      tenantId: input.tenantId,
      pk,
      type: 'activeMarker',
      week,
      userId: input.userId,
      departmentId,
      firstAt: input.occurredAt.toISOString(),
    });
    if (marker.created) {
      await this.ports.activity.incrementDepartmentWeek({
        id: `dept:${departmentId}`,
        tenantId: input.tenantId,
        pk,
        type: 'departmentWeek',
        week,
        departmentId,
      });
    }
    return { recorded: true, newlyActive: marker.created };
  }
}
