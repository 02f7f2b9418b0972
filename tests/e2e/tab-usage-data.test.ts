import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdminUpn } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { launchChromium, noPageProblems, openTabAs, type OpenedTab } from '../support/chromium.js';
import { copilotRow, type FakeGraph, startFakeGraph } from '../support/fake-graph.js';
import { request } from '../support/http.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('the Usage data section of the Program page', () => {
  let graph: FakeGraph;
  /** Set up to import the Copilot report from the loopback Graph. */
  let app: TestApp;
  /** Without Graph credentials. */
  let bare: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    graph = await startFakeGraph();
    [app, bare, browser] = await Promise.all([
      startTestApp({
        LASTMILE_GRAPH_AUTHORITY_HOST: graph.url,
        LASTMILE_GRAPH_BASE_URL: graph.url,
        AAD_APP_CLIENT_ID: 'lastmile-test-app',
        LASTMILE_GRAPH_CLIENT_SECRET: 'test-client-secret',
      }),
      startTestApp(),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await bare?.dispose();
    await graph?.close();
  });

  async function openUsageData(baseUrl = app.url, upn = demoAdminUpn): Promise<OpenedTab> {
    const opened = await openTabAs(browser, baseUrl, upn, '#/program', {
      waitMs,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await opened.page.getByRole('heading', { level: 2, name: 'Program set-up' }).waitFor();
    await opened.page.getByRole('tab', { name: 'Usage data' }).click();
    await opened.page.getByRole('heading', { name: 'API keys' }).waitFor();
    return opened;
  }

  const ingestWith = (key: string) =>
    request(app.url, '/api/usage-events', {
      method: 'POST',
      headers: { 'x-api-key': key },
      body: {
        events: [
          {
            id: `tab-usage-${key.slice(-8)}`,
            upn: 'member@demo.example',
            occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
            source: 'api',
          },
        ],
      },
    });

  const keyRow = (page: Page, name: string) =>
    page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: name });

  it('should create a key, show it once to copy, and revoke it after a confirmation', async () => {
    const { page, problems } = await openUsageData();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Name the key after the system that will use it.').waitFor();

    await page.getByLabel('Key name').fill('Data warehouse');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('textbox', { name: 'New API key for Data warehouse' });
    await shown.waitFor();
    expect(await shown.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(
      true,
    );
    const key = await shown.inputValue();
    expect(key).toMatch(/^lmk\.[0-9a-f]{16}\./);
    await page.getByRole('button', { name: 'Copy key' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(key);
    expect((await ingestWith(key)).status).toBe(202);

    await page.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    await keyRow(page, 'Data warehouse').getByText('Active').waitFor();
    expect(await keyRow(page, 'Data warehouse').innerText()).toContain(
      key.split('.').slice(0, 2).join('.'),
    );
    expect(await page.content()).not.toContain(key);

    await page.getByRole('button', { name: 'Revoke Data warehouse' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke “Data warehouse”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await ingestWith(key)).status).toBe(202);
    await page.getByRole('button', { name: 'Revoke Data warehouse' }).click();
    await dialog.getByRole('button', { name: 'Revoke the key' }).click();
    await page
      .getByText('“Data warehouse” is revoked: requests with it are now refused.')
      .waitFor();
    await keyRow(page, 'Data warehouse')
      .getByText(/^Revoked /)
      .waitFor();
    expect((await ingestWith(key)).status).toBe(401);
    expect(problems).toEqual(noPageProblems);
  });

  it('should import a usage CSV and list the rejected rows by line', async () => {
    const { page, problems } = await openUsageData();
    const csv = [
      'id,upn,occurredAt,tool',
      `tab-csv-1,lead@demo.example,${yesterday()},ChatGPT`,
      `tab-csv-2,nobody@demo.example,${yesterday()},ChatGPT`,
    ].join('\n');
    const file = { name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Choose a CSV file first.').waitFor();
    await page.getByLabel('Usage CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText('Read 2 rows: 1 event recorded, 0 already recorded before, 1 rejected.')
      .waitFor();
    const rows = await page
      .getByRole('table', { name: 'Rejected rows' })
      .getByRole('row')
      .allInnerTexts();
    expect(rows.slice(1)).toEqual([expect.stringMatching(/^3\s+upn: is not on the roster/)]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText('Read 2 rows: 0 events recorded, 1 already recorded before, 1 rejected.')
      .waitFor();
    expect(problems).toEqual(noPageProblems);
  });

  it('should run the Copilot report import and show what it found', async () => {
    graph.setReport(
      [
        copilotRow('member@demo.example', { wordCopilotLastActivityDate: yesterday() }),
        copilotRow('E58EEF6A6BBD3D0293CB306D24A42057', { lastActivityDate: yesterday() }),
      ],
      1,
    );
    const { page, problems } = await openUsageData();
    const run = page.getByRole('button', { name: 'Import the last 7 days' });
    await run.click();
    await page
      .getByText(
        /^Read 2 pages of the report \(refreshed [\d-]+\): 1 person, 1 usage event; 1 recorded, 0 already recorded before, 0 rejected, 1 concealed name skipped\.$/,
      )
      .waitFor();
    await page.getByText(/1 of 2 rows had concealed user names/).waitFor();
    expect(problems).toEqual(noPageProblems);
  });

  it('should say when the Copilot import is not set up, and show the section to admins only', async () => {
    const { page, problems } = await openUsageData(bare.url);
    await page.getByText('Not set up on this server').waitFor();
    const run = page.getByRole('button', { name: 'Import the last 7 days' });
    expect(await run.getAttribute('aria-disabled')).toBe('true');
    expect(problems).toEqual(noPageProblems);

    const champion = await openTabAs(browser, bare.url, 'champion@demo.example', '#/program', {
      waitMs,
    });
    await champion.page.getByRole('tab', { name: 'Curriculum' }).waitFor();
    expect(await champion.page.getByRole('tab', { name: 'Usage data' }).count()).toBe(0);
  });
});
