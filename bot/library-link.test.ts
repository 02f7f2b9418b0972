import { describe, expect, it } from 'vitest';
import { appIconUrl, libraryUrl, promptIdFromLibraryUrl } from './library-link.js';

const tab = 'https://lastmile.example.com';

describe('libraryUrl', () => {
  it('should point at the prompt in the tab, without a doubled slash', () => {
    expect(libraryUrl(`${tab}/`, 'prompt-1')).toBe(`${tab}/#/library/prompt-1`);
    expect(libraryUrl(tab, 'a b')).toBe(`${tab}/#/library/a%20b`);
  });

  it('should give no link when no tab address is configured', () => {
    expect(libraryUrl(undefined, 'prompt-1')).toBeUndefined();
    expect(appIconUrl(undefined)).toBeUndefined();
    expect(appIconUrl(`${tab}/`)).toBe(`${tab}/favicon.svg`);
  });
});

describe('promptIdFromLibraryUrl', () => {
  it('should read the id from a link the tab made', () => {
    expect(promptIdFromLibraryUrl(libraryUrl(tab, 'prompt-42') ?? '', tab)).toBe('prompt-42');
  });

  it('should read the id from a library path as well as the hash route', () => {
    expect(promptIdFromLibraryUrl(`${tab}/library/prompt-7`, tab)).toBe('prompt-7');
    expect(promptIdFromLibraryUrl(`${tab}/#/library/prompt-7/`, tab)).toBe('prompt-7');
  });

  it('should refuse links to another origin when the tab address is known', () => {
    expect(promptIdFromLibraryUrl('https://evil.example/#/library/prompt-1', tab)).toBeUndefined();
  });

  it('should accept any http origin when no tab address is configured', () => {
    expect(promptIdFromLibraryUrl('http://127.0.0.1:3978/#/library/p1', undefined)).toBe('p1');
  });

  it.each([
    'not a url',
    `${tab}/#/scoreboard`,
    `${tab}/#/library/`,
    `${tab}/#/library/a/b`,
    `${tab}/#/library/${'x'.repeat(65)}`,
    `${tab}/#/library/%E0%A4%A`,
    `${tab}/#/library/..`,
    'javascript:alert(1)//#/library/p1',
  ])('should find no prompt in %s', (url) => {
    expect(promptIdFromLibraryUrl(url, undefined)).toBeUndefined();
  });
});
