import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { peoplePageSchema, type PersonSummary } from '../../src/contracts/people.js';
import { programOverviewSchema } from '../../src/contracts/program.js';
import { demoAdminUpn } from '../../src/domain/demo-tenant.js';
import {
  failedResourceLog,
  noPageProblems,
  type OpenedTab,
  useTabSession,
} from '../support/chromium.js';
import { getAs } from '../support/http.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const header = 'upn,Display Name,department,job family,eligible,role,manager';

function csvFile(
  name: string,
  ...rows: string[]
): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(`${[header, ...rows].join('\r\n')}\r\n`, 'utf8'),
  };
}

describe('the Roster section of the Program page', () => {
  const tab = useTabSession({ waitMs });

  async function openRoster(): Promise<OpenedTab> {
    const opened = await tab.open(demoAdminUpn, '#/program', 'Program set-up');
    await opened.page.getByRole('tab', { name: 'Roster' }).click();
    await opened.page.getByRole('heading', { name: 'Import a roster file' }).waitFor();
    return opened;
  }

  async function choose(page: Page, file: ReturnType<typeof csvFile>): Promise<void> {
    await page.getByLabel('Roster CSV file').setInputFiles(file);
    await page.getByText(`Chosen: ${file.name}`).waitFor();
  }

  const table = (page: Page, name: string): Locator =>
    page.getByRole('region', { name }).getByRole('table');

  async function rowsOf(page: Page, name: string): Promise<string[][]> {
    const rows = await table(page, name).getByRole('row').all();
    const cells = await Promise.all(
      rows.slice(1).map((row) => row.getByRole('cell').allInnerTexts()),
    );
    return cells.map((row) => row.map((cell) => cell.trim()));
  }

  async function person(upn: string): Promise<PersonSummary | undefined> {
    const page = await getAs(
      tab.app.url,
      `/api/people?q=${encodeURIComponent(upn)}`,
      demoAdminUpn,
      (body) => peoplePageSchema.parse(body),
    );
    return page.items.find((item) => item.upn === upn);
  }

  it('should not offer the roster to a champion', async () => {
    const { page, problems } = await tab.open('champion@demo.example', '#/program');
    await page.getByRole('tab', { name: 'Curriculum' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Roster' }).count()).toBe(0);
    expect(problems).toEqual(noPageProblems);
  });

  it('should offer a template that lists every column with the program’s own names', async () => {
    const { page, problems } = await openRoster();
    const link = page.getByRole('link', { name: 'roster template (CSV)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('lastmile-roster-template.csv');
    const text = await readFile(await download.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'upn,displayName,department,jobFamily,eligible,role,manager,objectId',
    );
    const program = await getAs(tab.app.url, '/api/program', demoAdminUpn, (body) =>
      programOverviewSchema.parse(body),
    );
    expect(text.split('\r\n')[1]).toContain(
      `${program.departments[0]?.name ?? 'none'},${program.jobFamilies[0]?.name ?? 'none'}`,
    );
    expect(problems).toEqual(noPageProblems);
  });

  it('should list every row at fault with its line and column, and import nothing', async () => {
    const { page, problems } = await openRoster();
    await choose(
      page,
      csvFile(
        'roster-with-errors.csv',
        'tab-ok@demo.example,Tab Okay,Finance and Operations,operations,true,member,',
        'tab-bad@demo.example,Tab Bad,Marketing,operations,perhaps,member,',
      ),
    );
    await page.getByRole('button', { name: 'Check the file' }).click();
    await table(page, 'Rows to fix').waitFor();
    expect(await rowsOf(page, 'Rows to fix')).toEqual([
      ['3', 'Department', expect.stringContaining('"Marketing" is not a department') as string],
      ['3', 'Eligible', 'must be true or false (yes/no or 1/0 also work)'],
    ]);
    await expect
      .poll(() => page.getByRole('button', { name: /^Import/u }).getAttribute('aria-disabled'))
      .toBe('true');
    expect(await person('tab-ok@demo.example')).toBeUndefined();
    expect(problems.failedRequests).toEqual([
      expect.stringMatching(/^POST .*\/api\/roster\/import\?dryRun=true: 422$/u),
    ]);
    expect(problems.errors).toEqual([expect.stringMatching(failedResourceLog(422))]);
  });

  it('should check a good file, show what changes, import it and then find nothing to change', async () => {
    const { page, problems } = await openRoster();
    const file = csvFile(
      'roster.csv',
      'tab-new@demo.example,Tab Newcomer,Finance and Operations,Operations and support,yes,,',
      'person-030@demo.example,Renamed In The Tab,strategy-consulting,consulting,true,,',
    );
    await choose(page, file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByText('The file is ready: 2 rows, 1 new person, 1 updated, 0 unchanged.')
      .waitFor();
    const changes = await rowsOf(page, 'What the import will change');
    expect(changes[0]).toEqual(['2', 'tab-new@demo.example', 'New person']);
    expect(changes[1]?.slice(0, 2)).toEqual(['3', 'person-030@demo.example']);
    expect(changes[1]?.[2]).toContain('display name');
    expect(await person('tab-new@demo.example')).toBeUndefined();

    await page.getByRole('button', { name: 'Import 2 changes' }).click();
    await page.getByText('Roster imported').waitFor();
    await page.getByText('Imported 2 rows: 1 new person, 1 updated, 0 unchanged.').waitFor();
    expect(await person('tab-new@demo.example')).toMatchObject({
      displayName: 'Tab Newcomer',
      departmentId: 'finance-operations',
      jobFamilyId: 'operations',
      role: 'member',
    });
    expect((await person('person-030@demo.example'))?.displayName).toBe('Renamed In The Tab');

    await choose(page, file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page
      .getByText('Every row already matches the roster: there is nothing to import.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Import' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(problems).toEqual(noPageProblems);
  });
});
