import { describe, expect, it } from 'vitest';
import { isoWeekOf, weekPartitionKey } from './iso-week.js';

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
