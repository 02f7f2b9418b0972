import { describe, expect, it } from 'vitest';
import { flagsPath, flagsViewFromQuery, formatAge, shorten } from './flag-format.js';

describe('flag formatting', () => {
  it('should show ages under a day in hours and longer ones in whole days', () => {
    expect(formatAge(0)).toBe('0 h');
    expect(formatAge(23)).toBe('23 h');
    expect(formatAge(24)).toBe('1 d');
    expect(formatAge(71)).toBe('2 d');
  });

  it('should shorten long text to its first line with an ellipsis', () => {
    expect(shorten('short')).toBe('short');
    expect(shorten('first line\nsecond')).toBe('first line');
    expect(shorten('abcdefghij', 5)).toBe('abcd…');
  });

  it('should put only the chosen filters in the list path', () => {
    expect(flagsPath({ sort: 'oldest' })).toBe('/api/flags?sort=oldest');
    expect(flagsPath({ state: 'open', category: 'wrong', reviewer: 'me', sort: 'newest' })).toBe(
      '/api/flags?state=open&category=wrong&reviewer=me&sort=newest',
    );
  });

  it('should open the improvements only when a deep link names them', () => {
    expect(flagsViewFromQuery('view=improvements')).toBe('improvements');
    expect(flagsViewFromQuery('view=other')).toBe('flags');
    expect(flagsViewFromQuery(undefined)).toBe('flags');
  });
});
