import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkpointSchema, type Checkpoint } from '../../src/contracts/adoption.js';
import { getAs } from '../support/http.js';
import { noPageProblems, type OpenedTab, useTabSession } from '../support/chromium.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const champion = 'champion@demo.example';
const member = 'member@demo.example';

describe('the 90-day checkpoint page in the tab', () => {
  const tab = useTabSession({ waitMs });
  let checkpoint: Checkpoint;

  beforeAll(async () => {
    checkpoint = await getAs(tab.app.url, '/api/checkpoint', champion, (body) =>
      checkpointSchema.parse(body),
    );
  });

  const openAs = (upn: string): Promise<OpenedTab> =>
    tab.open(upn, '#/checkpoint', '90-day checkpoint');

  it('should lead with the diagnosis, then time per task with its sample sizes', async () => {
    expect(checkpoint.diagnosis.length, 'the demo program has findings').toBeGreaterThan(0);
    expect(checkpoint.tasks.length, 'the demo program has pulse answers').toBeGreaterThan(0);
    const { page, problems } = await openAs(champion);

    const diagnosis = page.getByRole('list', { name: 'Diagnosis' });
    await diagnosis.waitFor();
    expect(await diagnosis.getByRole('listitem').count()).toBe(checkpoint.diagnosis.length);
    for (const item of checkpoint.diagnosis) {
      const entry = diagnosis.getByRole('listitem').filter({ hasText: item.finding });
      expect(await entry.innerText()).toContain(item.subject.name);
      expect(await entry.innerText()).toContain(item.lookAt);
    }

    const tasks = page.getByRole('table', { name: 'Time per mapped task' });
    const header = await tasks.getByRole('row').first().getByRole('columnheader').allInnerTexts();
    expect(header).toEqual([
      'Task',
      'Department',
      'Baseline',
      'Baseline answers',
      'Now',
      'Answers now',
      'Change',
      'AI helped',
    ]);
    const rows = tasks.getByRole('row');
    expect(await rows.count()).toBe(checkpoint.tasks.length + 1);
    for (const [index, task] of checkpoint.tasks.entries()) {
      const cells = await rows
        .nth(index + 1)
        .getByRole('cell')
        .allInnerTexts();
      expect(cells[0]).toBe(task.name);
      expect(cells[3]).toBe(new Intl.NumberFormat('en-US').format(task.baselineSamples));
      expect(cells[5]).toBe(new Intl.NumberFormat('en-US').format(task.nowSamples));
    }

    // The diagnosis is the first thing on the page, above the figures it draws on.
    const diagnosisTop = (await diagnosis.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    const tasksTop = (await tasks.boundingBox())?.y ?? 0;
    expect(diagnosisTop).toBeLessThan(tasksTop);

    const usage = page.getByRole('table', { name: /Weekly active share/ });
    const overall = await usage.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    expect(overall[0]).toBe('Overall');
    const suppressed = checkpoint.departments.find((department) => department.suppressed);
    if (suppressed) {
      const row = usage.getByRole('row').filter({ hasText: suppressed.name });
      expect(await row.innerText()).toMatch(/withheld for privacy/);
    }
    expect(problems).toEqual(noPageProblems);
  }, 60_000);

  it('should download the checkpoint as CSV and as JSON', async () => {
    const { page, problems } = await openAs(champion);
    await page.getByRole('list', { name: 'Diagnosis' }).waitFor();

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: waitMs }),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    expect(csv.trim().split(/\r?\n/).length).toBeGreaterThan(1);
    expect(csv).toContain(checkpoint.tasks[0]?.name ?? '');

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: waitMs }),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
    const json = checkpointSchema.parse(
      JSON.parse(await readFile(await jsonDownload.path(), 'utf8')),
    );
    expect(json.diagnosis).toEqual(checkpoint.diagnosis);
    expect(problems).toEqual(noPageProblems);
  }, 60_000);

  it('should print the checkpoint alone, without the navigation or its buttons', async () => {
    const { page, problems } = await openAs(champion);
    await page.getByRole('list', { name: 'Diagnosis' }).waitFor();
    // Counts calls instead of opening the print dialog, which headless Chromium cannot show.
    await page.evaluate(`window.__printed = 0; window.print = () => { window.__printed += 1; };`);

    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate('window.__printed')).toBe(1);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Lastmile pages' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('list', { name: 'Diagnosis' }).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Time per mapped task' }).isVisible()).toBe(true);
    expect(problems).toEqual(noPageProblems);
  }, 60_000);

  it('should keep the checkpoint from a member', async () => {
    const { page, problems } = await tab.open(member, '#/checkpoint');

    await page.getByText('This page is for AI champions and admins').waitFor();
    expect(await page.getByRole('list', { name: 'Diagnosis' }).count()).toBe(0);
    expect(problems).toEqual(noPageProblems);
  }, 60_000);
});
