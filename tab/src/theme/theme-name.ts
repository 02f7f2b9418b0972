/** The three themes Teams offers; the tab renders each with the matching Fluent theme. */
export const themeNames = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof themeNames)[number];

/** What a person picks in the dev theme switch: a fixed theme, or whatever the system prefers. */
export const themePreferences = ['system', ...themeNames] as const;
export type ThemePreference = (typeof themePreferences)[number];

export const themePreferenceLabels: Readonly<Record<ThemePreference, string>> = {
  system: 'Match system',
  light: 'Light',
  dark: 'Dark',
  contrast: 'High contrast',
};

/**
 * Maps Teams' theme names (`app.getContext().app.theme`) to ours. Teams has added themes before
 * ("glass"), so anything unknown falls back to light rather than breaking the tab.
 */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  switch (teamsTheme) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'contrast';
    default:
      return 'light';
  }
}

export interface SystemAppearance {
  readonly prefersDark: boolean;
  readonly forcedColors: boolean;
}

export function resolveThemePreference(
  preference: ThemePreference,
  system: SystemAppearance,
): ThemeName {
  if (preference !== 'system') return preference;
  if (system.forcedColors) return 'contrast';
  return system.prefersDark ? 'dark' : 'light';
}

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (themePreferences as readonly string[]).includes(value);
}
