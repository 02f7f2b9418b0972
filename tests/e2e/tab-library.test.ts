import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  promptPageSchema,
  promptViewSchema,
  type PromptView,
} from '../../src/contracts/prompts.js';
import { startTestApp } from '../support/app.js';
import { getAs } from '../support/http.js';
import {
  failedResourceLog,
  launchChromium,
  openTabAs,
  type OpenedTab,
  type PageProblems,
} from '../support/chromium.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const champion = 'champion@demo.example';
const member = 'member@demo.example';
// A published prompt with four variables, owned by someone other than the fixed demo people.
const coverEmailId = 'p-proposal-cover-email';
const coverEmailTitle = 'Cover email to send a proposal';

describe('the prompt library in the tab', () => {
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

  const api = <T>(path: string, upn: string, parse: (body: unknown) => T): Promise<T> =>
    getAs(app.url, path, upn, parse);

  const promptAs = (id: string, upn = champion): Promise<PromptView> =>
    api(`/api/prompts/${id}`, upn, (body) => promptViewSchema.parse(body));

  /** A fresh browser profile acting as `upn` (the dev user picker's stored choice). */
  async function openAs(upn: string, hash: string): Promise<OpenedTab> {
    const { page, problems } = await openTabAs(browser, app.url, upn, hash, {
      waitMs,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    // A deep link to a prompt opens its panel, which hides the page behind it from assistive tech.
    await page
      .getByRole('heading', { level: 2, name: 'Prompt library' })
      .or(page.getByRole('dialog'))
      .first()
      .waitFor();
    return { page, problems };
  }

  /** The open prompt's panel, named by the prompt's title while it has that title. */
  async function promptPanel(page: Page, title: string): Promise<Locator> {
    await page.getByRole('dialog', { name: title }).waitFor();
    // Saving a new title renames the panel, so later steps find it by role alone.
    return page.getByRole('dialog');
  }

  async function editTitle(panel: Locator, title: string): Promise<void> {
    await panel.getByRole('tab', { name: 'Edit' }).click();
    await panel.getByRole('textbox', { name: 'Title' }).fill(title);
  }

  const noProblems: PageProblems = { errors: [], failedRequests: [] };

  it('should find prompts for "proposal", fill one in and copy it as a counted use', async () => {
    const expected = await api('/api/prompts?q=proposal&limit=20', champion, (body) =>
      promptPageSchema.parse(body),
    );
    const usedBefore = (await promptAs(coverEmailId)).usageCount;
    const { page, problems } = await openAs(champion, '#/library');

    const searched = page.waitForResponse((response) => response.url().includes('q=proposal'));
    await page.getByRole('searchbox', { name: 'Search prompts' }).fill('proposal');
    await searched;
    const results = page.getByRole('region', { name: 'Search results' });
    await expect
      .poll(() => results.getByRole('heading', { level: 3 }).allInnerTexts(), { timeout: waitMs })
      .toEqual(expected.items.map((prompt) => prompt.title));

    await results.getByRole('link', { name: coverEmailTitle }).click();
    const panel = await promptPanel(page, coverEmailTitle);
    expect(new URL(page.url()).hash).toBe(`#/library/${coverEmailId}`);
    await panel.getByRole('textbox', { name: 'Recipient name' }).fill('Priya Shah');
    await panel.getByRole('textbox', { name: 'Client name' }).fill('Contoso');
    await panel.getByRole('textbox', { name: 'Key points' }).fill('faster close, less rework');
    await panel.getByRole('button', { name: 'Fill in the prompt' }).click();
    const filled = panel.getByRole('group', { name: 'Filled prompt' });
    await filled.getByText('sending a proposal to Priya Shah at Contoso.').waitFor();
    // The optional next step fell back to its default.
    await filled.getByText('Agreed next step: a 30-minute call to walk through it').waitFor();

    await panel.getByRole('button', { name: 'Copy' }).click();
    await panel.getByText('Copied to the clipboard.').waitFor();
    const clipboard = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(clipboard).toBe(await filled.innerText());
    await expect
      .poll(async () => (await promptAs(coverEmailId)).usageCount, { timeout: waitMs })
      .toBe(usedBefore + 1);
    // The demo program inserted some prompts already, so the count goes up from where it was.
    const used = usedBefore + 1;
    await panel.getByText(used === 1 ? 'Used once' : `Used ${String(used)} times`).waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('should save an edit, refuse a stale one with the latest version shown, and save again after reloading', async () => {
    const first = await openAs(champion, `#/library/${coverEmailId}`);
    const firstPanel = await promptPanel(first.page, coverEmailTitle);
    const startVersion = (await promptAs(coverEmailId)).version;

    await editTitle(firstPanel, 'Cover email for a proposal');
    await firstPanel.getByRole('button', { name: 'Save changes' }).click();
    await firstPanel.getByText(`Saved as version ${startVersion + 1}.`).waitFor();
    expect((await promptAs(coverEmailId)).title).toBe('Cover email for a proposal');

    // The same champion edits in a second window and saves first.
    await firstPanel.getByRole('textbox', { name: 'Title' }).fill('Cover email, first window');
    const second = await openAs(champion, `#/library/${coverEmailId}`);
    const secondPanel = await promptPanel(second.page, 'Cover email for a proposal');
    await editTitle(secondPanel, 'Cover email, second window');
    await secondPanel.getByRole('button', { name: 'Save changes' }).click();
    await secondPanel.getByText(`Saved as version ${startVersion + 2}.`).waitFor();

    const refused = first.page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.status() === 412,
    );
    await firstPanel.getByRole('button', { name: 'Save changes' }).click();
    await refused;
    await firstPanel.getByText('Someone else changed this prompt').waitFor();
    const latest = firstPanel.getByRole('group', {
      name: `Latest version (${startVersion + 2})`,
    });
    await latest.getByText('Title: Cover email, second window').waitFor();
    expect((await promptAs(coverEmailId)).title).toBe('Cover email, second window');

    await firstPanel.getByRole('button', { name: 'Load the latest version' }).click();
    const title = firstPanel.getByRole('textbox', { name: 'Title' });
    expect(await title.inputValue()).toBe('Cover email, second window');
    await title.fill('Cover email to send a proposal, reviewed');
    await firstPanel.getByRole('button', { name: 'Save changes' }).click();
    await firstPanel.getByText(`Saved as version ${startVersion + 3}.`).waitFor();
    expect((await promptAs(coverEmailId)).title).toBe('Cover email to send a proposal, reviewed');

    await firstPanel.getByRole('tab', { name: 'History' }).click();
    await firstPanel.getByText(`Version ${startVersion + 3} (current)`).waitFor();
    const diff = firstPanel.getByRole('region', {
      name: `Changes from version ${startVersion + 2} to version ${startVersion + 3}`,
    });
    await diff.waitFor();
    const removed = diff.locator('[data-diff="removed"]');
    const added = diff.locator('[data-diff="added"]');
    // A text prefix and a spoken label mark each change, not only its colour.
    expect(await removed.textContent()).toBe('\u2212Removed: Cover email, second window');
    expect(await added.textContent()).toBe('+Added: Cover email to send a proposal, reviewed');
    await diff.getByText('Changed: title.').waitFor();

    // Only the deliberate stale save failed, once, and nothing else in either window.
    expect(first.problems.failedRequests).toEqual([
      expect.stringMatching(new RegExp(`^PUT .*/api/prompts/${coverEmailId}: 412$`)),
    ]);
    expect(first.problems.errors).toEqual([expect.stringMatching(failedResourceLog(412))]);
    expect(second.problems).toEqual(noProblems);
  });

  it('should show a member someone else’s prompt without edit or status controls', async () => {
    const prompt = await promptAs(coverEmailId, member);
    const { page, problems } = await openAs(member, `#/library/${coverEmailId}`);

    const panel = await promptPanel(page, prompt.title);
    await panel.getByRole('tab', { name: 'History' }).waitFor();
    await expect
      .poll(() => panel.getByRole('tab').allInnerTexts(), { timeout: waitMs })
      .toEqual(['Use', 'History']);
    expect(await panel.getByRole('group', { name: 'Status actions' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Retire' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Fill in the prompt' }).waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('should take a member’s proposal through the champion’s review queue to the library', async () => {
    const title = 'Client call recap for the account team';
    const proposer = await openAs(member, '#/library');
    await proposer.page.getByRole('button', { name: 'Propose a prompt' }).click();
    const form = proposer.page.getByRole('dialog', { name: 'Propose a prompt' });
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form
      .getByRole('textbox', { name: 'Prompt text' })
      .fill('Summarise my call with {{client_name}} for the account team.\nNotes: {{notes}}');
    await form
      .getByRole('textbox', { name: 'What to fill in for client_name' })
      .fill('The client organisation');
    await form.getByRole('checkbox', { name: 'notes is required' }).waitFor();
    await form.getByRole('textbox', { name: 'Tags' }).fill('Client, call notes');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await proposer.page.getByText(`“${title}” is waiting for review.`).waitFor();
    expect(await form.count()).toBe(0);

    // Nobody publishes their own proposal: its owner may only withdraw it, here or in its panel.
    await proposer.page.getByRole('tab', { name: /^Review queue/ }).click();
    const own = proposer.page.getByRole('article', { name: title });
    await own.getByRole('button', { name: 'Withdraw' }).waitFor();
    await expect
      .poll(() => own.getByRole('button').allInnerTexts(), { timeout: waitMs })
      .toEqual(['Withdraw']);
    await own.getByRole('link', { name: title }).click();
    const ownPanel = await promptPanel(proposer.page, title);
    const ownActions = ownPanel.getByRole('group', { name: 'Status actions' });
    await ownActions.waitFor();
    await expect
      .poll(() => ownActions.getByRole('button').allInnerTexts(), { timeout: waitMs })
      .toEqual(['Withdraw']);
    expect(await ownPanel.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await expect
      .poll(() => ownPanel.getByRole('tab').allInnerTexts(), { timeout: waitMs })
      .toEqual(['Use', 'History', 'Edit']);
    const proposalId = new URL(proposer.page.url()).hash.replace('#/library/', '');
    expect((await promptAs(proposalId, member)).permissions).toEqual({
      edit: true,
      statuses: ['draft'],
    });

    const reviewer = await openAs(champion, '#/library');
    await reviewer.page.getByRole('tab', { name: /^Review queue/ }).click();
    const proposal = reviewer.page.getByRole('article', { name: title });
    await proposal.getByText('Proposed by Mia Okafor', { exact: false }).waitFor();
    await proposal.getByRole('button', { name: 'Publish' }).click();
    const confirm = reviewer.page.getByRole('dialog', { name: `Publish: ${title}` });
    await confirm.getByRole('textbox', { name: 'Note (optional)' }).fill('Useful, thanks');
    await confirm.getByRole('button', { name: 'Publish' }).click();
    await reviewer.page.getByText(`“${title}” is now published.`).waitFor();
    expect(await reviewer.page.getByRole('article', { name: title }).count()).toBe(0);

    const published = await api(
      `/api/prompts?q=${encodeURIComponent('client call recap')}`,
      member,
      (body) => promptPageSchema.parse(body),
    );
    const found = published.items.find((prompt) => prompt.title === title);
    expect(found).toMatchObject({
      status: 'published',
      tags: ['client', 'call notes'],
      variables: [
        { name: 'client_name', description: 'The client organisation', required: true },
        { name: 'notes', description: '', required: true },
      ],
    });
    expect(proposer.problems).toEqual(noProblems);
    expect(reviewer.problems).toEqual(noProblems);
  });
});
