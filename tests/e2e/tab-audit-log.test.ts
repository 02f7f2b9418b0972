import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../src/contracts/audit.js';
import { demoAdminUpn, demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchChromium, noPageProblems, openTabAs, type OpenedTab } from '../support/chromium.js';
import { devHeaders, getAs, request } from '../support/http.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const { champion, member } = demoFixedPeople;

describe('the Audit log section of the Program page', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startTestApp({ LASTMILE_RATE_LIMITS: 'off' }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  /** The Program page as `upn`, with every request it makes to the audit trail from now on. */
  async function openProgram(upn: string): Promise<OpenedTab & { auditRequests: string[] }> {
    const opened = await openTabAs(browser, app.url, upn, '#/program', { waitMs });
    const auditRequests: string[] = [];
    opened.page.on('request', (sent) => {
      const url = new URL(sent.url());
      if (url.pathname === '/api/audit') auditRequests.push(url.search);
    });
    return { ...opened, auditRequests };
  }

  async function openAuditLog(): Promise<OpenedTab & { auditRequests: string[] }> {
    const opened = await openProgram(demoAdminUpn);
    await opened.page.getByRole('heading', { level: 2, name: 'Program set-up' }).waitFor();
    await opened.page.getByRole('tab', { name: 'Audit log' }).click();
    await opened.page.getByRole('combobox', { name: 'Weeks shown' }).waitFor();
    return opened;
  }

  /** Checks, from the page's own record of what it fetched since it started, that it never asked. */
  async function expectNoAuditRequest(page: Page): Promise<void> {
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    // The record is there: the page did ask the API who is calling.
    expect(fetched).toContain('/api/me');
    expect(fetched.filter((pathname) => pathname.startsWith('/api/audit'))).toEqual([]);
  }

  const auditTable = (page: Page): Locator => page.getByRole('table', { name: 'Recorded changes' });

  /** A member suggests an improvement, which is not audited; the champion plans it, which is. */
  async function championPlansAnImprovement(): Promise<string> {
    const suggested = await request(app.url, '/api/improvements', {
      method: 'POST',
      headers: devHeaders(member.upn),
      body: { title: 'Audit log tab test', detail: 'Open practice with a one-minute recap.' },
    });
    expect(suggested.status).toBe(201);
    const id = (suggested.body as { id: string }).id;
    const planned = await request(app.url, `/api/improvements/${encodeURIComponent(id)}/status`, {
      method: 'POST',
      headers: { ...devHeaders(champion.upn), 'if-match': suggested.headers.get('etag') ?? '' },
      body: { status: 'planned' },
    });
    expect(planned.status).toBe(200);
    // The entry is written once the answer has gone: wait for it, a bounded number of times.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const page = await getAs(app.url, '/api/audit?weeks=4', demoAdminUpn, (body) =>
        auditPageSchema.parse(body),
      );
      if (page.entries.some((entry) => entry.targetId === id)) return id;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The champion's change to ${id} never reached the audit trail`);
  }

  it('should show an admin the champion’s change, who made it, how, what and on which item', async () => {
    const { page, problems, auditRequests } = await openAuditLog();
    // Nothing was changed over HTTP yet: seeding the demo store is not a change by anyone.
    await page.getByText('No changes by admins or champions in these weeks').waitFor();

    const id = await championPlansAnImprovement();
    await page.getByRole('combobox', { name: 'Weeks shown' }).click();
    await page.getByRole('option', { name: 'Last 13 weeks' }).click();
    const rows = auditTable(page).getByRole('row').filter({ hasText: id });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const cells = (await rows.getByRole('cell').allInnerTexts()).map((cell) =>
      cell.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).toEqual([
      expect.stringMatching(/\d/),
      `${champion.displayName} AI champion`,
      'Dev sign-in',
      'Changed an improvement’s status POST /api/improvements/:id/status',
      id,
    ]);
    // The member's suggestion is not an admin's or a champion's change.
    expect(await auditTable(page).getByText('Suggested an improvement').count()).toBe(0);
    await page
      .getByText(/^Showing 1 of 1 change in \d{4}-W\d{2} to \d{4}-W\d{2}, newest first\.$/)
      .waitFor();
    expect(auditRequests).toEqual(['?weeks=4', '?weeks=13']);

    // Keyboard: from the weeks picker to the download button, then into the table's scroller.
    await page.getByRole('combobox', { name: 'Weeks shown' }).focus();
    await page.keyboard.press('Tab');
    expect(
      await page
        .getByRole('button', { name: 'Download CSV' })
        .evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);
    await page.keyboard.press('Tab');
    expect(
      await page
        .getByRole('region', { name: 'Recorded changes' })
        .evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);
    expect(problems).toEqual(noPageProblems);
  });

  it('should download the trail of the picked weeks as CSV', async () => {
    const id = await championPlansAnImprovement();
    const { page, problems } = await openAuditLog();
    await auditTable(page).getByRole('row').filter({ hasText: id }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: waitMs }),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('at,actorId,actorName,actorRoles,via,action,targetId,status');
    const line = lines.find((candidate) => candidate.includes(id));
    expect(line).toContain('POST /api/improvements/:id/status');
    expect(line).toContain(champion.displayName);
    expect(problems).toEqual(noPageProblems);
  });

  it('should not show the section to a champion, nor ask for the trail on their behalf', async () => {
    const { page, problems } = await openProgram(champion.upn);
    await page.getByRole('heading', { level: 2, name: 'Program set-up' }).waitFor();
    await page.getByRole('tab', { name: 'Curriculum' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Usage data' }).count()).toBe(0);
    await expectNoAuditRequest(page);
    expect(problems).toEqual(noPageProblems);
  });

  it('should not show the section to a member, nor ask for the trail on their behalf', async () => {
    const { page, problems } = await openProgram(member.upn);
    await page.getByText('This page is for AI champions and admins').waitFor();
    expect(await page.getByRole('tab', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByText('Recorded changes').count()).toBe(0);
    await expectNoAuditRequest(page);
    expect(problems).toEqual(noPageProblems);
  });
});
