import { programWeeks, type LessonView } from '../../../src/contracts/lessons.js';

/** One row of the curriculum grid: a lesson in its week, or a week with nothing planned yet. */
export interface CurriculumRow {
  readonly week: number;
  readonly lesson: LessonView | undefined;
}

/**
 * Every program week in order, each with its lessons (or one empty row), followed by any lesson a
 * champion placed after the program's last week. Lessons in a week keep the API's title order.
 */
export function curriculumRows(lessons: readonly LessonView[]): CurriculumRow[] {
  const lastWeek = Math.max(programWeeks, ...lessons.map((lesson) => lesson.week));
  const rows: CurriculumRow[] = [];
  for (let week = 1; week <= lastWeek; week += 1) {
    const inWeek = lessons.filter((lesson) => lesson.week === week);
    if (inWeek.length > 0) rows.push(...inWeek.map((lesson) => ({ week, lesson })));
    else if (week <= programWeeks) rows.push({ week, lesson: undefined });
  }
  return rows;
}

/** The week a new lesson starts in: the first program week with none, else the last one. */
export function firstOpenWeek(lessons: readonly LessonView[]): number {
  for (let week = 1; week <= programWeeks; week += 1) {
    if (!lessons.some((lesson) => lesson.week === week)) return week;
  }
  return programWeeks;
}

/** "6 of 8 weeks have a lesson, 4 published." */
export function coverageText(lessons: readonly LessonView[]): string {
  const planned = new Set(
    lessons.filter((lesson) => lesson.week <= programWeeks).map((lesson) => lesson.week),
  ).size;
  const published = lessons.filter((lesson) => lesson.status === 'published').length;
  return `${planned} of ${programWeeks} weeks have a lesson; ${published} of ${lessons.length} ${lessons.length === 1 ? 'lesson is' : 'lessons are'} published.`;
}
