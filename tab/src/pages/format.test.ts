import { describe, expect, it } from 'vitest';
import { formatCount, formatIsoDate, greetingName } from './format.js';

describe('formatIsoDate', () => {
  it('should format a calendar date on the same day in every time zone', () => {
    expect(formatIsoDate('2026-01-12', 'en-GB')).toBe('12 January 2026');
  });

  it('should leave a value that is not a date as it is', () => {
    expect(formatIsoDate('soon', 'en-GB')).toBe('soon');
  });
});

describe('formatCount', () => {
  it('should group thousands', () => {
    expect(formatCount(12900, 'en-GB')).toBe('12,900');
  });
});

describe('greetingName', () => {
  it('should greet by the first name', () => {
    expect(greetingName('Casey Champion')).toBe('Casey');
  });

  it('should give nothing to greet when there is no name', () => {
    expect(greetingName(undefined)).toBeUndefined();
    expect(greetingName('   ')).toBeUndefined();
  });
});
