import type { pages as TeamsPages } from '@microsoft/teams-js';
import type { TabConfigSaver } from '../config/use-tab-config-save.js';
import { hostConversationOf, type HostConversation } from '../practice/host-conversation.js';
import { themeFromTeams, type ThemeName } from '../theme/theme-name.js';

/** Teams' tab configuration dialog, the only frame where a tab's settings can be saved. */
export interface TabConfigDialog extends TabConfigSaver {
  /** The entityId an existing tab was saved with; absent while a tab is being added. */
  readonly savedEntityId: string | undefined;
}

/** What the tab needs from Teams, behind one small interface so the rest of the tab never imports teams-js. */
export interface TeamsHost {
  readonly theme: ThemeName;
  onThemeChange(listener: (theme: ThemeName) => void): void;
  /** A Teams SSO token for the Lastmile API (teams-js caches and renews it). */
  getAuthToken(): Promise<string>;
  notifySuccess(): void;
  notifyFailure(message: string): void;
  /** Present only when Teams opened the tab in its configuration dialog (frameContext `settings`). */
  readonly tabConfig: TabConfigDialog | undefined;
  /** The meeting or chat the tab is open in; absent in a channel or personal tab. */
  readonly conversation: HostConversation | undefined;
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
  const teams = await import('@microsoft/teams-js');
  const { app, authentication } = teams;
  const context = await withTimeout(
    app.initialize().then(() => app.getContext()),
    connectTimeoutMs,
    `Teams did not answer within ${connectTimeoutMs / 1000} seconds.`,
  );
  const tabConfig =
    context.page.frameContext === teams.FrameContexts.settings && teams.pages.config.isSupported()
      ? await openConfigDialog(teams.pages)
      : undefined;
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
    tabConfig,
    conversation: hostConversationOf({
      frameContext: context.page.frameContext,
      chatId: context.chat?.id,
      meetingId: context.meeting?.id,
    }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wires the configuration dialog: Save stores the chosen page with `pages.config.setConfig`, and
 * the dialog hears success only once Teams has accepted it. The saved settings are read first so
 * someone changing an existing tab starts from its current page.
 */
async function openConfigDialog(pages: typeof TeamsPages): Promise<TabConfigDialog> {
  const saved = await withTimeout(pages.getConfig(), connectTimeoutMs, 'no saved settings').catch(
    () => undefined,
  );
  return {
    savedEntityId: saved?.entityId,
    setValidity: (valid) => pages.config.setValidityState(valid),
    onSave: (settings) => {
      pages.config.registerOnSaveHandler((saveEvent) => {
        const chosen = settings();
        if (!chosen) {
          saveEvent.notifyFailure('Choose the page this tab opens on, then save again.');
          return;
        }
        pages.config.setConfig({ ...chosen }).then(
          () => saveEvent.notifySuccess(),
          (error: unknown) => saveEvent.notifyFailure(messageOf(error)),
        );
      });
    },
  };
}
