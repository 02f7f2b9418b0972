import type { ActiveMarker, DepartmentWeek, IsoWeek, UsageEvent } from '../contracts/activity.js';
import { unassignedDepartmentId } from '../contracts/activity.js';
import type { ErasedActive } from '../contracts/data-rights.js';
import type { Person } from '../contracts/people.js';
import { isPurgedWeek } from '../domain/data-retention.js';
import { isoWeekOf, weekPartitionKey, weeksEndingWith } from '../domain/iso-week.js';

export interface RecomputePorts {
  readonly activity: {
    listEvents(tenantId: string, partitionKey: string, limit: number): Promise<UsageEvent[]>;
    listMarkers(tenantId: string, partitionKey: string, limit: number): Promise<ActiveMarker[]>;
    listDepartmentWeeks(tenantId: string, partitionKey: string): Promise<DepartmentWeek[]>;
    createMarkers(markers: readonly ActiveMarker[]): Promise<boolean[]>;
    saveDepartmentWeek(rollup: DepartmentWeek): Promise<void>;
    deleteDepartmentWeek(tenantId: string, partitionKey: string, id: string): Promise<void>;
  };
  readonly people: { findManyByIds(tenantId: string, ids: readonly string[]): Promise<Person[]> };
  /**
   * What data rights removed: the weeks retention purged (their raw events are incomplete, so
   * they are not recomputed) and the erased people each week's rollup still counts. A store
   * without it is taken to have had neither.
   */
  readonly dataRights?: {
    retentionWatermark(tenantId: string): Promise<IsoWeek | undefined>;
    listErasedActive(tenantId: string, partitionKey: string): Promise<ErasedActive[]>;
  };
}

/** One department-week whose stored count differs from what the events say. */
export interface RollupDifference {
  readonly tenantId: string;
  readonly week: IsoWeek;
  readonly departmentId: string;
  readonly stored: number;
  readonly computed: number;
}

export interface RecomputeReport {
  readonly tenants: number;
  readonly weeks: number;
  readonly events: number;
  readonly activePeople: number;
  readonly missingMarkers: number;
  /** Erased people the rollups still count, added to what the remaining events say. */
  readonly erasedActive: number;
  /** Weeks left alone because retention removed their raw events: repairing them would zero them. */
  readonly skippedWeeks: number;
  readonly skipped: readonly {
    readonly tenantId: string;
    readonly purgedBefore: IsoWeek;
    readonly weeks: number;
    readonly reason: string;
  }[];
  readonly differences: readonly RollupDifference[];
  /** Whether the differences were written back (`--apply`). */
  readonly repaired: boolean;
}

/** A week holds at most this many raw events for the recompute to read in one go. */
const maxEventsPerWeek = 2_000_000;

/**
 * Rebuilds the weekly rollups from the raw usage events and says where they differ: the check that
 * the incremental path (marker create-if-absent, then one patch) counted every person once. With
 * `repair`, missing markers are created and each differing rollup is set to the recomputed count.
 * A person's eligibility comes from their marker when it exists (as it was when first counted),
 * otherwise from the roster now. Weeks whose raw events retention removed are skipped and listed,
 * and erased people the rollups still count are added back (docs/architecture.md, "Data rights").
 */
export class RollupRecompute {
  constructor(private readonly ports: RecomputePorts) {}

  async run(
    tenantIds: readonly string[],
    options: { readonly now: Date; readonly weeks: number; readonly repair: boolean },
  ): Promise<RecomputeReport> {
    const weeks = weeksEndingWith(isoWeekOf(options.now), options.weeks);
    let events = 0;
    let activePeople = 0;
    let missingMarkers = 0;
    let erasedActive = 0;
    const differences: RollupDifference[] = [];
    const skipped: RecomputeReport['skipped'][number][] = [];
    for (const tenantId of tenantIds) {
      const purgedBefore = await this.ports.dataRights?.retentionWatermark(tenantId);
      const purged = weeks.filter((week) => isPurgedWeek(week, purgedBefore));
      if (purgedBefore !== undefined && purged.length > 0) {
        skipped.push({
          tenantId,
          purgedBefore,
          weeks: purged.length,
          reason:
            'raw usage events of these weeks were removed by retention; rollups kept as they are',
        });
      }
      for (const week of weeks) {
        if (isPurgedWeek(week, purgedBefore)) continue;
        const outcome = await this.week(tenantId, week, options.repair);
        events += outcome.events;
        activePeople += outcome.activePeople;
        missingMarkers += outcome.missingMarkers;
        erasedActive += outcome.erasedActive;
        differences.push(...outcome.differences);
      }
    }
    return {
      tenants: tenantIds.length,
      weeks: weeks.length,
      events,
      activePeople,
      missingMarkers,
      erasedActive,
      skippedWeeks: skipped.reduce((sum, entry) => sum + entry.weeks, 0),
      skipped,
      differences,
      repaired: options.repair,
    };
  }

  private async week(
    tenantId: string,
    week: IsoWeek,
    repair: boolean,
  ): Promise<{
    events: number;
    activePeople: number;
    missingMarkers: number;
    erasedActive: number;
    differences: RollupDifference[];
  }> {
    const pk = weekPartitionKey(tenantId, week);
    const [events, markers, rollups, erased] = await Promise.all([
      this.ports.activity.listEvents(tenantId, pk, maxEventsPerWeek),
      this.ports.activity.listMarkers(tenantId, pk, maxEventsPerWeek),
      this.ports.activity.listDepartmentWeeks(tenantId, pk),
      this.ports.dataRights?.listErasedActive(tenantId, pk) ?? Promise.resolve([]),
    ]);
    const stored = new Map(markers.map((marker) => [marker.userId, marker]));
    const firstEvents = new Map<string, UsageEvent>();
    for (const event of events) {
      const earlier = firstEvents.get(event.userId);
      if (earlier === undefined || event.occurredAt < earlier.occurredAt) {
        firstEvents.set(event.userId, event);
      }
    }
    const unmarked = [...firstEvents.values()].filter((event) => !stored.has(event.userId));
    const roster = new Map(
      (
        await this.ports.people.findManyByIds(
          tenantId,
          unmarked.map((event) => event.userId),
        )
      ).map((person) => [person.id, person]),
    );
    const missing: ActiveMarker[] = unmarked.map((event) => ({
      id: `active:${event.userId}`,
      tenantId,
      pk,
      type: 'activeMarker',
      week,
      userId: event.userId,
      departmentId: event.departmentId ?? unassignedDepartmentId,
      eligible: roster.get(event.userId)?.eligible ?? false,
      firstAt: event.occurredAt,
    }));

    const computed = new Map<string, number>();
    for (const marker of [...markers, ...missing]) {
      // Markers without events (written by a crashed request) are left out: only events count.
      if (!firstEvents.has(marker.userId) || marker.eligible === false) continue;
      const departmentId = marker.departmentId ?? unassignedDepartmentId;
      computed.set(departmentId, (computed.get(departmentId) ?? 0) + 1);
    }
    // Erased people's events and markers are gone, but the rollup still counts them.
    for (const count of erased) {
      computed.set(count.departmentId, (computed.get(count.departmentId) ?? 0) + count.active);
    }
    const storedCounts = new Map(rollups.map((rollup) => [rollup.departmentId, rollup.active]));
    const differences: RollupDifference[] = [];
    for (const departmentId of new Set([...computed.keys(), ...storedCounts.keys()])) {
      const want = computed.get(departmentId) ?? 0;
      const have = storedCounts.get(departmentId) ?? 0;
      if (want !== have) {
        differences.push({ tenantId, week, departmentId, stored: have, computed: want });
      }
    }
    if (repair) {
      await this.ports.activity.createMarkers(missing);
      for (const difference of differences) {
        const id = `dept:${difference.departmentId}`;
        if (difference.computed === 0) {
          await this.ports.activity.deleteDepartmentWeek(tenantId, pk, id);
        } else {
          await this.ports.activity.saveDepartmentWeek({
            id,
            tenantId,
            pk,
            type: 'departmentWeek',
            week,
            departmentId: difference.departmentId,
            active: difference.computed,
          });
        }
      }
    }
    return {
      events: events.length,
      activePeople: firstEvents.size,
      missingMarkers: missing.length,
      erasedActive: erased.reduce((sum, count) => sum + count.active, 0),
      differences,
    };
  }
}
