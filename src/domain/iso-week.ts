import type { IsoWeek } from '../contracts/activity.js';

/** The ISO 8601 week of a moment, in UTC: `2026-W48`. Weeks start on Monday; week 1 holds 4 January. */
export function isoWeekOf(moment: Date): IsoWeek {
  const date = new Date(
    Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()),
  );
  const day = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  // The Thursday of this week decides the year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${String(date.getUTCFullYear())}-W${String(week).padStart(2, '0')}`;
}

/** The partition key of a tenant's week in the `activity` and `rollups` containers. */
export function weekPartitionKey(tenantId: string, week: IsoWeek): string {
  return `${tenantId}:${week}`;
}

/** The Monday 00:00 UTC that starts an ISO week. */
export function weekStart(week: IsoWeek): Date {
  const [yearText, weekText] = week.split('-W');
  const year = Number(yearText);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Day = jan4.getUTCDay() === 0 ? 7 : jan4.getUTCDay();
  const firstMonday = Date.UTC(year, 0, 4 - (jan4Day - 1));
  return new Date(firstMonday + (Number(weekText) - 1) * 7 * 86_400_000);
}

/** The week `count` weeks after (or before, when negative) the given one. */
export function addWeeks(week: IsoWeek, count: number): IsoWeek {
  return isoWeekOf(new Date(weekStart(week).getTime() + count * 7 * 86_400_000));
}

/** `count` consecutive weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: IsoWeek, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, index) => addWeeks(last, index - count + 1));
}
