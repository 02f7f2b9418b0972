import { describe, expect, it } from 'vitest';
import { availableTimeZones, matchTimeZones } from './time-zones.js';

const zones = ['UTC', 'America/New_York', 'America/Newfoundland', 'Europe/London', 'Europe/Paris'];

describe('matchTimeZones', () => {
  it('should match typed words against the zone name, ignoring case, slashes and underscores', () => {
    expect(matchTimeZones(zones, 'new york', 10).shown).toEqual(['America/New_York']);
    expect(matchTimeZones(zones, 'EUROPE/lon', 10).shown).toEqual(['Europe/London']);
  });

  it('should cap what it shows and say how many more matched', () => {
    expect(matchTimeZones(zones, '', 2)).toEqual({ shown: ['UTC', 'America/New_York'], more: 3 });
    expect(matchTimeZones(zones, 'zzz', 2)).toEqual({ shown: [], more: 0 });
  });
});

describe('availableTimeZones', () => {
  it('should put UTC first, once, before the zones the runtime knows', () => {
    const list = availableTimeZones();
    expect(list[0]).toBe('UTC');
    expect(list.filter((zone) => zone === 'UTC')).toHaveLength(1);
    expect(list).toContain('Europe/London');
  });
});
