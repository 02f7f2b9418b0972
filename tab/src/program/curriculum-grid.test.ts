import { describe, expect, it } from 'vitest';
import type { LessonView } from '../../../src/contracts/lessons.js';
import { coverageText, curriculumRows, firstOpenWeek } from './curriculum-grid.js';

const lesson = (id: string, week: number, status: LessonView['status'] = 'draft'): LessonView => ({
  id,
  jobFamilyId: 'consulting',
  week,
  title: id,
  minutes: 5,
  scenario: 's',
  tryIt: 't',
  check: {
    question: 'q',
    options: [
      { id: 'a', text: 'a', correct: true, feedback: 'f' },
      { id: 'b', text: 'b', correct: false, feedback: 'f' },
    ],
  },
  reflection: 'r',
  status,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u',
  etag: '"e"',
});

describe('curriculumRows', () => {
  it('should give every program week a row, with its lessons or an empty slot', () => {
    const rows = curriculumRows([lesson('two-a', 2), lesson('two-b', 2), lesson('eight', 8)]);
    expect(rows.map((row) => [row.week, row.lesson?.id])).toEqual([
      [1, undefined],
      [2, 'two-a'],
      [2, 'two-b'],
      [3, undefined],
      [4, undefined],
      [5, undefined],
      [6, undefined],
      [7, undefined],
      [8, 'eight'],
    ]);
  });

  it('should keep lessons placed after the eighth week, without empty rows between', () => {
    const rows = curriculumRows([lesson('late', 11)]);
    expect(rows).toHaveLength(9);
    expect(rows.at(-1)).toMatchObject({ week: 11, lesson: { id: 'late' } });
  });
});

describe('firstOpenWeek', () => {
  it('should pick the first week with no lesson, or the last week when all have one', () => {
    expect(firstOpenWeek([lesson('a', 1), lesson('c', 3)])).toBe(2);
    expect(firstOpenWeek([1, 2, 3, 4, 5, 6, 7, 8].map((week) => lesson(`w${week}`, week)))).toBe(8);
  });
});

describe('coverageText', () => {
  it('should say how many weeks are planned and how many lessons are published', () => {
    expect(coverageText([lesson('a', 1, 'published'), lesson('b', 1), lesson('c', 9)])).toBe(
      '1 of 8 weeks have a lesson; 1 of 3 lessons are published.',
    );
    expect(coverageText([])).toBe('0 of 8 weeks have a lesson; 0 of 0 lessons are published.');
  });
});
