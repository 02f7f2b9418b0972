import { describe, expect, it } from 'vitest';
import { parseHash } from '../routes/hash-route.js';
import { pageDefinition, pageIds, visiblePages } from '../routes/pages.js';
import { initialChoice, pageFromEntityId, tabSettingsFor } from './tab-settings.js';

const origin = 'https://lastmile.example.com';

describe('tabSettingsFor', () => {
  it('should open the home page under the product name', () => {
    expect(tabSettingsFor(pageDefinition('home'), origin)).toEqual({
      entityId: 'lastmile-home',
      contentUrl: 'https://lastmile.example.com/#/home',
      websiteUrl: 'https://lastmile.example.com/#/home',
      suggestedDisplayName: 'Lastmile',
    });
  });

  it('should name another page after it, beside the product name', () => {
    const settings = tabSettingsFor(pageDefinition('scoreboard'), origin);

    expect(settings.entityId).toBe('lastmile-scoreboard');
    expect(settings.contentUrl).toBe('https://lastmile.example.com/#/scoreboard');
    expect(settings.suggestedDisplayName).toBe('Lastmile Scoreboard');
  });

  it('should point every page at a URL the tab routes back to that page', () => {
    for (const id of pageIds) {
      const hash = new URL(tabSettingsFor(pageDefinition(id), origin).contentUrl).hash;
      expect(parseHash(hash)).toEqual({ kind: 'page', page: id });
    }
  });
});

describe('pageFromEntityId', () => {
  it('should read back the page of every entityId it writes', () => {
    for (const id of pageIds) {
      expect(pageFromEntityId(tabSettingsFor(pageDefinition(id), origin).entityId)).toBe(id);
    }
  });

  it('should ignore an entityId it did not write', () => {
    expect(pageFromEntityId(undefined)).toBeUndefined();
    expect(pageFromEntityId('')).toBeUndefined();
    expect(pageFromEntityId('home')).toBeUndefined();
    expect(pageFromEntityId('lastmile-settings')).toBeUndefined();
  });
});

describe('initialChoice', () => {
  it('should start on the page the tab already shows', () => {
    expect(initialChoice(visiblePages(['champion']), 'scoreboard')).toBe('scoreboard');
  });

  it('should start on Home for a new tab', () => {
    expect(initialChoice(visiblePages(['member']), undefined)).toBe('home');
  });

  it('should start on Home when the saved page is not one the person may open', () => {
    expect(initialChoice(visiblePages(['member']), 'scoreboard')).toBe('home');
  });

  it('should offer no choice when there are no pages to choose from', () => {
    expect(initialChoice([], 'home')).toBeUndefined();
  });
});
