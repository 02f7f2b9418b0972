import { describe, expect, it } from 'vitest';
import {
  defaultLibraryFilters,
  filtersFromQuery,
  filtersToQuery,
  isFiltered,
  promptSearchPath,
} from './library-filters.js';

describe('promptSearchPath', () => {
  it('should ask for published prompts without naming the status', () => {
    expect(promptSearchPath(defaultLibraryFilters)).toBe('/api/prompts?limit=20');
  });

  it('should send every filter that is set, trimmed, with the tag in lower case', () => {
    const path = promptSearchPath({
      q: '  client proposal ',
      jobFamily: 'consulting',
      task: 'task-1',
      tag: 'Email',
      status: 'in-review',
      mine: true,
    });
    const params = new URL(path, 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({
      q: 'client proposal',
      jobFamily: 'consulting',
      task: 'task-1',
      tag: 'email',
      status: 'in-review',
      owner: 'me',
      limit: '20',
    });
  });

  it('should ask for as many results as it is told', () => {
    expect(promptSearchPath(defaultLibraryFilters, 5)).toBe('/api/prompts?limit=5');
  });
});

describe('filtersFromQuery', () => {
  it('should read back the filters a link was written with', () => {
    const filters = {
      q: 'summary',
      jobFamily: 'analysis',
      task: 't9',
      tag: 'research',
      status: 'retired' as const,
      mine: false,
    };
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
  });

  it('should fall back to the defaults for missing or unknown values', () => {
    expect(filtersFromQuery(undefined)).toEqual(defaultLibraryFilters);
    expect(filtersFromQuery('status=deleted&owner=someone&page=3')).toEqual(defaultLibraryFilters);
  });
});

describe('isFiltered', () => {
  it('should tell the default search from a narrowed one', () => {
    expect(isFiltered(defaultLibraryFilters)).toBe(false);
    expect(isFiltered({ ...defaultLibraryFilters, q: '   ' })).toBe(false);
    expect(isFiltered({ ...defaultLibraryFilters, task: 't1' })).toBe(true);
    expect(isFiltered({ ...defaultLibraryFilters, status: 'draft' })).toBe(true);
  });
});
