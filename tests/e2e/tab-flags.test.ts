import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagListSchema } from '../../src/contracts/feedback.js';
import { startTestApp } from '../support/app.js';
import { getAs } from '../support/http.js';
import {
  launchChromium,
  openTabAs,
  type OpenedTab,
  type PageProblems,
} from '../support/chromium.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const member = 'member@demo.example';
// A generated member of the demo tenant, not involved in the flag.
const otherMember = 'person-001@demo.example';
const champion = 'champion@demo.example';
const flaggedText = 'The summary says revenue grew 40% in Q3, but the report shows 4%.';

describe('the flags page in the tab', () => {
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

  /** A fresh browser profile acting as `upn` (the dev user picker's stored choice). */
  async function openAs(upn: string): Promise<OpenedTab> {
    const opened = await openTabAs(browser, app.url, upn, '#/flags', { waitMs });
    await opened.page.getByRole('heading', { level: 2, name: 'Flags' }).waitFor();
    return opened;
  }

  const noProblems: PageProblems = { errors: [], failedRequests: [] };
  const flagRow = (page: Page): ReturnType<Page['getByRole']> =>
    page.getByRole('table', { name: 'Flags' }).getByRole('row').filter({ hasText: 'revenue grew' });

  it('should let a member raise a flag that a champion reviews and dismisses with a reason', async () => {
    const raiser = await openAs(member);
    await raiser.page.getByRole('button', { name: 'Flag AI output' }).click();
    const form = raiser.page.getByRole('dialog', { name: 'Flag AI output' });
    await form.getByRole('combobox', { name: 'Category' }).click();
    await raiser.page.getByRole('option', { name: 'Wrong' }).click();
    await form
      .getByRole('textbox', { name: 'What you expected' })
      .fill('Growth of 4%, as reported');
    await form.getByRole('textbox', { name: 'The AI output' }).fill(flaggedText);
    await form.getByRole('button', { name: 'Send the flag' }).click();
    await raiser.page.getByText('Thank you: your flag was sent to the AI champions.').waitFor();
    await flagRow(raiser.page).waitFor();
    expect(await flagRow(raiser.page).innerText()).toContain('Open');
    expect(raiser.problems).toEqual(noProblems);

    const flags = await getAs(app.url, '/api/flags', member, (body) => flagListSchema.parse(body));
    const raised = flags.items.find((flag) => flag.outputText === flaggedText);
    expect(raised).toMatchObject({ category: 'wrong', source: 'tab', state: 'open' });

    const other = await openAs(otherMember);
    await other.page.getByText('No flags match.').waitFor();
    expect(await flagRow(other.page).count()).toBe(0);
    expect(other.problems).toEqual(noProblems);

    const triage = await openAs(champion);
    await flagRow(triage.page).getByRole('button').click();
    const panel = triage.page.getByRole('dialog', { name: 'Wrong output' });
    await panel.getByText(flaggedText).waitFor();
    await panel.getByText('Growth of 4%, as reported').waitFor();
    await panel.getByRole('button', { name: 'Start review' }).click();
    await panel.getByRole('button', { name: 'Start review' }).waitFor({ state: 'detached' });
    // The modal panel hides the page behind it: its own badge shows the state.
    await panel.getByText('In review', { exact: true }).waitFor();

    await panel.getByRole('radio', { name: 'Dismissed' }).check();
    await panel.getByRole('button', { name: 'Submit the resolution' }).click();
    const reason = panel.getByRole('textbox', { name: 'Why it is dismissed' });
    await panel.getByText('Fill this in').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');

    await reason.fill('The figure was right in the source; the report was mis-read.');
    await panel.getByRole('button', { name: 'Submit the resolution' }).click();
    await panel.getByRole('region', { name: 'Resolution' }).waitFor();
    await panel.getByText('Resolved', { exact: true }).waitFor();
    expect(await panel.getByRole('button', { name: 'Submit the resolution' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => flagRow(triage.page).innerText(), { timeout: waitMs })
      .toContain('Resolved');
    expect(triage.problems).toEqual(noProblems);

    const after = await getAs(app.url, `/api/flags/${raised?.id ?? ''}`, member, (body) =>
      flagListSchema.shape.items.element.parse(body),
    );
    expect(after).toMatchObject({
      state: 'resolved',
      resolution: {
        action: 'dismissed',
        note: 'The figure was right in the source; the report was mis-read.',
      },
    });
  }, 60_000);
});
