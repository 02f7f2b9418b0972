import { chromium, type Browser, type Page } from 'playwright-core';

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
