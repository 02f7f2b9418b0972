import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './app.js';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (tests never download a browser). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Flags for a sandboxless container with no network but loopback. */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs],
    timeout: 30_000,
  });
}

/** What went wrong in a page while a test drove it. */
export interface PageProblems {
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Requests that failed outright or were answered with a status of 400 or more. */
  readonly failedRequests: string[];
}

export function watchPageProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.failedRequests.push(
      `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
    );
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(
        `${response.request().method()} ${response.url()}: ${response.status()}`,
      );
    }
  });
  return problems;
}

/** What a page that went well shows: `expect(problems).toEqual(noPageProblems)`. */
export const noPageProblems: PageProblems = { errors: [], failedRequests: [] };

/** A page of the tab and what went wrong in it. */
export interface OpenedTab {
  readonly page: Page;
  readonly problems: PageProblems;
}

/** Chromium's console line for a response it counts as failed, e.g. a deliberate 412. */
export const failedResourceLog = (status: number): RegExp =>
  new RegExp(`^console: Failed to load resource: the server responded with a status of ${status}`);

/**
 * Opens the tab at `hash` in a fresh browser context, in dev mode as the demo person `upn` (the
 * user picker's choice, set before the page loads), watching the page for problems.
 */
export async function openTabAs(
  browser: Browser,
  baseUrl: string,
  upn: string,
  hash: string,
  options: {
    readonly waitMs: number;
    readonly timezoneId?: string;
    readonly permissions?: readonly string[];
  },
): Promise<OpenedTab> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    locale: 'en-US',
    ...(options.timezoneId === undefined ? {} : { timezoneId: options.timezoneId }),
  });
  context.setDefaultTimeout(options.waitMs);
  if (options.permissions !== undefined) {
    await context.grantPermissions([...options.permissions], { origin: baseUrl });
  }
  // Runs in the page (a string, as this project's Node types know no DOM).
  await context.addInitScript(`localStorage.setItem('lastmile.dev.user', ${JSON.stringify(upn)})`);
  const page = await context.newPage();
  const problems = watchPageProblems(page);
  await page.goto(new URL(`/${hash}`, baseUrl).toString());
  return { page, problems };
}

/** The app and the browser a file of tab tests shares. */
export interface TabSession {
  /** The running app (read it inside a test or hook: it starts in `beforeAll`). */
  readonly app: TestApp;
  /** Opens the tab as `upn` (see `openTabAs`); with `heading`, waits for the page's level-2 heading. */
  open(upn: string, hash: string, heading?: string): Promise<OpenedTab>;
}

/**
 * Starts an app on the seeded demo store and Chromium before the file's tests and closes both
 * after them. Call it inside the `describe`, before any hook that uses the app.
 */
export function useTabSession(options: { readonly waitMs: number }): TabSession {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });
  const started = (): { app: TestApp; browser: Browser } => {
    if (app === undefined || browser === undefined) {
      throw new Error('The tab session starts in beforeAll: use it inside a test or a hook');
    }
    return { app, browser };
  };
  return {
    get app(): TestApp {
      return started().app;
    },
    async open(upn, hash, heading): Promise<OpenedTab> {
      const session = started();
      const opened = await openTabAs(session.browser, session.app.url, upn, hash, {
        waitMs: options.waitMs,
      });
      if (heading !== undefined) {
        await opened.page.getByRole('heading', { level: 2, name: heading }).waitFor();
      }
      return opened;
    },
  };
}
