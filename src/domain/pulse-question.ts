import type { IsoWeek } from '../contracts/activity.js';
import type { Weekday } from '../contracts/lessons.js';
import { zonedMoment } from './curriculum-schedule.js';
import { weekStart } from './iso-week.js';

/**
 * The weekly pulse: which mapped task a person is asked about, and the ids that make its answer
 * and its delivery idempotent. The task rotates with the week, offset per person, so within a
 * department every task gets answers every week and each person meets every task in turn.
 */

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;
/** 1970-01-01 was a Thursday: Mondays fall 4 days after a multiple of 7 days from the epoch. */
const firstMondayMs = 4 * dayMs;

const weekdayOffset: Readonly<Record<Weekday, number>> = {
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
};

/** Weeks since the epoch's first Monday: consecutive ISO weeks get consecutive numbers. */
export function weekIndexOf(week: IsoWeek): number {
  return Math.round((weekStart(week).getTime() - firstMondayMs) / weekMs);
}

/** A stable number for a user id (FNV-1a, 32 bits), so the offset is the same on every instance. */
function userOffset(userId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index += 1) {
    hash = Math.imul(hash ^ userId.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The task to ask `userId` about in `week`, from their department's mapped tasks; undefined when
 * the department has mapped none. Tasks are taken in id order, so the answer does not depend on
 * the order a store lists them in.
 */
export function pulseTaskFor<T extends { readonly id: string }>(
  tasks: readonly T[],
  userId: string,
  week: IsoWeek,
): T | undefined {
  if (tasks.length === 0) return undefined;
  const ordered = [...tasks].sort((left, right) => (left.id < right.id ? -1 : 1));
  const index = (weekIndexOf(week) + (userOffset(userId) % ordered.length)) % ordered.length;
  return ordered[index];
}

/** One answer per person and week: the id within the week's partition. */
export function pulseAnswerId(userId: string): string {
  return `pulse:${userId}`;
}

/** The weekly pulse to one person: enqueued once per week, however often the scheduler runs. */
export function pulseDeliveryId(userId: string, week: IsoWeek): string {
  return `pulse:${userId}:${week}`;
}

export interface PulseTiming {
  readonly lessonDay: Weekday;
  readonly lessonTime: string;
  readonly timeZone: string;
}

/**
 * When a person's pulse for `week` is due: their lesson day and time within that ISO week, in
 * their time zone, so it arrives when they have set time aside for the program.
 */
export function pulseDueAt(week: IsoWeek, timing: PulseTiming): Date {
  const day = weekStart(week).getTime() + weekdayOffset[timing.lessonDay] * dayMs;
  return zonedMoment(day, timing.lessonTime, timing.timeZone);
}
