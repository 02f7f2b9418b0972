import type { ActiveMarker, DepartmentWeek, IsoWeek } from '../contracts/activity.js';
import type {
  DepartmentRoster,
  NudgeResult,
  Scoreboard,
  ScoreboardPeople,
} from '../contracts/adoption.js';
import type { Identity } from '../contracts/identity.js';
import type { Person } from '../contracts/people.js';
import type { DepartmentCounter } from '../contracts/practice.js';
import type { Department, ProgramSettings } from '../contracts/program.js';
import type { EnqueueInput } from './delivery-queue.js';
import { AppError } from '../domain/errors.js';
import { isoWeekOf, weekPartitionKey, weeksEndingWith } from '../domain/iso-week.js';
import { hasAnyRole } from '../domain/roles.js';
import { buildScoreboard } from '../domain/scoreboard-maths.js';

export interface FeedbackFigures {
  readonly openFlags: number;
  readonly resolvedFlags: number;
  readonly medianHoursToResolution?: number | undefined;
  readonly medianHoursToFirstResponse?: number | undefined;
  readonly improvementsSuggested: number;
  readonly improvementsPushedToVendor: number;
}

export interface ScoreboardPorts {
  readonly program: {
    getSettings(tenantId: string): Promise<{ value: ProgramSettings } | undefined>;
    listDepartments(tenantId: string): Promise<Department[]>;
  };
  readonly rosters: { list(tenantId: string): Promise<DepartmentRoster[]> };
  readonly rollups: {
    /** The department rollups and counters of the weeks, in one read. */
    listRollupsForWeeks(
      tenantId: string,
      weeks: readonly IsoWeek[],
    ): Promise<{ active: DepartmentWeek[]; counters: DepartmentCounter[] }>;
    listMarkers(
      tenantId: string,
      partitionKey: string,
      limit: number,
      departmentId?: string,
    ): Promise<ActiveMarker[]>;
  };
  readonly people: {
    listDepartment(tenantId: string, departmentId: string, limit: number): Promise<Person[]>;
  };
  readonly feedback: { figures(tenantId: string): Promise<FeedbackFigures> };
  readonly notices: { enqueue(input: EnqueueInput, now: Date): Promise<{ created: boolean }> };
}

const defaultTargetPct = 70;
const defaultMinGroupSize = 5;
const maxDepartmentPeople = 5_000;

function byDepartmentAndWeek(
  entries: readonly { departmentId: string; week: IsoWeek; value: number }[],
): Map<string, Map<IsoWeek, number>> {
  const result = new Map<string, Map<IsoWeek, number>>();
  for (const { departmentId, week, value } of entries) {
    const weeks = result.get(departmentId) ?? new Map<IsoWeek, number>();
    weeks.set(week, (weeks.get(week) ?? 0) + value);
    result.set(departmentId, weeks);
  }
  return result;
}

/**
 * The champion's numbers. A request reads the settings, the departments, their headcounts and
 * leads, and the weeks' department rollups in one query: O(departments × weeks) documents,
 * whatever the headcount (DESIGN.md: scoreboard reads never scan raw events).
 */
export class ScoreboardService {
  constructor(
    private readonly ports: ScoreboardPorts,
    private readonly now: () => Date,
  ) {}

  async scoreboard(tenantId: string, weekCount: number): Promise<Scoreboard> {
    return this.forWeeks(tenantId, weeksEndingWith(isoWeekOf(this.now()), weekCount));
  }

  /** The scoreboard over given consecutive weeks, oldest first (the checkpoint's 90 days). */
  async forWeeks(tenantId: string, weeks: readonly IsoWeek[]): Promise<Scoreboard> {
    const [settings, departments, rosters, rollups, feedback] = await Promise.all([
      this.ports.program.getSettings(tenantId),
      this.ports.program.listDepartments(tenantId),
      this.ports.rosters.list(tenantId),
      this.ports.rollups.listRollupsForWeeks(tenantId, weeks),
      this.ports.feedback.figures(tenantId),
    ]);
    const targetPct = settings?.value.wauTargetPct ?? defaultTargetPct;
    const minGroupSize = settings?.value.minGroupSize ?? defaultMinGroupSize;
    const eligible = new Map(rosters.map((roster) => [roster.departmentId, roster.eligible]));
    const active = rollups.active.map((rollup) => ({
      departmentId: rollup.departmentId,
      week: rollup.week,
      value: rollup.active,
    }));
    const { counters } = rollups;
    const counted = (metric: DepartmentCounter['metric']): Map<string, Map<IsoWeek, number>> =>
      byDepartmentAndWeek(
        counters
          .filter((counter) => counter.metric === metric)
          .map((counter) => ({
            departmentId: counter.departmentId,
            week: counter.week,
            value: counter.count,
          })),
      );

    const draft = {
      weeks,
      departments,
      eligible,
      active: byDepartmentAndWeek(active),
      lessonsCompleted: counted('lessonsCompleted'),
      practiceAttendance: counted('practiceAttendance'),
      targetPct,
      minGroupSize,
      programStart: settings?.value.programStart,
      programStartWeek:
        settings === undefined
          ? undefined
          : isoWeekOf(new Date(`${settings.value.programStart}T12:00:00Z`)),
      feedback,
    };
    const leads = new Map(rosters.map((roster) => [roster.departmentId, roster.leads]));
    return buildScoreboard({ ...draft, leads });
  }

  /** Champions only: who in a department was active in which week. */
  async people(
    identity: Identity,
    departmentId: string,
    weekCount: number,
  ): Promise<ScoreboardPeople> {
    if (!hasAnyRole(identity.roles, ['champion'])) {
      throw new AppError('forbidden', 'Only the AI champion sees individual people');
    }
    const { tenantId } = identity;
    const departments = await this.ports.program.listDepartments(tenantId);
    if (!departments.some((department) => department.id === departmentId)) {
      throw new AppError('not-found', `Department ${departmentId} was not found`);
    }
    const weeks = weeksEndingWith(isoWeekOf(this.now()), weekCount);
    const [people, markers] = await Promise.all([
      this.ports.people.listDepartment(tenantId, departmentId, maxDepartmentPeople),
      Promise.all(
        weeks.map(async (week) => {
          const markers = await this.ports.rollups.listMarkers(
            tenantId,
            weekPartitionKey(tenantId, week),
            maxDepartmentPeople,
            departmentId,
          );
          return new Set(markers.map((marker) => marker.userId));
        }),
      ),
    ]);
    return {
      weeks,
      items: people.map((person) => ({
        id: person.id,
        displayName: person.displayName,
        upn: person.upn,
        eligible: person.eligible,
        activeWeeks: markers.map((active) => active.has(person.id)),
      })),
    };
  }

  /** Queues a coaching message to each lead of a department, once per lead and week. */
  async nudge(identity: Identity, departmentId: string, note?: string): Promise<NudgeResult> {
    const { tenantId } = identity;
    const departments = await this.ports.program.listDepartments(tenantId);
    const department = departments.find((candidate) => candidate.id === departmentId);
    if (department === undefined) {
      throw new AppError('not-found', `Department ${departmentId} was not found`);
    }
    const leads =
      (await this.ports.rosters.list(tenantId)).find(
        (roster) => roster.departmentId === departmentId,
      )?.leads ?? [];
    if (leads.length === 0) {
      throw new AppError(
        'conflict',
        `${department.name} has no lead on the roster to coach; give someone the lead role first`,
      );
    }
    const now = this.now();
    const week = isoWeekOf(now);
    const board = await this.scoreboard(tenantId, 2);
    const figures = board.departments.find((candidate) => candidate.id === departmentId);
    const from = identity.displayName ?? 'Your AI champion';
    const latest = figures?.wauPct?.at(-1);
    const situation =
      latest === undefined
        ? `${department.name} is behind on weekly AI use.`
        : `${department.name} is at ${String(latest)}% weekly active use against a target of ${String(board.targetPct)}%.`;
    const text = [
      situation,
      'A 20-minute practice in your next team meeting is the quickest way to catch up: type "practice" in the meeting chat and Lastmile runs it.',
      ...(note === undefined || note === '' ? [] : [`${from} adds: ${note}`]),
    ].join('\n\n');
    let queued = 0;
    for (const lead of leads) {
      const { created } = await this.ports.notices.enqueue(
        {
          tenantId,
          id: `notice:coaching:${departmentId}:${lead.id}:${week}`,
          recipient: { kind: 'person', userId: lead.id },
          payload: {
            kind: 'notice',
            topic: 'coaching',
            title: `How ${department.name} can catch up`,
            text,
          },
        },
        now,
      );
      if (created) queued += 1;
    }
    return {
      departmentId,
      queued,
      leads,
    };
  }
}
