import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreboardSchema, type Scoreboard } from '../../src/contracts/adoption.js';
import { deliveryListSchema, type DeliveryView } from '../../src/contracts/deliveries.js';
import { demoAdminUpn } from '../../src/domain/demo-tenant.js';
import { getAs } from '../support/http.js';
import { noPageProblems, type OpenedTab, useTabSession } from '../support/chromium.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const champion = 'champion@demo.example';
const member = 'member@demo.example';

/** The number at the start of a cell such as "22.4%". */
function percentOf(text: string): number {
  const match = /-?\d+(?:\.\d+)?/.exec(text.replaceAll(',', ''));
  if (!match) throw new Error(`No number in "${text}"`);
  return Number(match[0]);
}

async function cellTexts(row: Locator): Promise<string[]> {
  return row.getByRole('cell').allInnerTexts();
}

describe('the scoreboard page in the tab', () => {
  const tab = useTabSession({ waitMs });
  let board: Scoreboard;

  beforeAll(async () => {
    board = await getAs(tab.app.url, '/api/scoreboard?weeks=8', champion, (body) =>
      scoreboardSchema.parse(body),
    );
  });

  const openAs = (upn: string): Promise<OpenedTab> => tab.open(upn, '#/scoreboard', 'Scoreboard');

  const departmentTable = (page: Page): Locator =>
    page.getByRole('table', { name: 'Departments this week' });

  it('should show the demo program’s departments and its 22% to 71% climb as a table', async () => {
    const { page, problems } = await openAs(champion);
    await departmentTable(page).waitFor();
    const chart = page.getByRole('region', { name: /^Weekly active share of eligible people/ });
    await chart.getByRole('region', { name: /^Overall, line 1 of / }).waitFor();
    // Each point is named by its ISO week and share, as the table alternative shows it.
    const lastWeek = board.weeks.at(-1) ?? '';
    expect(await chart.getByRole('img', { name: `${lastWeek}. Overall, ` }).count()).toBe(1);

    const rows = departmentTable(page).getByRole('row');
    // One header row, then a row per department.
    expect((await rows.count()) - 1).toBeGreaterThanOrEqual(6);
    const suppressed = board.departments.find((department) => department.suppressed);
    if (suppressed) {
      const row = rows.filter({ hasText: suppressed.name });
      expect(await row.innerText()).toContain(
        `Fewer than ${String(board.minGroupSize)} people — withheld for privacy`,
      );
      expect(await row.getByRole('cell').count()).toBe(2);
    }

    await page.getByRole('switch', { name: 'Show as table' }).click();
    const trend = page.getByRole('table', { name: 'Weekly active share by week' });
    await trend.waitFor();
    const header = await trend.getByRole('row').first().getByRole('columnheader').allInnerTexts();
    expect(header.slice(0, 2)).toEqual(['Week', 'Overall']);
    const weekRows = trend.getByRole('row');
    expect(await weekRows.count()).toBe(9);
    const first = await cellTexts(weekRows.nth(1));
    const last = await cellTexts(weekRows.nth(8));
    expect(first[0]).toBe(board.weeks[0]);
    expect(last[0]).toBe(board.weeks[7]);
    expect(percentOf(first[1] ?? '')).toBeGreaterThanOrEqual(20);
    expect(percentOf(first[1] ?? '')).toBeLessThanOrEqual(24);
    expect(percentOf(last[1] ?? '')).toBeGreaterThanOrEqual(69);
    expect(percentOf(last[1] ?? '')).toBeLessThanOrEqual(73);

    // Departments taken off the chart leave the table alternative too.
    const [dropped] = board.departments.filter((department) => !department.suppressed);
    expect(header).toContain(dropped?.name);
    await page.getByRole('combobox', { name: 'Departments shown' }).click();
    await page.getByRole('menuitemcheckbox', { name: dropped?.name ?? '' }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => trend.getByRole('columnheader').allInnerTexts(), { timeout: waitMs })
      .not.toContain(dropped?.name);
    expect(problems).toEqual(noPageProblems);
  }, 60_000);

  it('should nudge a straggler’s lead, who gets the coaching message through the queue', async () => {
    const straggler = board.departments.find(
      (department) => department.straggler === true && (department.leads ?? []).length > 0,
    );
    expect(straggler, 'the demo program has a straggler department with a lead').toBeDefined();
    if (!straggler) return;
    const leads = straggler.leads ?? [];
    const { page, problems } = await openAs(champion);

    const card = page.getByRole('listitem').filter({ hasText: straggler.name });
    await card.getByRole('button', { name: `Nudge lead of ${straggler.name}` }).click();
    const whom = leads.length > 1 ? 'leads' : 'lead';
    const dialog = page.getByRole('dialog', { name: `Nudge the ${whom} of ${straggler.name}` });
    await dialog
      .getByRole('textbox', { name: 'A note from you (optional)' })
      .fill('Try the proposal prompt at Thursday’s stand-up.');
    await dialog.getByRole('button', { name: 'Send the nudge' }).click();
    const names = leads.map((lead) => lead.name);
    const listed =
      names.length > 1
        ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
        : names.join('');
    const confirmation = `Coaching message queued to ${listed}`;
    await card.getByText(confirmation).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(problems).toEqual(noPageProblems);

    // The queue's worker may already have tried it, so look in every state.
    const coaching = async (): Promise<DeliveryView[]> => {
      const lists = await Promise.all(
        (['queued', 'leased', 'sent', 'dead'] as const).map((state) =>
          getAs(tab.app.url, `/api/deliveries?state=${state}`, champion, (body) =>
            deliveryListSchema.parse(body),
          ),
        ),
      );
      return lists
        .flatMap((list) => list.items)
        .filter(({ payload, recipient }) => {
          if (payload.kind !== 'notice' || payload.topic !== 'coaching') return false;
          return recipient.kind === 'person' && leads.some((lead) => lead.id === recipient.userId);
        });
    };
    await expect
      .poll(async () => (await coaching()).length, { timeout: waitMs })
      .toBe(leads.length);
    const [delivery] = await coaching();
    expect(delivery?.payload).toMatchObject({ kind: 'notice', topic: 'coaching' });
    expect(delivery?.payload.kind === 'notice' ? delivery.payload.text : '').toContain(
      'Try the proposal prompt at Thursday’s stand-up.',
    );
  }, 60_000);

  it('should export the scoreboard as a CSV file fetched with the caller’s identity', async () => {
    const { page, problems } = await openAs(champion);
    await departmentTable(page).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: waitMs }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const csv = await readFile(file, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(board.weeks.length);
    for (const week of board.weeks) expect(csv).toContain(week);
    expect(problems).toEqual(noPageProblems);
  }, 60_000);

  it('should show a champion who in a department was active week by week', async () => {
    const department = board.departments.find((candidate) => !candidate.suppressed);
    expect(department).toBeDefined();
    if (!department) return;
    const { page, problems } = await openAs(champion);

    await page.getByRole('button', { name: `Show people in ${department.name}` }).click();
    const grid = page.getByRole('table', { name: `Active weeks in ${department.name}` });
    await grid.waitFor();
    const header = await grid.getByRole('row').first().getByRole('columnheader').allInnerTexts();
    expect(header).toHaveLength(board.weeks.length + 1);
    expect(await grid.getByRole('img', { name: /^Active in / }).count()).toBeGreaterThan(0);
    expect(problems).toEqual(noPageProblems);
  }, 60_000);

  it('should show an admin the departments but no control to see individuals', async () => {
    const { page, problems } = await openAs(demoAdminUpn);
    await departmentTable(page).waitFor();

    expect(await page.getByRole('button', { name: /^Show people in / }).count()).toBe(0);
    expect(await departmentTable(page).getByRole('columnheader', { name: 'People' }).count()).toBe(
      0,
    );
    expect(problems).toEqual(noPageProblems);
  }, 60_000);

  it('should keep the scoreboard from a member', async () => {
    const { page, problems } = await tab.open(member, '#/scoreboard');

    await page.getByText('This page is for AI champions and admins').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    // Runs in the page (a string, as this project's Node types know no DOM).
    const fetched = (await page.evaluate(
      `performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)`,
    )) as string[];
    expect(fetched).toContain('/api/me');
    expect(fetched).not.toContain('/api/scoreboard');
    expect(problems).toEqual(noPageProblems);
  }, 60_000);
});
