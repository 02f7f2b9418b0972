import type { IsoWeek } from '../contracts/activity.js';
import type { Scoreboard, ScoreboardDepartment } from '../contracts/adoption.js';

/** What the scoreboard is computed from: rollups and headcounts, never raw events. */
export interface ScoreboardInput {
  readonly weeks: readonly IsoWeek[];
  readonly departments: readonly { readonly id: string; readonly name: string }[];
  /** Eligible people per department id. */
  readonly eligible: ReadonlyMap<string, number>;
  /** Weekly active eligible people, by department id then week. */
  readonly active: ReadonlyMap<string, ReadonlyMap<IsoWeek, number>>;
  readonly lessonsCompleted: ReadonlyMap<string, ReadonlyMap<IsoWeek, number>>;
  readonly practiceAttendance: ReadonlyMap<string, ReadonlyMap<IsoWeek, number>>;
  readonly targetPct: number;
  readonly minGroupSize: number;
  readonly programStart?: string | undefined;
  readonly programStartWeek?: IsoWeek | undefined;
  readonly leads: ReadonlyMap<string, readonly { readonly id: string; readonly name: string }[]>;
  readonly feedback: {
    readonly openFlags: number;
    readonly resolvedFlags: number;
    readonly medianHoursToResolution?: number | undefined;
    readonly medianHoursToFirstResponse?: number | undefined;
    readonly improvementsSuggested: number;
    readonly improvementsPushedToVendor: number;
  };
}

/** A share as a percentage with one decimal; 0 when there is no one to count. */
export function percentage(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

function series(
  byWeek: ReadonlyMap<IsoWeek, number> | undefined,
  weeks: readonly IsoWeek[],
): number[] {
  return weeks.map((week) => byWeek?.get(week) ?? 0);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Below target in the latest week, or lower than the week before it. */
export function stragglerReason(
  wauPct: readonly number[],
  targetPct: number,
): ScoreboardDepartment['stragglerReason'] {
  const latest = wauPct.at(-1);
  if (latest === undefined) return undefined;
  const previous = wauPct.at(-2);
  const below = latest < targetPct;
  const falling = previous !== undefined && latest < previous;
  if (below && falling) return 'below-target-and-falling';
  if (below) return 'below-target';
  if (falling) return 'falling';
  return undefined;
}

/**
 * The champion's scoreboard: weekly active eligible people over eligible people, per department and
 * overall. Departments smaller than the minimum group size keep only their name: their figures are
 * withheld and left out of nothing else (the overall figures still count them).
 */
export function buildScoreboard(input: ScoreboardInput): Scoreboard {
  const { weeks } = input;
  let overallEligible = 0;
  const overallActive = weeks.map(() => 0);
  const overallLessons = weeks.map(() => 0);
  const overallPractice = weeks.map(() => 0);

  const departments = input.departments.map((department): ScoreboardDepartment => {
    const eligible = input.eligible.get(department.id) ?? 0;
    const active = series(input.active.get(department.id), weeks);
    const lessonsCompleted = series(input.lessonsCompleted.get(department.id), weeks);
    const practiceAttendance = series(input.practiceAttendance.get(department.id), weeks);
    overallEligible += eligible;
    weeks.forEach((_, index) => {
      overallActive[index] = (overallActive[index] ?? 0) + (active[index] ?? 0);
      overallLessons[index] = (overallLessons[index] ?? 0) + (lessonsCompleted[index] ?? 0);
      overallPractice[index] = (overallPractice[index] ?? 0) + (practiceAttendance[index] ?? 0);
    });
    if (eligible < input.minGroupSize) {
      return { id: department.id, name: department.name, suppressed: true };
    }
    const wauPct = active.map((count) => percentage(count, eligible));
    const reason = stragglerReason(wauPct, input.targetPct);
    return {
      id: department.id,
      name: department.name,
      suppressed: false,
      eligible,
      active,
      wauPct,
      lessonsCompleted,
      practiceAttendance,
      straggler: reason !== undefined,
      ...(reason === undefined ? {} : { stragglerReason: reason }),
      leads: [...(input.leads.get(department.id) ?? [])],
    };
  });

  const overallWau = overallActive.map((count) => percentage(count, overallEligible));
  const startIndex =
    input.programStartWeek === undefined ? -1 : weeks.indexOf(input.programStartWeek);
  return {
    weeks: [...weeks],
    targetPct: input.targetPct,
    minGroupSize: input.minGroupSize,
    ...(input.programStart === undefined ? {} : { programStart: input.programStart }),
    ...(input.programStartWeek === undefined ? {} : { programStartWeek: input.programStartWeek }),
    overall: {
      eligible: overallEligible,
      active: overallActive,
      wauPct: overallWau,
      lessonsCompleted: overallLessons,
      practiceAttendance: overallPractice,
    },
    departments,
    tiles: {
      wauPctNow: overallWau.at(-1) ?? 0,
      wauPctAtStart: overallWau[Math.max(0, startIndex)] ?? 0,
      eligible: overallEligible,
      activeNow: overallActive.at(-1) ?? 0,
      lessonsCompleted: sum(overallLessons),
      practiceAttendance: sum(overallPractice),
      openFlags: input.feedback.openFlags,
      resolvedFlags: input.feedback.resolvedFlags,
      ...(input.feedback.medianHoursToResolution === undefined
        ? {}
        : { medianHoursToResolution: input.feedback.medianHoursToResolution }),
      ...(input.feedback.medianHoursToFirstResponse === undefined
        ? {}
        : { medianHoursToFirstResponse: input.feedback.medianHoursToFirstResponse }),
      improvementsSuggested: input.feedback.improvementsSuggested,
      improvementsPushedToVendor: input.feedback.improvementsPushedToVendor,
    },
  };
}

/** The scoreboard as CSV rows: one per department and week, withheld departments marked so. */
export function scoreboardRows(scoreboard: Scoreboard): string[][] {
  const rows: string[][] = [];
  scoreboard.weeks.forEach((week, index) => {
    rows.push([
      week,
      'overall',
      'All departments',
      String(scoreboard.overall.eligible),
      String(scoreboard.overall.active[index] ?? 0),
      String(scoreboard.overall.wauPct[index] ?? 0),
      String(scoreboard.overall.lessonsCompleted[index] ?? 0),
      String(scoreboard.overall.practiceAttendance[index] ?? 0),
      '',
    ]);
    for (const department of scoreboard.departments) {
      rows.push(
        department.suppressed
          ? [week, department.id, department.name, '', '', '', '', '', 'suppressed']
          : [
              week,
              department.id,
              department.name,
              String(department.eligible ?? 0),
              String(department.active?.[index] ?? 0),
              String(department.wauPct?.[index] ?? 0),
              String(department.lessonsCompleted?.[index] ?? 0),
              String(department.practiceAttendance?.[index] ?? 0),
              '',
            ],
      );
    }
  });
  return rows;
}

export const scoreboardCsvHeader = [
  'week',
  'departmentId',
  'department',
  'eligible',
  'active',
  'wauPct',
  'lessonsCompleted',
  'practiceAttendance',
  'note',
] as const;
