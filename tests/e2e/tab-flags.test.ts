import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagListSchema, flagViewSchema } from '../../src/contracts/feedback.js';
import { demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { startTestApp } from '../support/app.js';
import { devHeaders, getAs, request } from '../support/http.js';
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
    page.getByRole('table', { name: 'Flags' }).getByRole('row').filter({ hasText: '40% in Q3' });

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
    // The demo data may hold flags this person raised; the new one is not theirs to see.
    await other.page
      .getByRole('table', { name: 'Flags' })
      .or(other.page.getByText('No flags match.'))
      .waitFor();
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

  it('should let a champion assign a flag to someone found on the roster, who then finds it as theirs', async () => {
    const text = `The draft cites regulation ${randomUUID().slice(0, 8)}, which does not exist.`;
    const raised = await request(app.url, '/api/flags', {
      method: 'POST',
      headers: devHeaders(member),
      body: { category: 'unsafe', expected: 'Only real regulations', outputText: text },
    });
    expect(raised.status).toBe(201);
    const id = flagViewSchema.parse(raised.body).id;
    const row = (page: Page): ReturnType<Page['getByRole']> =>
      page.getByRole('table', { name: 'Flags' }).getByRole('row').filter({ hasText: text });
    const lead = demoFixedPeople.lead;

    const triage = await openAs(champion);
    await row(triage.page).getByRole('button').click();
    const panel = triage.page.getByRole('dialog', { name: 'Unsafe output' });
    await panel.getByText('No one reviews this flag yet.').waitFor();
    const picker = panel.getByRole('combobox', { name: 'Assign to' });
    await panel.getByRole('button', { name: 'Assign' }).click();
    await panel.getByText('Choose someone from the list').waitFor();

    await picker.fill('lead@demo');
    await triage.page.getByRole('option', { name: new RegExp(lead.displayName, 'u') }).click();
    expect(await picker.inputValue()).toBe(lead.displayName);
    await panel.getByRole('button', { name: 'Assign' }).click();
    await panel.getByText(`${lead.displayName} reviews this flag.`).waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => row(triage.page).innerText(), { timeout: waitMs })
      .toContain(lead.displayName);
    expect(triage.problems).toEqual(noProblems);

    const reviewer = await openAs(lead.upn);
    await reviewer.page.getByRole('checkbox', { name: 'Assigned to me' }).check();
    await row(reviewer.page).waitFor();
    await row(reviewer.page).getByRole('button').click();
    await reviewer.page
      .getByRole('dialog', { name: 'Unsafe output' })
      .getByRole('button', { name: 'Start review' })
      .waitFor();
    // Assigning is a champion's: the reviewer sees no picker.
    expect(await reviewer.page.getByRole('combobox', { name: 'Assign to' }).count()).toBe(0);
    expect(reviewer.problems).toEqual(noProblems);

    const after = await getAs(app.url, `/api/flags/${encodeURIComponent(id)}`, champion, (body) =>
      flagViewSchema.parse(body),
    );
    expect(after).toMatchObject({ reviewerId: lead.id, reviewerName: lead.displayName });
  }, 60_000);
});
