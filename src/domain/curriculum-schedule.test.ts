import { describe, expect, it } from 'vitest';
import {
  lessonDueAt,
  lessonState,
  nextDueLesson,
  nextLessonAt,
  programWeekOf,
  weeklyLessonDue,
  zonedMoment,
} from './curriculum-schedule.js';

const start = '2026-10-05'; // a Monday
const lessons = [
  { id: 'w2', week: 2, title: 'Second' },
  { id: 'w1', week: 1, title: 'First' },
  { id: 'w3', week: 3, title: 'Third' },
];

describe('the curriculum schedule', () => {
  it('should count program weeks from the start date', () => {
    expect(programWeekOf(start, new Date('2026-10-04T23:59:00Z'))).toBe(0);
    expect(programWeekOf(start, new Date('2026-10-05T00:00:00Z'))).toBe(1);
    expect(programWeekOf(start, new Date('2026-10-11T23:59:00Z'))).toBe(1);
    expect(programWeekOf(start, new Date('2026-10-12T00:00:00Z'))).toBe(2);
  });

  it("should put a lesson on the person's day and time in their own time zone", () => {
    const timing = { lessonDay: 'tuesday', lessonTime: '10:00', timeZone: 'UTC' } as const;
    expect(lessonDueAt(start, 1, timing).toISOString()).toBe('2026-10-06T10:00:00.000Z');
    expect(lessonDueAt(start, 3, timing).toISOString()).toBe('2026-10-20T10:00:00.000Z');
    const london = { lessonDay: 'monday', lessonTime: '09:30', timeZone: 'Europe/London' } as const;
    // British Summer Time until 25 October 2026, GMT after.
    expect(lessonDueAt(start, 1, london).toISOString()).toBe('2026-10-05T08:30:00.000Z');
    expect(lessonDueAt(start, 4, london).toISOString()).toBe('2026-10-26T09:30:00.000Z');
    const tokyo = { lessonDay: 'friday', lessonTime: '08:00', timeZone: 'Asia/Tokyo' } as const;
    expect(lessonDueAt(start, 1, tokyo).toISOString()).toBe('2026-10-08T23:00:00.000Z');
  });

  it('should keep a day earlier than the start weekday inside the same program week', () => {
    const thursdayStart = '2026-10-08';
    const monday = { lessonDay: 'monday', lessonTime: '09:00', timeZone: 'UTC' } as const;
    expect(lessonDueAt(thursdayStart, 1, monday).toISOString()).toBe('2026-10-12T09:00:00.000Z');
  });

  it('should convert wall-clock times across a daylight-saving change', () => {
    const october25 = Date.parse('2026-10-25T00:00:00Z');
    expect(zonedMoment(october25, '01:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-24T23:30:00.000Z',
    );
    expect(zonedMoment(october25, '12:00', 'America/New_York').toISOString()).toBe(
      '2026-10-25T16:00:00.000Z',
    );
  });

  it('should give the earliest lesson that is due and not done', () => {
    expect(nextDueLesson(lessons, new Set(), 2)?.id).toBe('w1');
    expect(nextDueLesson(lessons, new Set(['w1']), 2)?.id).toBe('w2');
    expect(nextDueLesson(lessons, new Set(['w1', 'w2']), 2)).toBeUndefined();
    const [second, , third] = lessons;
    expect(third && lessonState(third, new Set(), 2)).toBe('upcoming');
    expect(second && lessonState(second, new Set(['w2']), 2)).toBe('done');
  });

  it("should send the current week's lesson only once its time has come", () => {
    const timing = { lessonDay: 'wednesday', lessonTime: '14:00', timeZone: 'UTC' } as const;
    expect(
      weeklyLessonDue(lessons, start, timing, new Date('2026-10-14T13:59:00Z')),
    ).toBeUndefined();
    expect(weeklyLessonDue(lessons, start, timing, new Date('2026-10-14T14:00:00Z'))?.id).toBe(
      'w2',
    );
    expect(
      weeklyLessonDue(lessons, start, timing, new Date('2026-10-04T14:00:00Z')),
    ).toBeUndefined();
    expect(
      weeklyLessonDue(lessons, start, timing, new Date('2026-11-30T14:00:00Z')),
    ).toBeUndefined();
  });

  it('should tell when the next lesson falls due', () => {
    const timing = { lessonDay: 'wednesday', lessonTime: '14:00', timeZone: 'UTC' } as const;
    expect(nextLessonAt(start, timing, new Date('2026-10-14T15:00:00Z'), 8)?.toISOString()).toBe(
      '2026-10-21T14:00:00.000Z',
    );
    expect(nextLessonAt(start, timing, new Date('2026-10-01T00:00:00Z'), 8)?.toISOString()).toBe(
      '2026-10-07T14:00:00.000Z',
    );
    expect(nextLessonAt(start, timing, new Date('2026-11-26T15:00:00Z'), 8)).toBeUndefined();
  });
});
