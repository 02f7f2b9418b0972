import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { improvementListSchema, type ImprovementList } from '../../src/contracts/feedback.js';
import { getAs } from '../support/http.js';
import { noPageProblems, type OpenedTab, useTabSession } from '../support/chromium.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const member = 'member@demo.example';
const champion = 'champion@demo.example';

describe('workflow improvements on the flags page in the tab', () => {
  const tab = useTabSession({ waitMs });

  const list = (upn: string): Promise<ImprovementList> =>
    getAs(tab.app.url, '/api/improvements', upn, (body) => improvementListSchema.parse(body));
  /** The number a figure of the counts shows, e.g. "Pushed to vendor". */
  const figure = async (page: Page, label: string): Promise<number> => {
    const text = await page
      .getByLabel('Improvement counts')
      .locator('div')
      .filter({ has: page.getByText(label, { exact: true }) })
      .getByRole('definition')
      .innerText();
    return Number(text.replace(/\D/gu, ''));
  };

  const openAs = (upn: string, hash: string): Promise<OpenedTab> => tab.open(upn, hash, 'Flags');

  it('should let a member suggest an improvement that a champion pushes to the vendor', async () => {
    const title = `Pre-fill the expense claim from the receipt (${randomUUID().slice(0, 6)})`;
    const before = await list(champion);

    const suggester = await openAs(member, '#/flags');
    await suggester.page.getByRole('tab', { name: 'Improvements' }).click();
    await suggester.page.getByLabel('Improvement counts').waitFor();
    expect(await figure(suggester.page, 'Suggested')).toBe(before.counts.suggested);

    await suggester.page.getByRole('button', { name: 'Suggest an improvement' }).click();
    const form = suggester.page.getByRole('dialog', { name: 'Suggest an improvement' });
    await form.getByRole('button', { name: 'Send the suggestion' }).click();
    await form.getByText('Write at least 3 characters').waitFor();
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form
      .getByRole('textbox', { name: 'What would change' })
      .fill('We type every line of the receipt by hand; the AI could read the photo.');
    await form.getByRole('combobox', { name: 'Workflow task' }).click();
    const task = suggester.page.getByRole('option').nth(1);
    const taskName = (await task.innerText()).trim();
    await task.click();
    await form.getByRole('button', { name: 'Send the suggestion' }).click();
    await suggester.page.getByText(`Thank you: “${title}” was sent to the AI champions.`).waitFor();
    const row = (page: Page): ReturnType<Page['getByRole']> =>
      page.getByRole('table', { name: 'Improvements' }).getByRole('row').filter({ hasText: title });
    await row(suggester.page).waitFor();
    expect(await row(suggester.page).innerText()).toContain('New');
    expect(await row(suggester.page).innerText()).toContain(taskName);
    await expect
      .poll(() => figure(suggester.page, 'Suggested'), { timeout: waitMs })
      .toBe(before.counts.suggested + 1);

    // A member reads a suggestion but does not decide on it.
    await row(suggester.page).getByRole('button').click();
    const readOnly = suggester.page.getByRole('dialog', { name: title });
    await readOnly
      .getByText('We type every line of the receipt by hand', { exact: false })
      .waitFor();
    expect(await readOnly.getByRole('button', { name: 'Save the status' }).count()).toBe(0);
    expect(suggester.problems).toEqual(noPageProblems);

    // A deep link opens the improvements directly.
    const decider = await openAs(champion, '#/flags?view=improvements');
    await row(decider.page).getByRole('button').click();
    const panel = decider.page.getByRole('dialog', { name: title });
    await panel.getByRole('radio', { name: 'Declined' }).check();
    await panel.getByRole('button', { name: 'Save the status' }).click();
    await panel.getByText('Say why it is declined').first().waitFor();

    await panel.getByRole('radio', { name: 'Pushed to vendor' }).check();
    await panel.getByRole('button', { name: 'Save the status' }).click();
    await panel.getByText('Name the vendor it goes to').waitFor();
    await panel.getByRole('textbox', { name: 'Vendor', exact: true }).fill('Contoso AI');
    await panel.getByRole('textbox', { name: 'The vendor’s reference, or a note' }).fill('FR-88');
    await panel.getByRole('button', { name: 'Save the status' }).click();
    await panel.getByText('Pushed to Contoso AI').waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => row(decider.page).innerText(), { timeout: waitMs })
      .toContain('Pushed to vendor');
    await expect
      .poll(() => figure(decider.page, 'Pushed to vendor'), { timeout: waitMs })
      .toBe(before.counts.pushedToVendor + 1);
    expect(decider.problems).toEqual(noPageProblems);

    const after = await list(member);
    expect(after.items.find((item) => item.title === title)).toMatchObject({
      status: 'pushed-to-vendor',
      vendor: 'Contoso AI',
      statusNote: 'FR-88',
    });
  }, 60_000);
});
