import { describe, expect, it } from 'vitest';
import { isThemePreference, resolveThemePreference, themeFromTeams } from './theme-name.js';

describe('themeFromTeams', () => {
  it('should map the Teams theme names to the tab themes', () => {
    expect(themeFromTeams('default')).toBe('light');
    expect(themeFromTeams('dark')).toBe('dark');
    expect(themeFromTeams('contrast')).toBe('contrast');
  });

  it('should fall back to light for a theme Teams adds later or leaves out', () => {
    expect(themeFromTeams('glass')).toBe('light');
    expect(themeFromTeams(undefined)).toBe('light');
  });
});

describe('resolveThemePreference', () => {
  const lightSystem = { prefersDark: false, forcedColors: false };
  const darkSystem = { prefersDark: true, forcedColors: false };

  it('should follow the system colour scheme when the preference is system', () => {
    expect(resolveThemePreference('system', lightSystem)).toBe('light');
    expect(resolveThemePreference('system', darkSystem)).toBe('dark');
  });

  it('should use high contrast when the system forces colours', () => {
    expect(resolveThemePreference('system', { prefersDark: true, forcedColors: true })).toBe(
      'contrast',
    );
  });

  it('should keep an explicit choice whatever the system prefers', () => {
    expect(resolveThemePreference('dark', lightSystem)).toBe('dark');
    expect(resolveThemePreference('light', darkSystem)).toBe('light');
    expect(resolveThemePreference('contrast', lightSystem)).toBe('contrast');
  });
});

describe('isThemePreference', () => {
  it('should accept only known preferences', () => {
    expect(isThemePreference('dark')).toBe(true);
    expect(isThemePreference('system')).toBe(true);
    expect(isThemePreference('sepia')).toBe(false);
    expect(isThemePreference(null)).toBe(false);
  });
});
