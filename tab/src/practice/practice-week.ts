import type { LessonView } from '../../../src/contracts/lessons.js';
import type { PracticeSessionView } from '../../../src/contracts/practice.js';

const weekMs = 7 * 86_400_000;

/**
 * The ISO 8601 week of a moment, in UTC (`2026-W48`), as the server files practice sessions.
 * Weeks start on Monday; week 1 holds 4 January.
 */
export function isoWeekOf(moment: Date): string {
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

/**
 * The program week `now` falls in, as the server counts it: 1 for the seven days from the start
 * date (midnight UTC), 0 or less before it.
 */
export function programWeekOf(programStart: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${programStart}T00:00:00Z`)) / weekMs) + 1;
}

export interface SessionsByWeek {
  readonly thisWeek: readonly PracticeSessionView[];
  readonly earlier: readonly PracticeSessionView[];
}

const newestFirst = (a: PracticeSessionView, b: PracticeSessionView): number =>
  b.startedAt.localeCompare(a.startedAt);

/** This ISO week's sessions and the earlier ones, each newest first. */
export function sessionsByWeek(
  sessions: readonly PracticeSessionView[],
  currentWeek: string,
): SessionsByWeek {
  const sorted = [...sessions].sort(newestFirst);
  return {
    thisWeek: sorted.filter((session) => session.week === currentWeek),
    earlier: sorted.filter((session) => session.week !== currentWeek),
  };
}

/** A conversation's practice this week: its newest session of the week, if any. */
export function currentPractice(
  sessions: readonly PracticeSessionView[],
  currentWeek: string,
): PracticeSessionView | undefined {
  return sessionsByWeek(sessions, currentWeek).thisWeek[0];
}

/** The lesson of a program week (the first by title when a champion placed several). */
export function lessonOfWeek(lessons: readonly LessonView[], week: number): LessonView | undefined {
  return lessons.find((lesson) => lesson.week === week);
}

/** "12 attendees", "1 attendee", "No attendees yet". */
export function attendeesText(count: number): string {
  if (count === 0) return 'No attendees yet';
  return `${count} ${count === 1 ? 'attendee' : 'attendees'}`;
}

/** "3 prompts captured", "1 prompt captured", "No prompts captured". */
export function capturedText(count: number): string {
  if (count === 0) return 'No prompts captured';
  return `${count} ${count === 1 ? 'prompt' : 'prompts'} captured`;
}
