import { describe, expect, it } from 'vitest';
import { addWeeks, isoWeekOf, weekPartitionKey, weekStart, weeksEndingWith } from './iso-week.js';

describe('isoWeekOf', () => {
  it.each([
    ['2026-11-26T09:00:00Z', '2026-W48'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
    ['2021-01-03T23:59:59Z', '2020-W53'],
    ['2026-11-23T00:00:00Z', '2026-W48'],
    ['2026-11-22T23:59:59Z', '2026-W47'],
  ])('should place %s in %s', (moment, week) => {
    expect(isoWeekOf(new Date(moment))).toBe(week);
  });

  it('should build partition keys from tenant and week', () => {
    expect(weekPartitionKey('demo', '2026-W48')).toBe('demo:2026-W48');
  });
});

describe('week arithmetic', () => {
  it.each([
    ['2026-W48', '2026-11-23T00:00:00.000Z'],
    ['2026-W01', '2025-12-29T00:00:00.000Z'],
    ['2026-W53', '2026-12-28T00:00:00.000Z'],
    ['2020-W53', '2020-12-28T00:00:00.000Z'],
  ])('should start %s on Monday %s', (week, monday) => {
    expect(weekStart(week).toISOString()).toBe(monday);
  });

  it('should step across year ends with 53-week years', () => {
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -2)).toBe('2026-W52');
  });

  it('should list the weeks ending with a week, oldest first', () => {
    expect(weeksEndingWith('2027-W02', 4)).toEqual([
      '2026-W52',
      '2026-W53',
      '2027-W01',
      '2027-W02',
    ]);
  });
});
