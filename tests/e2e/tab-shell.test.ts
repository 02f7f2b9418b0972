import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  devTenantHeader,
  devUserHeader,
  meResponseSchema,
  type MeResponse,
} from '../../src/contracts/identity.js';
import { programOverviewSchema, type ProgramOverview } from '../../src/contracts/program.js';
import { startTestApp } from '../support/app.js';
import { getAs } from '../support/http.js';
import { launchChromium, watchPageProblems, type PageProblems } from '../support/chromium.js';

const everyoneTabs = ['Home', 'Library', 'Workflows', 'Practice', 'Flags'];
const championTabs = [...everyoneTabs, 'Scoreboard', 'Checkpoint', 'Program'];
// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;

interface ApiCall {
  readonly path: string;
  readonly devTenant: string | undefined;
  readonly devUser: string | undefined;
}

interface OpenedTab {
  readonly page: Page;
  readonly problems: PageProblems;
  /** Every /api request the tab made, with the dev identity headers it sent. */
  readonly apiCalls: ApiCall[];
}

/** Reads an `rgb(r, g, b)` colour and returns its relative luminance (0 black to 1 white). */
function luminance(cssColour: string): number {
  const channels =
    cssColour
      .match(/\d+(\.\d+)?/g)
      ?.slice(0, 3)
      .map(Number) ?? [];
  if (channels.length !== 3) throw new Error(`not an rgb colour: ${cssColour}`);
  const [r = 0, g = 0, b = 0] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the Lastmile tab in a browser outside Teams', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  const apiAs = <T>(path: string, upn: string, parse: (body: unknown) => T): Promise<T> =>
    getAs(app.url, path, upn, parse);

  const meOf = (upn: string): Promise<MeResponse> =>
    apiAs('/api/me', upn, (body) => meResponseSchema.parse(body));
  const program = (): Promise<ProgramOverview> =>
    apiAs('/api/program', 'champion@demo.example', (body) => programOverviewSchema.parse(body));

  /** A fresh browser profile (empty localStorage) on the tab, in a light system theme. */
  async function openTab(hash = ''): Promise<OpenedTab> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
      locale: 'en-US',
    });
    context.setDefaultTimeout(waitMs);
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    const apiCalls: ApiCall[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/')) return;
      const headers = request.headers();
      apiCalls.push({
        path: url.pathname,
        devTenant: headers[devTenantHeader],
        devUser: headers[devUserHeader],
      });
    });
    await page.goto(new URL(`/${hash}`, app.url).toString());
    await page
      .getByRole('navigation', { name: 'Lastmile pages' })
      .getByRole('tab')
      .first()
      .waitFor();
    return { page, problems, apiCalls };
  }

  async function tabNames(page: Page): Promise<string[]> {
    return page
      .getByRole('navigation', { name: 'Lastmile pages' })
      .getByRole('tab')
      .allInnerTexts();
  }

  async function signedInName(page: Page): Promise<string> {
    const group = page.getByRole('banner').getByRole('group', { name: /^Signed in as / });
    await group.waitFor();
    return (await group.getAttribute('aria-label'))?.replace(/^Signed in as /, '') ?? '';
  }

  async function pickUser(page: Page, upn: string): Promise<void> {
    const picker = page.getByRole('combobox', { name: 'View as' });
    await picker.fill(upn.slice(0, upn.indexOf('@')));
    await page.getByRole('option', { name: new RegExp(upn.replace(/\./g, '\\.')) }).click();
  }

  const noProblems: PageProblems = { errors: [], failedRequests: [] };

  it('should render the shell as the demo champion, with every page in the navigation', async () => {
    const champion = await meOf('champion@demo.example');
    const { page, problems, apiCalls } = await openTab();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Lastmile' }).isVisible(),
    ).resolves.toBe(true);
    expect(await tabNames(page)).toEqual(championTabs);
    expect(await signedInName(page)).toBe(champion.displayName ?? champion.upn);
    expect(await page.getByRole('tab', { name: 'Home' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls).toEqual(
      apiCalls.map((call) => ({ ...call, devTenant: 'demo', devUser: 'champion@demo.example' })),
    );
    expect(problems).toEqual(noProblems);
  });

  it('should show the program overview from the API on the home page', async () => {
    const overview = await program();
    const { page, problems } = await openTab();

    const departments = page.getByRole('table', { name: 'Departments' });
    await departments.waitFor();
    expect(await departments.getByRole('row').count()).toBe(overview.departments.length + 1);
    const families = page.getByRole('table', { name: 'Job families' });
    expect(await families.getByRole('row').count()).toBe(overview.jobFamilies.length + 1);
    const headcount = new Intl.NumberFormat('en-US').format(overview.headcount);
    await expect(page.getByText(headcount, { exact: true }).isVisible()).resolves.toBe(true);
    expect(problems).toEqual(noProblems);
  });

  it('should act as the member picked in the user picker and hide the champion-only pages', async () => {
    const member = await meOf('member@demo.example');
    const { page, problems, apiCalls } = await openTab();

    await pickUser(page, 'member@demo.example');

    await expect
      .poll(() => signedInName(page), { timeout: waitMs })
      .toBe(member.displayName ?? member.upn);
    expect(await tabNames(page)).toEqual(everyoneTabs);
    expect(apiCalls.filter((call) => call.path === '/api/me').at(-1)?.devUser).toBe(
      'member@demo.example',
    );

    await page.reload();
    await expect
      .poll(() => signedInName(page), { timeout: waitMs })
      .toBe(member.displayName ?? member.upn);
    expect(await page.getByRole('combobox', { name: 'View as' }).inputValue()).toBe(
      'member@demo.example',
    );
    expect(problems).toEqual(noProblems);
  });

  it('should tell a member that a champion-only deep link is not for them', async () => {
    const { page, problems } = await openTab();
    await pickUser(page, 'member@demo.example');
    await expect.poll(() => tabNames(page), { timeout: waitMs }).toEqual(everyoneTabs);

    await page.goto(new URL('/#/scoreboard', app.url).toString());

    await page.getByText('This page is for AI champions and admins').waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('should move between pages with the arrow keys and Enter', async () => {
    const { page, problems } = await openTab();
    await page.getByRole('tab', { name: 'Home' }).focus();

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');

    const workflows = page.getByRole('tab', { name: 'Workflows' });
    await expect
      .poll(() => workflows.getAttribute('aria-selected'), { timeout: waitMs })
      .toBe('true');
    expect(await page.locator(':focus').innerText()).toBe('Workflows');
    expect(new URL(page.url()).hash).toBe('#/workflows');
    await page.getByRole('heading', { level: 2, name: 'Workflows' }).waitFor();

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 2, name: 'Prompt library' }).waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('should open the page a deep link names', async () => {
    const { page, problems } = await openTab('#/scoreboard');

    await page.getByRole('heading', { level: 2, name: 'Scoreboard' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Scoreboard' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(problems).toEqual(noProblems);
  });

  it('should apply the dark theme when it is chosen, and keep it', async () => {
    const { page, problems } = await openTab();
    const background = (): Promise<string> =>
      page.evaluate<string>(
        "getComputedStyle(document.querySelector('[data-theme]')).backgroundColor",
      );
    expect(luminance(await background())).toBeGreaterThan(0.7);

    await page.getByRole('combobox', { name: 'Theme' }).click();
    await page.getByRole('option', { name: 'Dark' }).click();

    await page.locator('[data-theme="dark"]').waitFor();
    expect(luminance(await background())).toBeLessThan(0.1);
    await page.reload();
    await page.locator('[data-theme="dark"]').waitFor();
    expect(problems).toEqual(noProblems);
  });
});

describe('the Lastmile tab outside Teams when the server does not accept dev identities', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ LASTMILE_DEV_IDENTITY: 'false' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('should ask for the tab to be opened in Teams instead of showing the shell', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(waitMs);
    const problems = watchPageProblems(page);

    await page.goto(app.url);

    await page.getByRole('heading', { name: 'Open Lastmile in Microsoft Teams' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Lastmile pages' }).count()).toBe(0);
    // The refused dev roster probe is how the tab learns it is outside Teams; nothing else may fail.
    expect(problems.failedRequests).toEqual([
      expect.stringMatching(/\/api\/dev\/roster\?.*: (401|404)$/),
    ]);
    expect(problems.errors).toEqual([expect.stringMatching(/Failed to load resource.*(401|404)/)]);
  });
});
