import { describe, expect, it } from 'vitest';
import { hashFor, parseHash } from './hash-route.js';
import { pageIds } from './pages.js';

describe('parseHash', () => {
  it('should open the home page when there is no hash', () => {
    expect(parseHash('')).toEqual({ kind: 'page', page: 'home' });
    expect(parseHash('#')).toEqual({ kind: 'page', page: 'home' });
    expect(parseHash('#/')).toEqual({ kind: 'page', page: 'home' });
  });

  it('should read the page from a deep link', () => {
    expect(parseHash('#/scoreboard')).toEqual({ kind: 'page', page: 'scoreboard' });
  });

  it('should forgive a missing slash, a trailing slash, capitals and a query string', () => {
    expect(parseHash('#flags')).toEqual({ kind: 'page', page: 'flags' });
    expect(parseHash('#/library/')).toEqual({ kind: 'page', page: 'library' });
    expect(parseHash('#/Checkpoint')).toEqual({ kind: 'page', page: 'checkpoint' });
    expect(parseHash('#/practice?session=42')).toEqual({ kind: 'page', page: 'practice' });
  });

  it('should report a path it does not know instead of guessing', () => {
    expect(parseHash('#/settings')).toEqual({ kind: 'unknown', path: '/settings' });
    expect(parseHash('#/library/extra')).toEqual({ kind: 'unknown', path: '/library/extra' });
  });

  it('should read back every hash it writes', () => {
    for (const page of pageIds) {
      expect(parseHash(hashFor(page))).toEqual({ kind: 'page', page });
    }
  });
});
