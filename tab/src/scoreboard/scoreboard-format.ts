import type {
  NudgeResult,
  Scoreboard,
  ScoreboardDepartment,
} from '../../../src/contracts/adoption.js';

/** The spans the weeks selector offers: a month, two months, a quarter, half a year, a year. */
export const weekChoices = [4, 8, 13, 26, 52] as const;
export type WeekChoice = (typeof weekChoices)[number];
export const defaultWeeks: WeekChoice = 8;

export function isWeekChoice(value: unknown): value is WeekChoice {
  return weekChoices.some((choice) => String(choice) === String(value));
}

export function scoreboardPath(weeks: number, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams({ weeks: String(weeks) });
  if (format === 'csv') params.set('format', 'csv');
  return `/api/scoreboard?${params.toString()}`;
}

export function scoreboardPeoplePath(departmentId: string, weeks: number): string {
  const params = new URLSearchParams({ departmentId, weeks: String(weeks) });
  return `/api/scoreboard/people?${params.toString()}`;
}

/** A share as people read it: at most one decimal, "22.4%", "71%". */
export function formatPct(value: number, locale?: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}%`;
}

/** A change in percentage points with its sign: "+4.2 pts", "−1 pt", "no change". */
export function formatPointChange(change: number, locale?: string): string {
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return 'no change';
  const size = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
    Math.abs(rounded),
  );
  const unit = Math.abs(rounded) === 1 ? 'pt' : 'pts';
  return `${rounded > 0 ? '+' : '−'}${size} ${unit}`;
}

/** Hours as the tiles show them: "45 min" under an hour, "14 h" under two days, then days. */
export function formatHours(hours: number, locale?: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${number.format(hours)} h`;
  return `${number.format(hours / 24)} d`;
}

/** The short label of an ISO week for axes and column heads: `2026-W48` → `W48`. */
export function shortWeek(week: string): string {
  return week.slice(week.indexOf('-') + 1);
}

/** The Monday (UTC) an ISO week starts on: the chart's x axis is a time axis. */
export function mondayOfIsoWeek(week: string): Date {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return new Date(Number.NaN);
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1; step back to its Monday, then forward whole weeks.
  const fourth = new Date(Date.UTC(year, 0, 4));
  const weekday = fourth.getUTCDay() === 0 ? 7 : fourth.getUTCDay();
  return new Date(Date.UTC(year, 0, 4 - weekday + 1 + (number - 1) * 7));
}

/** The last value of a weekly series, and the one before it. */
export function latestTwo(series: readonly number[] | undefined): {
  readonly now: number | undefined;
  readonly before: number | undefined;
} {
  if (!series || series.length === 0) return { now: undefined, before: undefined };
  return { now: series.at(-1), before: series.length > 1 ? series.at(-2) : undefined };
}

const stragglerReasons: Readonly<
  Record<NonNullable<ScoreboardDepartment['stragglerReason']>, string>
> = {
  'below-target': 'Below target',
  falling: 'Falling',
  'below-target-and-falling': 'Below target and falling',
};

/** Why a department is behind, with the figures that show it. */
export function stragglerText(department: ScoreboardDepartment, targetPct: number): string {
  const reason = department.stragglerReason
    ? stragglerReasons[department.stragglerReason]
    : 'Behind';
  const { now, before } = latestTwo(department.wauPct);
  if (now === undefined) return reason;
  const parts = [`${formatPct(now)} this week`];
  if (before !== undefined) parts.push(`${formatPct(before)} the week before`);
  parts.push(`target ${formatPct(targetPct)}`);
  return `${reason}: ${parts.join(', ')}`;
}

/** "Leo Marsh", "Leo Marsh and Ann Lee", "Leo Marsh, Ann Lee and Sam Roy". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * What a nudge did, in the words the champion sees: "Coaching message queued to Leo Marsh". Each
 * lead gets one coaching message a week, so a second nudge in the same week queues nothing new.
 */
export function nudgeConfirmation(result: NudgeResult): string {
  const names = joinNames(result.leads.map((lead) => lead.name));
  if (result.leads.length === 0)
    return 'No coaching message was queued: the department has no lead.';
  if (result.queued === 0) {
    return `A coaching message to ${names} was already queued this week; leads get one a week.`;
  }
  if (result.queued < result.leads.length) {
    return `Coaching message queued to ${names} (where none was queued this week yet)`;
  }
  return `Coaching message queued to ${names}`;
}

/** The departments whose figures may be shown, in the order the server sent them. */
export function visibleDepartments(scoreboard: Scoreboard): readonly ScoreboardDepartment[] {
  return scoreboard.departments.filter((department) => !department.suppressed);
}

/** One line of the trend: a name and a WAU% per week, aligned with `weeks`. */
export interface TrendSeries {
  readonly id: string;
  readonly name: string;
  readonly wauPct: readonly number[];
}

export const overallSeriesId = 'overall';

/** The overall line first, then each department that is shown and not withheld. */
export function trendSeries(
  scoreboard: Scoreboard,
  shownDepartmentIds: readonly string[],
): readonly TrendSeries[] {
  const departments = visibleDepartments(scoreboard)
    .filter((department) => shownDepartmentIds.includes(department.id))
    .flatMap((department) =>
      department.wauPct
        ? [{ id: department.id, name: department.name, wauPct: department.wauPct }]
        : [],
    );
  return [
    { id: overallSeriesId, name: 'Overall', wauPct: scoreboard.overall.wauPct },
    ...departments,
  ];
}

function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** The headline tiles, as label, value and note. */
export function scoreboardFigures(
  scoreboard: Scoreboard,
  locale?: string,
): readonly { readonly label: string; readonly value: string; readonly note: string }[] {
  const { tiles } = scoreboard;
  const span = `Over the ${String(scoreboard.weeks.length)} weeks shown`;
  const startWeek = scoreboard.programStartWeek ?? scoreboard.weeks[0];
  const resolution =
    tiles.medianHoursToResolution === undefined
      ? 'No flag resolved yet'
      : `Median time to resolution ${formatHours(tiles.medianHoursToResolution, locale)}`;
  return [
    {
      label: 'Weekly active now',
      value: formatPct(tiles.wauPctNow, locale),
      note: `Target ${formatPct(scoreboard.targetPct, locale)}`,
    },
    {
      label: 'At program start',
      value: formatPct(tiles.wauPctAtStart, locale),
      note: startWeek ? `Week ${startWeek}` : 'First week shown',
    },
    { label: 'Eligible', value: formatCount(tiles.eligible, locale), note: 'People counted' },
    {
      label: 'Active this week',
      value: formatCount(tiles.activeNow, locale),
      note: 'Used AI at least once',
    },
    {
      label: 'Lessons completed',
      value: formatCount(tiles.lessonsCompleted, locale),
      note: span,
    },
    {
      label: 'Practice attendance',
      value: formatCount(tiles.practiceAttendance, locale),
      note: span,
    },
    { label: 'Open flags', value: formatCount(tiles.openFlags, locale), note: resolution },
    {
      label: 'Improvements suggested',
      value: formatCount(tiles.improvementsSuggested, locale),
      note: 'Workflow improvements from anyone',
    },
    {
      label: 'Pushed to the vendor',
      value: formatCount(tiles.improvementsPushedToVendor, locale),
      note: 'Improvements sent on to the AI vendor',
    },
  ];
}
