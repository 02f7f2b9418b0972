import type { Weekday } from '../contracts/lessons.js';

/**
 * When lessons fall due. The program runs in weeks from its start date: week 1 is the seven days
 * from `programStart`. A person's lesson of week N is due on their lesson day within that week, at
 * their lesson time in their own time zone.
 */

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;
const weekdayIndex: Readonly<Record<Weekday, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

function startOf(programStart: string): number {
  return Date.parse(`${programStart}T00:00:00Z`);
}

/** The program week `now` falls in: 1 in the first week, 0 or less before the start. */
export function programWeekOf(programStart: string, now: Date): number {
  return Math.floor((now.getTime() - startOf(programStart)) / weekMs) + 1;
}

/** How far a time zone is ahead of UTC at a moment, in milliseconds. */
function zoneOffsetMs(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const value = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The UTC moment of a wall-clock time on a calendar date in a time zone. */
export function zonedMoment(dateUtcMidnight: number, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = dateUtcMidnight + (hours * 60 + minutes) * 60_000;
  // Two passes settle the offset across a daylight-saving change.
  let moment = wall - zoneOffsetMs(timeZone, wall);
  moment = wall - zoneOffsetMs(timeZone, moment);
  return new Date(moment);
}

export interface LessonTiming {
  readonly lessonDay: Weekday;
  readonly lessonTime: string;
  readonly timeZone: string;
}

/** When the lesson of program week `week` is due for a person with this timing. */
export function lessonDueAt(programStart: string, week: number, timing: LessonTiming): Date {
  const weekStart = startOf(programStart) + (week - 1) * weekMs;
  const startDay = new Date(weekStart).getUTCDay();
  const offsetDays = (weekdayIndex[timing.lessonDay] - startDay + 7) % 7;
  return zonedMoment(weekStart + offsetDays * dayMs, timing.lessonTime, timing.timeZone);
}

/**
 * The next time a lesson falls due after `now`, within `lastWeek`; undefined when the program's
 * lessons are all behind.
 */
export function nextLessonAt(
  programStart: string,
  timing: LessonTiming,
  now: Date,
  lastWeek: number,
): Date | undefined {
  const current = Math.max(1, programWeekOf(programStart, now));
  for (let week = current; week <= Math.min(lastWeek, current + 1); week += 1) {
    const due = lessonDueAt(programStart, week, timing);
    if (due.getTime() > now.getTime()) return due;
  }
  return undefined;
}

export interface ScheduledLesson {
  readonly id: string;
  readonly week: number;
  readonly title: string;
}

/** Lessons in the order people take them: by week, then title. */
export function inCurriculumOrder<T extends ScheduledLesson>(lessons: readonly T[]): T[] {
  return [...lessons].sort(
    (left, right) => left.week - right.week || left.title.localeCompare(right.title),
  );
}

export type LessonState = 'done' | 'due' | 'upcoming';

/** Done once completed; due once its week has come; upcoming before that. */
export function lessonState(
  lesson: ScheduledLesson,
  completed: ReadonlySet<string>,
  programWeek: number,
): LessonState {
  if (completed.has(lesson.id)) return 'done';
  return lesson.week <= programWeek ? 'due' : 'upcoming';
}

/** The lesson `lesson` gives: the earliest one that is due and not done yet. */
export function nextDueLesson<T extends ScheduledLesson>(
  lessons: readonly T[],
  completed: ReadonlySet<string>,
  programWeek: number,
): T | undefined {
  return inCurriculumOrder(lessons).find(
    (lesson) => lessonState(lesson, completed, programWeek) === 'due',
  );
}

/**
 * The weekly lesson the scheduler sends a person now: the first lesson of the current program
 * week, once its due time has passed. Earlier weeks are not sent again; `lesson` catches up.
 */
export function weeklyLessonDue<T extends ScheduledLesson>(
  lessons: readonly T[],
  programStart: string,
  timing: LessonTiming,
  now: Date,
): T | undefined {
  const week = programWeekOf(programStart, now);
  if (week < 1) return undefined;
  const lesson = inCurriculumOrder(lessons).find((candidate) => candidate.week === week);
  if (lesson === undefined) return undefined;
  return lessonDueAt(programStart, week, timing).getTime() <= now.getTime() ? lesson : undefined;
}
