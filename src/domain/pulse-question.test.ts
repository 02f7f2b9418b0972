import { describe, expect, it } from 'vitest';
import { isoWeekOf } from './iso-week.js';
import {
  pulseAnswerId,
  pulseDeliveryId,
  pulseDueAt,
  pulseTaskFor,
  weekIndexOf,
} from './pulse-question.js';

const tasks = [
  { id: 'draft-proposal', name: 'Draft a proposal' },
  { id: 'client-update', name: 'Client update' },
  { id: 'board-pack', name: 'Board pack' },
  { id: 'expense-review', name: 'Expense review' },
];

/** `count` consecutive ISO weeks from the one holding `start`. */
function weeksFrom(start: string, count: number): string[] {
  const first = Date.parse(`${start}T12:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    isoWeekOf(new Date(first + index * 7 * 86_400_000)),
  );
}

describe('weekIndexOf', () => {
  it('should give consecutive ISO weeks consecutive numbers, across 53-week years', () => {
    const weeks = weeksFrom('2020-11-02', 120);
    expect(weeks).toContain('2020-W53');
    const indexes = weeks.map(weekIndexOf);
    indexes.forEach((index, position) => {
      if (position > 0) expect(index - (indexes[position - 1] ?? 0)).toBe(1);
    });
  });
});

describe('pulseTaskFor', () => {
  it('should ask nothing when the department has mapped no tasks', () => {
    expect(pulseTaskFor([], 'user-1', '2026-W10')).toBeUndefined();
  });

  it('should ask the same person about the same task for the same week, in any list order', () => {
    const first = pulseTaskFor(tasks, 'user-1', '2026-W10');
    expect(first).toBeDefined();
    expect(pulseTaskFor([...tasks].reverse(), 'user-1', '2026-W10')).toEqual(first);
  });

  it('should rotate one person through every task over as many consecutive weeks', () => {
    for (const userId of ['user-1', 'user-2', '00000000-0000-4000-8000-00000000c003']) {
      const asked = weeksFrom('2025-12-15', tasks.length).map(
        (week) => pulseTaskFor(tasks, userId, week)?.id,
      );
      expect(new Set(asked)).toEqual(new Set(tasks.map((task) => task.id)));
    }
  });

  it('should move to the next task when the week changes, also across a year end', () => {
    const [before, after] = weeksFrom('2025-12-22', 2);
    expect([before, after]).toEqual(['2025-W52', '2026-W01']);
    expect(pulseTaskFor(tasks, 'user-1', before ?? '')).not.toEqual(
      pulseTaskFor(tasks, 'user-1', after ?? ''),
    );
  });

  it('should spread a department over its tasks in a single week', () => {
    const asked = Array.from(
      { length: 200 },
      (_, index) => pulseTaskFor(tasks, `person-${String(index)}`, '2026-W10')?.id,
    );
    for (const task of tasks) {
      expect(asked.filter((id) => id === task.id).length).toBeGreaterThan(20);
    }
  });
});

describe('pulse ids and timing', () => {
  it('should keep one answer per person and week, and one delivery per person and week', () => {
    expect(pulseAnswerId('u1')).toBe('pulse:u1');
    expect(pulseDeliveryId('u1', '2026-W10')).toBe('pulse:u1:2026-W10');
  });

  it("should fall due on the person's lesson day and time within the week, in their zone", () => {
    const due = pulseDueAt('2026-W10', {
      lessonDay: 'thursday',
      lessonTime: '09:30',
      timeZone: 'America/New_York',
    });
    expect(due.toISOString()).toBe('2026-03-05T14:30:00.000Z');
    expect(isoWeekOf(due)).toBe('2026-W10');
  });
});
