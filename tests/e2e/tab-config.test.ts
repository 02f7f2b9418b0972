import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.js';
import { launchChromium, watchPageProblems, type PageProblems } from '../support/chromium.js';
import { signAccessToken, startLoopbackEntra, type LoopbackEntra } from '../support/entra.js';
import {
  openInTeamsHost,
  type HostMessage,
  type TeamsHostOptions,
  type TeamsHostPage,
} from '../support/teams-host-page.js';

const everyonePages = ['Home', 'Library', 'Workflows', 'Practice', 'Flags'];
const championPages = [...everyonePages, 'Scoreboard', 'Checkpoint', 'Program'];
// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const noProblems: PageProblems = { errors: [], failedRequests: [] };

interface OpenedPage {
  readonly page: Page;
  readonly problems: PageProblems;
  /** The path of every /api request the page made. */
  readonly apiPaths: string[];
}

/** A fresh browser profile (empty localStorage) on the given hash, in a light system theme. */
async function open(browser: Browser, baseUrl: string, hash: string): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    locale: 'en-US',
  });
  context.setDefaultTimeout(waitMs);
  const page = await context.newPage();
  const problems = watchPageProblems(page);
  const apiPaths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) apiPaths.push(url.pathname);
  });
  await page.goto(new URL(`/${hash}`, baseUrl).toString());
  return { page, problems, apiPaths };
}

function pageChoice(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('radiogroup', { name: /^Open the tab on/ });
}

async function choiceNames(page: Page): Promise<string[]> {
  const radios = pageChoice(page).getByRole('radio');
  await radios.first().waitFor();
  const names: string[] = [];
  for (const radio of await radios.all()) {
    const labelledBy = (await radio.getAttribute('aria-labelledby')) ?? '';
    names.push(await page.locator(`[id="${labelledBy}"]`).innerText());
  }
  return names;
}

async function checkedChoice(page: Page): Promise<string | undefined> {
  return (await pageChoice(page).locator('input:checked').getAttribute('value')) ?? undefined;
}

describe('the tab configuration page in a browser outside Teams', () => {
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

  const saveNote = (page: Page): ReturnType<Page['getByText']> =>
    page.getByText('Saving only works inside Teams');

  it('should offer the pages the demo champion may open, note that saving needs Teams, and show no navigation', async () => {
    const { page, problems } = await open(browser, app.url, '#/config');

    await page.getByRole('heading', { level: 1, name: 'Choose what this tab shows' }).waitFor();
    expect(await choiceNames(page)).toEqual(championPages);
    expect(await checkedChoice(page)).toBe('home');
    await saveNote(page).waitFor();
    const note = await page.getByText(/In Teams, Save would add a tab/).innerText();
    expect(note).toContain('“Lastmile”');
    expect(note).toContain(`${new URL(app.url).origin}/#/home`);
    expect(await page.getByRole('navigation', { name: 'Lastmile pages' }).count()).toBe(0);
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.title()).toBe('Tab settings · Lastmile');
    expect(problems).toEqual(noProblems);
  });

  it('should describe each page and say which ones only some roles can open', async () => {
    const { page, problems } = await open(browser, app.url, '#/config');

    const library = pageChoice(page).getByRole('radio', { name: 'Library' });
    const libraryDescription = await page
      .locator(`[id="${await library.getAttribute('aria-describedby')}"]`)
      .innerText();
    expect(libraryDescription).toContain('The prompts that work for your job');
    expect(libraryDescription).not.toContain('can open it');

    const scoreboard = pageChoice(page).getByRole('radio', { name: 'Scoreboard' });
    const scoreboardDescription = await page
      .locator(`[id="${await scoreboard.getAttribute('aria-describedby')}"]`)
      .innerText();
    expect(scoreboardDescription).toContain('Weekly active usage');
    expect(scoreboardDescription).toContain('Only AI champions and admins can open it');
    expect(problems).toEqual(noProblems);
  });

  it('should change the choice with the arrow keys and show what Save would store', async () => {
    const { page, problems } = await open(browser, app.url, '#/config');
    await pageChoice(page).getByRole('radio', { name: 'Home' }).focus();

    await page.keyboard.press('ArrowDown');

    await expect.poll(() => checkedChoice(page), { timeout: waitMs }).toBe('library');
    const note = page.getByText(/In Teams, Save would add a tab/);
    await expect
      .poll(() => note.innerText(), { timeout: waitMs })
      .toContain(`${new URL(app.url).origin}/#/library`);
    expect(await note.innerText()).toContain('“Lastmile Library”');

    await page.getByRole('link', { name: `${new URL(app.url).origin}/#/library` }).click();

    await page.getByRole('heading', { level: 2, name: 'Prompt library' }).waitFor();
    await page.getByRole('navigation', { name: 'Lastmile pages' }).waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('should offer a member only the pages everyone may open', async () => {
    const { page, problems } = await open(browser, app.url, '#/config');
    await pageChoice(page).getByRole('radio', { name: 'Scoreboard' }).check();
    expect(await checkedChoice(page)).toBe('scoreboard');

    await page.getByRole('combobox', { name: 'View as' }).fill('member');
    await page.getByRole('option', { name: /member@demo\.example/ }).click();

    await expect.poll(() => choiceNames(page), { timeout: waitMs }).toEqual(everyonePages);
    // The champion's pick is not one the member may open, so the choice falls back to Home.
    expect(await checkedChoice(page)).toBe('home');
    expect(problems).toEqual(noProblems);
  });

  it('should show the privacy statement without calling the API', async () => {
    const { page, problems, apiPaths } = await open(browser, app.url, '#/privacy');

    await page.getByRole('heading', { level: 2, name: 'Privacy statement' }).waitFor();
    expect(await page.title()).toBe('Privacy statement · Lastmile');
    expect(apiPaths).toEqual([]);
    expect(problems).toEqual(noProblems);
  });
});

describe('the privacy statement and terms of use when the server does not accept dev identities', () => {
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

  it('should show the privacy statement to someone who is not signed in', async () => {
    const { page, problems, apiPaths } = await open(browser, app.url, '#/privacy');

    await page.getByRole('heading', { level: 2, name: 'Privacy statement' }).waitFor();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Lastmile' }).isVisible(),
    ).resolves.toBe(true);
    for (const section of ['What Lastmile keeps', 'Who sees what', 'Where it lives']) {
      await expect(
        page.getByRole('heading', { level: 3, name: section }).isVisible(),
      ).resolves.toBe(true);
    }
    await expect(page.getByText('Azure Cosmos DB').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('navigation', { name: 'Lastmile pages' }).count()).toBe(0);
    expect(await page.getByText('Open Lastmile in Microsoft Teams').count()).toBe(0);
    expect(apiPaths).toEqual([]);
    expect(problems).toEqual(noProblems);
  });

  it('should show the terms of use to someone who is not signed in, linked to the privacy statement', async () => {
    const { page, problems, apiPaths } = await open(browser, app.url, '#/terms');

    await page.getByRole('heading', { level: 2, name: 'Terms of use' }).waitFor();
    expect(await page.title()).toBe('Terms of use · Lastmile');
    expect(await page.getByRole('navigation', { name: 'Lastmile pages' }).count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'Lastmile documents' })
      .getByRole('link', { name: 'Privacy statement' })
      .click();

    await page.getByRole('heading', { level: 2, name: 'Privacy statement' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/privacy');
    expect(apiPaths).toEqual([]);
    expect(problems).toEqual(noProblems);
  });

  it('should ask for the configuration page to be opened in Teams', async () => {
    const { page } = await open(browser, app.url, '#/config');

    await page.getByRole('heading', { name: 'Open Lastmile in Microsoft Teams' }).waitFor();
    expect(await pageChoice(page).count()).toBe(0);
  });
});

describe('the tab configuration page inside Teams', () => {
  const clientId = '6a1b0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  const people = {
    champion: '00000000-0000-4000-8000-00000000c001',
    member: '00000000-0000-4000-8000-00000000c003',
  };
  let entra: LoopbackEntra;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;

  beforeAll(async () => {
    entra = await startLoopbackEntra();
    app = await startTestApp({
      LASTMILE_DEV_IDENTITY: 'false',
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_ID_URI: `api://localhost/${clientId}`,
      AAD_JWKS_URL: entra.jwksUrl,
      AAD_ISSUER_TEMPLATE: entra.issuerTemplate,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await entra?.close();
  });

  interface TeamsTab {
    readonly host: TeamsHostPage;
    readonly page: Page;
    readonly problems: PageProblems;
  }

  /** The configuration page framed in the Teams stand-in, signed in as one of the demo people. */
  async function openConfigInTeams(
    person: keyof typeof people,
    options: Omit<TeamsHostOptions, 'token'>,
  ): Promise<TeamsTab> {
    const token = await signAccessToken({
      key: entra.key,
      issuer: entra.issuerFor('demo'),
      audience: clientId,
      tenantId: 'demo',
      objectId: people[person],
    });
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    context.setDefaultTimeout(waitMs);
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    const host = await openInTeamsHost(page, new URL('/#/config', app.url).toString(), {
      ...options,
      token,
    });
    return { host, page, problems };
  }

  const calls = async (host: TeamsHostPage, func: string): Promise<unknown[][]> =>
    (await host.messages()).filter((message) => message.func === func).map((m) => m.args);

  const funcs = async (host: TeamsHostPage): Promise<string[]> =>
    (await host.messages()).map((message: HostMessage) => message.func);

  it('should save the chosen page with pages.config.setConfig when Teams presses Save', async () => {
    const { host, problems } = await openConfigInTeams('champion', { frameContext: 'settings' });
    const choice = host.frame.getByRole('radiogroup', { name: /^Open the tab on/ });
    await choice.getByRole('radio', { name: 'Home' }).waitFor();

    expect(await host.frame.getByRole('navigation').count()).toBe(0);
    expect(await host.frame.getByText('Saving only works inside Teams').count()).toBe(0);
    // Save stays disabled until the choice is known, and is enabled once it is.
    await expect
      .poll(async () => (await calls(host, 'settings.setValidityState')).at(-1), {
        timeout: waitMs,
      })
      .toEqual([true]);
    expect(await calls(host, 'registerHandler')).toContainEqual(['save']);
    expect(await funcs(host)).toEqual(
      expect.arrayContaining(['appInitialization.appLoaded', 'appInitialization.success']),
    );

    await choice.getByRole('radio', { name: 'Scoreboard' }).check();
    await host.pressSave();

    await expect.poll(() => funcs(host), { timeout: waitMs }).toContain('settings.save.success');
    const origin = new URL(app.url).origin;
    expect(await calls(host, 'settings.setSettings')).toEqual([
      [
        {
          entityId: 'lastmile-scoreboard',
          contentUrl: `${origin}/#/scoreboard`,
          websiteUrl: `${origin}/#/scoreboard`,
          suggestedDisplayName: 'Lastmile Scoreboard',
        },
      ],
    ]);
    expect(await funcs(host)).not.toContain('settings.save.failure');
    expect(problems).toEqual(noProblems);
  });

  it('should start from the page an existing tab opens on, among the pages a member may open', async () => {
    const { host, problems } = await openConfigInTeams('member', {
      frameContext: 'settings',
      savedConfig: { entityId: 'lastmile-practice', contentUrl: `${app.url}/#/practice` },
    });
    const choice = host.frame.getByRole('radiogroup', { name: /^Open the tab on/ });
    await choice.getByRole('radio', { name: 'Practice' }).waitFor();

    expect(await choice.getByRole('radio').count()).toBe(everyonePages.length);
    expect(await choice.locator('input:checked').getAttribute('value')).toBe('practice');
    await host.pressSave();

    await expect.poll(() => funcs(host), { timeout: waitMs }).toContain('settings.save.success');
    expect(await calls(host, 'settings.setSettings')).toEqual([
      [expect.objectContaining({ entityId: 'lastmile-practice' })],
    ]);
    expect(problems).toEqual(noProblems);
  });

  it('should say there is nothing to save when Teams opens the page outside its dialog', async () => {
    const { host, problems } = await openConfigInTeams('champion', { frameContext: 'content' });

    await host.frame.getByText('Nothing to save here').waitFor();
    expect(await funcs(host)).not.toContain('settings.setValidityState');
    expect(await calls(host, 'registerHandler')).not.toContainEqual(['save']);
    expect(problems).toEqual(noProblems);
  });
});
