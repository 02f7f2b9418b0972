import type { Page } from 'playwright-core';

/**
 * A stand-in for the Teams client around a tab: a page that frames the tab and answers the
 * postMessage calls @microsoft/teams-js makes, so the tab's real teams-js code runs in Chromium.
 * Only the calls the tab makes are answered; every message is logged for the test to inspect.
 * It is served from the tab's own origin, which teams-js accepts as a parent without consulting its
 * list of Microsoft origins.
 */
export interface TeamsHostOptions {
  /**
   * Teams' frameContext for the tab: `settings` in the configuration dialog, `content` in a tab,
   * `sidePanel` in a meeting's side panel.
   */
  readonly frameContext: 'settings' | 'content' | 'sidePanel';
  /** The chat the tab is in (a meeting's chat in a meeting), as Teams reports it in the context. */
  readonly chatId?: string;
  readonly meetingId?: string;
  /** What `authentication.getAuthToken` hands the tab. */
  readonly token: string;
  /** What `pages.getConfig` returns: the settings an existing tab was saved with. */
  readonly savedConfig?: Readonly<Record<string, string>>;
}

/** One message the tab sent to its host. */
export interface HostMessage {
  readonly func: string;
  readonly args: unknown[];
}

export interface TeamsHostPage {
  /** Every message the tab has sent so far, oldest first. */
  messages(): Promise<HostMessage[]>;
  /** Presses the configuration dialog's Save button, as Teams does: a `settings.save` event. */
  pressSave(): Promise<void>;
  /** The framed tab. */
  readonly frame: ReturnType<Page['frameLocator']>;
}

const hostPath = '/__teams-host.html';
const cdnOrigins = /^https:\/\/res\.cdn\.office\.net\/teams-js\//;
const cdnAnswer = { validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] };

function hostHtml(tabUrl: string, options: TeamsHostOptions): string {
  const config = JSON.stringify({ tabUrl, ...options });
  // The script below runs in the browser; it is plain JavaScript inside a string on purpose.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams stand-in</title></head>
<body>
<iframe id="tab" title="Lastmile tab" style="width:100%;height:95vh;border:0"></iframe>
<script>
  const config = ${config.replace(/</g, '\\u003c')};
  const runtime = { apiVersion: 4, supports: { pages: { config: {} }, authentication: {} } };
  const context = {
    locale: 'en-us',
    theme: 'default',
    frameContext: config.frameContext,
    entityId: (config.savedConfig && config.savedConfig.entityId) || '',
    hostClientType: 'web',
    ...(config.chatId ? { chatId: config.chatId } : {}),
    ...(config.meetingId ? { meetingId: config.meetingId } : {}),
  };
  const replies = {
    initialize: () => [config.frameContext, 'web', JSON.stringify(runtime), '2.58.0'],
    getContext: () => [context],
    'settings.getSettings': () => [config.savedConfig || {}],
    'settings.setSettings': () => [true],
    'authentication.getAuthToken': () => [true, config.token],
  };
  const frame = document.getElementById('tab');
  window.teamsHost = {
    log: [],
    send(func, args) {
      frame.contentWindow.postMessage({ func, args }, location.origin);
    },
  };
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || !event.data || typeof event.data.func !== 'string') return;
    const { id, uuid, func, args } = event.data;
    window.teamsHost.log.push({ func, args: args || [] });
    const reply = replies[func];
    if (reply) event.source.postMessage({ id, uuid, args: reply(args || []) }, event.origin);
  });
  frame.src = config.tabUrl;
</script>
</body></html>`;
}

/**
 * Opens `tabUrl` framed in a Teams stand-in. The stand-in page is served by intercepting a path on
 * the tab's origin, so nothing is added to the app under test.
 */
export async function openInTeamsHost(
  page: Page,
  tabUrl: string,
  options: TeamsHostOptions,
): Promise<TeamsHostPage> {
  const hostUrl = new URL(hostPath, tabUrl).toString();
  await page.route(hostUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostHtml(tabUrl, options) }),
  );
  // teams-js fetches Microsoft's list of Teams origins from the Office CDN as it starts; the
  // machine has no network, so the stand-in answers for the CDN as well.
  await page.route(cdnOrigins, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(cdnAnswer) }),
  );
  await page.goto(hostUrl);
  return {
    messages: () => page.evaluate<HostMessage[]>('window.teamsHost.log'),
    pressSave: async () => {
      await page.evaluate("window.teamsHost.send('settings.save', [{}])");
    },
    frame: page.frameLocator('#tab'),
  };
}
