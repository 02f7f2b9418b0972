import { createHash } from 'node:crypto';
import type { ActiveMarker, UsageEvent } from '../contracts/activity.js';
import { unassignedDepartmentId } from '../contracts/activity.js';
import {
  type IngestResult,
  maxUsageEventsPerBatch,
  usageEventInputSchema,
  type UsageEventInput,
} from '../contracts/adoption.js';
import type { Person } from '../contracts/people.js';
import { AppError } from '../domain/errors.js';
import { isoWeekOf, weekPartitionKey } from '../domain/iso-week.js';

export interface UsageIngestPorts {
  readonly activity: {
    createEvents(events: readonly UsageEvent[]): Promise<boolean[]>;
    /** Creates the new markers with their departments' increments, atomically per partition. */
    createMarkersCounted(markers: readonly ActiveMarker[]): Promise<boolean[]>;
  };
  readonly people: {
    listAll(tenantId: string, limit: number): Promise<Person[]>;
    findManyByIds(tenantId: string, ids: readonly string[]): Promise<Person[]>;
    findManyByUpns(tenantId: string, upns: readonly string[]): Promise<Person[]>;
  };
}

export interface UsageIngestOptions {
  readonly now: () => Date;
  /** How long a tenant's roster snapshot answers lookups before it is read again. */
  readonly rosterSnapshotMs: number;
  readonly clock: () => number;
}

interface RosterSnapshot {
  readonly at: number;
  readonly byId: ReadonlyMap<string, Person>;
  readonly byUpn: ReadonlyMap<string, Person>;
}

/** Rosters larger than this are looked up per batch instead of held in memory. */
const maxSnapshotPeople = 200_000;

/** One usage event with its person resolved on the roster: what every source ends up as. */
export interface ResolvedUsage {
  readonly tenantId: string;
  /** The document id: deterministic, so a replay is a no-op. */
  readonly eventId: string;
  readonly person: Pick<Person, 'id' | 'departmentId' | 'eligible'>;
  readonly source: string;
  readonly occurredAt: Date;
  readonly tool?: string | undefined;
  readonly promptId?: string | undefined;
}

/** How far from now an event may be: clocks drift a little; the scoreboard reaches back two years. */
const futureSkewMs = 10 * 60_000;
const maxAgeMs = 104 * 7 * 86_400_000;

/** A document id for a client's event id: any text, hashed into the characters Cosmos DB allows. */
export function ingestedEventId(clientId: string): string {
  return `usage:ext:${createHash('sha256').update(clientId).digest('base64url').slice(0, 32)}`;
}

/**
 * The single usage stream. Every source (the ingest API, CSV and Copilot report imports, prompt
 * insertions) ends here: each event is created if absent (its id is deterministic), the person's
 * weekly marker is created if absent together with its department's increment (one transactional
 * batch per week partition), so only a new marker of an eligible person adds to the rollup.
 * Markers are attempted for replays too, so a batch sent again after a failure between the event
 * and the marker writes still counts its people, and exactly once.
 */
export class UsageIngest {
  private readonly snapshots = new Map<string, Promise<RosterSnapshot | undefined>>();
  private readonly counts = { accepted: 0, duplicates: 0, rejected: 0 };

  constructor(
    private readonly ports: UsageIngestPorts,
    private readonly options: UsageIngestOptions,
  ) {}

  private now(): Date {
    return this.options.now();
  }

  /** Events of `ingest` batches since this instance started, for telemetry. */
  get totals(): {
    readonly accepted: number;
    readonly duplicates: number;
    readonly rejected: number;
  } {
    return { ...this.counts };
  }

  /** Drops a tenant's roster snapshot, so the next batch sees a roster change at once. */
  forgetRoster(tenantId: string): void {
    this.snapshots.delete(tenantId);
  }

  /** `POST /api/usage-events`: each event is checked on its own; bad ones are reported, not fatal. */
  async ingest(tenantId: string, events: readonly unknown[]): Promise<IngestResult> {
    if (events.length > maxUsageEventsPerBatch) {
      throw new AppError(
        'invalid',
        `A batch holds at most ${String(maxUsageEventsPerBatch)} events; this one has ${String(events.length)}`,
        {
          fieldErrors: [
            { field: 'events', message: `at most ${String(maxUsageEventsPerBatch)} events` },
          ],
        },
      );
    }
    const rejected: { index: number; reason: string }[] = [];
    const valid: { index: number; input: UsageEventInput }[] = [];
    const now = this.now().getTime();
    events.forEach((event, index) => {
      const parsed = usageEventInputSchema.safeParse(event);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        rejected.push({
          index,
          reason: `${field === '' ? 'event' : field}: ${issue?.message ?? 'is invalid'}`,
        });
        return;
      }
      const at = Date.parse(parsed.data.occurredAt);
      if (at > now + futureSkewMs) {
        rejected.push({ index, reason: 'occurredAt: is in the future' });
      } else if (at < now - maxAgeMs) {
        rejected.push({ index, reason: 'occurredAt: is more than two years ago' });
      } else {
        valid.push({ index, input: parsed.data });
      }
    });

    const people = await this.resolve(
      tenantId,
      valid.map(({ input }) => input),
    );
    const resolved: ResolvedUsage[] = [];
    for (const { index, input } of valid) {
      const person =
        input.userId !== undefined
          ? people.byId.get(input.userId)
          : people.byUpn.get(input.upn ?? '');
      if (person === undefined) {
        rejected.push({
          index,
          reason: `${input.userId !== undefined ? 'userId' : 'upn'}: is not on the roster`,
        });
        continue;
      }
      resolved.push({
        tenantId,
        eventId: ingestedEventId(input.id),
        person,
        source: input.source,
        occurredAt: new Date(input.occurredAt),
        tool: input.tool,
      });
    }
    const created = await this.record(resolved);
    const accepted = created.filter(Boolean).length;
    rejected.sort((a, b) => a.index - b.index);
    this.counts.accepted += accepted;
    this.counts.duplicates += resolved.length - accepted;
    this.counts.rejected += rejected.length;
    return { accepted, duplicates: resolved.length - accepted, rejected };
  }

  /** Writes resolved events; says for each whether it was new. */
  async record(usages: readonly ResolvedUsage[]): Promise<boolean[]> {
    if (usages.length === 0) return [];
    const recordedAt = this.now().toISOString();
    const documents = usages.map((usage): UsageEvent => {
      const week = isoWeekOf(usage.occurredAt);
      return {
        id: usage.eventId,
        tenantId: usage.tenantId,
        pk: weekPartitionKey(usage.tenantId, week),
        type: 'usageEvent',
        week,
        userId: usage.person.id,
        departmentId: usage.person.departmentId,
        source: usage.source,
        ...(usage.tool === undefined ? {} : { tool: usage.tool }),
        ...(usage.promptId === undefined ? {} : { promptId: usage.promptId }),
        occurredAt: usage.occurredAt.toISOString(),
        recordedAt,
      };
    });
    const created = await this.ports.activity.createEvents(documents);

    const markers = new Map<string, ActiveMarker>();
    documents.forEach((event, index) => {
      const key = `${event.pk}|${event.userId}`;
      const earlier = markers.get(key);
      if (earlier !== undefined && earlier.firstAt <= event.occurredAt) return;
      markers.set(key, {
        id: `active:${event.userId}`,
        tenantId: event.tenantId,
        pk: event.pk,
        type: 'activeMarker',
        week: event.week,
        userId: event.userId,
        departmentId: event.departmentId ?? unassignedDepartmentId,
        eligible: usages[index]?.person.eligible ?? false,
        firstAt: event.occurredAt,
      });
    });
    await this.ports.activity.createMarkersCounted([...markers.values()]);
    return created;
  }

  /**
   * People named by a batch. A batch names up to a thousand people, and a query for a thousand ids
   * costs as much as reading the roster, so the tenant's roster is read once into a snapshot that
   * answers lookups for a minute; people added since are looked up on their own.
   */
  private async resolve(
    tenantId: string,
    inputs: readonly UsageEventInput[],
  ): Promise<{ byId: Map<string, Person>; byUpn: Map<string, Person> }> {
    const snapshot = await this.snapshot(tenantId);
    const byId = new Map<string, Person>();
    const byUpn = new Map<string, Person>();
    const missingIds = new Set<string>();
    const missingUpns = new Set<string>();
    for (const input of inputs) {
      if (input.userId !== undefined) {
        const person = snapshot?.byId.get(input.userId);
        if (person === undefined) missingIds.add(input.userId);
        else byId.set(person.id, person);
      } else if (input.upn !== undefined) {
        const person = snapshot?.byUpn.get(input.upn);
        if (person === undefined) missingUpns.add(input.upn);
        else byUpn.set(person.upn, person);
      }
    }
    const [foundById, foundByUpn] = await Promise.all([
      this.ports.people.findManyByIds(tenantId, [...missingIds]),
      this.ports.people.findManyByUpns(tenantId, [...missingUpns]),
    ]);
    for (const person of foundById) byId.set(person.id, person);
    for (const person of foundByUpn) byUpn.set(person.upn, person);
    if (foundById.length + foundByUpn.length > 0) this.forgetRoster(tenantId);
    return { byId, byUpn };
  }

  private snapshot(tenantId: string): Promise<RosterSnapshot | undefined> {
    const current = this.snapshots.get(tenantId);
    const loading =
      current ??
      this.ports.people.listAll(tenantId, maxSnapshotPeople).then(
        (people): RosterSnapshot => ({
          at: this.options.clock(),
          byId: new Map(people.map((person) => [person.id, person])),
          byUpn: new Map(people.map((person) => [person.upn, person])),
        }),
        () => undefined,
      );
    if (current === undefined) this.snapshots.set(tenantId, loading);
    return loading.then((snapshot) => {
      if (
        snapshot === undefined ||
        this.options.clock() - snapshot.at > this.options.rosterSnapshotMs
      ) {
        if (this.snapshots.get(tenantId) === loading) this.snapshots.delete(tenantId);
      }
      return snapshot;
    });
  }
}
