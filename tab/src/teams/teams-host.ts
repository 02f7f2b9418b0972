import { themeFromTeams, type ThemeName } from '../theme/theme-name.js';

/** What the tab needs from Teams, behind one small interface so the rest of the tab never imports teams-js. */
export interface TeamsHost {
  readonly theme: ThemeName;
  onThemeChange(listener: (theme: ThemeName) => void): void;
  /** A Teams SSO token for the Lastmile API (teams-js caches and renews it). */
  getAuthToken(): Promise<string>;
  notifySuccess(): void;
  notifyFailure(message: string): void;
}

const connectTimeoutMs = 15_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Initialises teams-js and reads the theme. teams-js is loaded on demand, so a plain browser in dev
 * mode never downloads it; the timeout stops a page framed by something other than Teams from
 * waiting for a handshake that will never come.
 */
export async function connectToTeams(): Promise<TeamsHost> {
  const { app, authentication } = await import('@microsoft/teams-js');
  const context = await withTimeout(
    app.initialize().then(() => app.getContext()),
    connectTimeoutMs,
    `Teams did not answer within ${connectTimeoutMs / 1000} seconds.`,
  );
  app.notifyAppLoaded();
  return {
    theme: themeFromTeams(context.app.theme),
    onThemeChange: (listener) => {
      app.registerOnThemeChangeHandler((theme) => listener(themeFromTeams(theme)));
    },
    getAuthToken: () => authentication.getAuthToken(),
    notifySuccess: () => {
      void app.notifySuccess();
    },
    notifyFailure: (message) => {
      app.notifyFailure({ reason: app.FailedReason.Other, message });
    },
  };
}
