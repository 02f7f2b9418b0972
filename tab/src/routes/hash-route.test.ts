import { describe, expect, it } from 'vitest';
import { configPath, documentIds, hashFor, pageHash, parseHash } from './hash-route.js';
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
    expect(parseHash('#/practice?session=42')).toEqual({
      kind: 'page',
      page: 'practice',
      query: 'session=42',
    });
  });

  it('should open one prompt of the library from a deep link, keeping the id as written', () => {
    expect(parseHash('#/library/Prompt-42')).toEqual({
      kind: 'page',
      page: 'library',
      item: 'Prompt-42',
    });
    expect(parseHash('#/Library/p%201/?task=t1')).toEqual({
      kind: 'page',
      page: 'library',
      item: 'p 1',
      query: 'task=t1',
    });
  });

  it('should open the configuration page the manifest names as configurationUrl', () => {
    expect(parseHash('#/config')).toEqual({ kind: 'config' });
    expect(parseHash('#/Config/')).toEqual({ kind: 'config' });
    expect(parseHash('#/config?theme=dark')).toEqual({ kind: 'config' });
  });

  it('should open the privacy statement and the terms of use the manifest links to', () => {
    expect(parseHash('#/privacy')).toEqual({ kind: 'document', document: 'privacy' });
    expect(parseHash('#/terms')).toEqual({ kind: 'document', document: 'terms' });
    expect(parseHash('#TERMS/')).toEqual({ kind: 'document', document: 'terms' });
  });

  it('should report a path it does not know instead of guessing', () => {
    expect(parseHash('#/settings')).toEqual({ kind: 'unknown', path: '/settings' });
    expect(parseHash('#/library/a/b')).toEqual({ kind: 'unknown', path: '/library/a/b' });
    expect(parseHash('#/library/%E0')).toEqual({ kind: 'unknown', path: '/library/%E0' });
    expect(parseHash('#/scoreboard/x')).toEqual({ kind: 'unknown', path: '/scoreboard/x' });
    expect(parseHash('#/config/library')).toEqual({ kind: 'unknown', path: '/config/library' });
    expect(parseHash('#/privacy-policy')).toEqual({ kind: 'unknown', path: '/privacy-policy' });
  });

  it('should read back every hash it writes', () => {
    for (const page of pageIds) {
      expect(parseHash(hashFor(page))).toEqual({ kind: 'page', page });
    }
    for (const document of documentIds) {
      expect(parseHash(hashFor(document))).toEqual({ kind: 'document', document });
    }
    expect(parseHash(hashFor(configPath))).toEqual({ kind: 'config' });
    expect(parseHash(pageHash('library', 'a/b c', 'task=t1&q=x'))).toEqual({
      kind: 'page',
      page: 'library',
      item: 'a/b c',
      query: 'task=t1&q=x',
    });
    expect(parseHash(pageHash('workflows'))).toEqual({ kind: 'page', page: 'workflows' });
  });
});
