import { describe, expect, it } from 'vitest';
import { withContinuation } from './paging.js';

describe('withContinuation', () => {
  it('should add the token, escaped, to a path with a query', () => {
    const next = withContinuation('/api/prompts?limit=5', 'a+b/c=&d');
    const params = new URL(next, 'http://x').searchParams;
    expect(params.get('continuationToken')).toBe('a+b/c=&d');
    expect(params.get('limit')).toBe('5');
  });

  it('should start the query on a path without one', () => {
    expect(withContinuation('/api/prompts/review-queue', 't')).toBe(
      '/api/prompts/review-queue?continuationToken=t',
    );
  });
});
