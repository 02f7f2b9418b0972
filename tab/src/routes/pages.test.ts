import { describe, expect, it } from 'vitest';
import { pageDefinition, pageIds, visiblePages } from './pages.js';

const ids = (roles: Parameters<typeof visiblePages>[0]): string[] =>
  visiblePages(roles).map((page) => page.id);

describe('visiblePages', () => {
  it('should show a member only the pages meant for everyone', () => {
    expect(ids(['member'])).toEqual(['home', 'library', 'workflows', 'practice', 'flags']);
  });

  it('should show a lead the same pages as a member', () => {
    expect(ids(['lead'])).toEqual(['home', 'library', 'workflows', 'practice', 'flags']);
  });

  it('should show a champion every page', () => {
    expect(ids(['champion'])).toEqual([...pageIds]);
  });

  it('should show an admin every page', () => {
    expect(ids(['admin'])).toEqual([...pageIds]);
  });

  it('should combine the pages of every role someone holds', () => {
    expect(ids(['member', 'champion'])).toEqual([...pageIds]);
  });
});

describe('pageDefinition', () => {
  it('should describe every page with a label and what it will hold', () => {
    for (const id of pageIds) {
      const page = pageDefinition(id);
      expect(page.label).not.toBe('');
      if (id !== 'home') expect(page.willHold.length).toBeGreaterThan(0);
    }
  });
});
