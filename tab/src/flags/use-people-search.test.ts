import { describe, expect, it } from 'vitest';
import { peopleSearchPath } from './use-people-search.js';

describe('the people search path', () => {
  it('should ask for a handful of people, with the text typed when there is some', () => {
    expect(peopleSearchPath('  ')).toBe('/api/people?limit=10');
    expect(peopleSearchPath(' lead@demo ')).toBe('/api/people?limit=10&q=lead%40demo');
  });
});
