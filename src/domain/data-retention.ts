import type { IsoWeek } from '../contracts/activity.js';
import { isoWeekOf } from './iso-week.js';

const dayMs = 86_400_000;

/**
 * The first week whose raw usage events are kept: the week holding the moment `retentionDays`
 * ago. Weeks before it are removed whole, so a week is never left half purged by the calendar.
 */
export function retentionKeepFromWeek(now: Date, retentionDays: number): IsoWeek {
  return isoWeekOf(new Date(now.getTime() - retentionDays * dayMs));
}

/** Whether a week's raw events are gone (or going) under a watermark; ISO weeks sort as text. */
export function isPurgedWeek(week: IsoWeek, purgedBefore: IsoWeek | undefined): boolean {
  return purgedBefore !== undefined && week < purgedBefore;
}
