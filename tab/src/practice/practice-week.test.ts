import { describe, expect, it } from 'vitest';
import type { LessonView } from '../../../src/contracts/lessons.js';
import type { PracticeSessionView } from '../../../src/contracts/practice.js';
import {
  attendeesText,
  capturedText,
  currentPractice,
  isoWeekOf,
  lessonOfWeek,
  programWeekOf,
  sessionsByWeek,
} from './practice-week.js';

const session = (id: string, week: string, startedAt: string): PracticeSessionView => ({
  id,
  conversationId: 'c',
  conversationKind: 'meeting',
  week,
  jobFamilyId: 'consulting',
  scenario: 's',
  startedBy: 'u',
  departmentId: 'd',
  startedAt,
  attendeeCount: 0,
  capturedPromptIds: [],
});

describe('isoWeekOf', () => {
  it('should give the ISO week in UTC, with the Thursday deciding the year', () => {
    expect(isoWeekOf(new Date('2026-11-26T12:00:00Z'))).toBe('2026-W48');
    expect(isoWeekOf(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });
});

describe('programWeekOf', () => {
  it('should count weeks from the start date, with week 1 its first seven days', () => {
    expect(programWeekOf('2026-01-12', new Date('2026-01-12T00:00:00Z'))).toBe(1);
    expect(programWeekOf('2026-01-12', new Date('2026-01-18T23:59:59Z'))).toBe(1);
    expect(programWeekOf('2026-01-12', new Date('2026-01-19T00:00:00Z'))).toBe(2);
    expect(programWeekOf('2026-01-12', new Date('2026-01-11T12:00:00Z'))).toBe(0);
  });
});

describe('sessionsByWeek', () => {
  it('should split this week’s sessions from earlier ones, newest first', () => {
    const split = sessionsByWeek(
      [
        session('old', '2026-W47', '2026-11-18T10:00:00Z'),
        session('mon', '2026-W48', '2026-11-23T10:00:00Z'),
        session('thu', '2026-W48', '2026-11-26T10:00:00Z'),
      ],
      '2026-W48',
    );
    expect(split.thisWeek.map((item) => item.id)).toEqual(['thu', 'mon']);
    expect(split.earlier.map((item) => item.id)).toEqual(['old']);
  });

  it('should find no current practice when the conversation has none this week', () => {
    expect(currentPractice([session('old', '2026-W47', '2026-11-18T10:00:00Z')], '2026-W48')).toBe(
      undefined,
    );
  });
});

describe('lessonOfWeek', () => {
  it('should pick the lesson placed in the week', () => {
    const lessons = [
      { id: 'a', week: 1 },
      { id: 'b', week: 2 },
    ] as unknown as LessonView[];
    expect(lessonOfWeek(lessons, 2)?.id).toBe('b');
    expect(lessonOfWeek(lessons, 3)).toBeUndefined();
  });
});

describe('counts in words', () => {
  it('should say how many attended and how many prompts were captured', () => {
    expect([0, 1, 12].map(attendeesText)).toEqual([
      'No attendees yet',
      '1 attendee',
      '12 attendees',
    ]);
    expect([0, 1, 3].map(capturedText)).toEqual([
      'No prompts captured',
      '1 prompt captured',
      '3 prompts captured',
    ]);
  });
});
