import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devTenantHeader, devUserHeader } from '../../src/contracts/identity.js';
import { promptPageSchema } from '../../src/contracts/prompts.js';
import {
  workflowListSchema,
  workflowTaskViewSchema,
  type WorkflowTaskView,
} from '../../src/contracts/workflows.js';
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
const lead = 'lead@demo.example';
const member = 'member@demo.example';
const champion = 'champion@demo.example';
// The demo lead and member both work in Strategy Consulting, which mapped four tasks.
const department = { id: 'strategy-consulting', name: 'Strategy Consulting' };

describe('the workflows page in the tab', () => {
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

  const departmentTasks = async (): Promise<WorkflowTaskView[]> =>
    (
      await api(`/api/workflows?department=${department.id}`, lead, (body) =>
        workflowListSchema.parse(body),
      )
    ).items;

  /** A fresh browser profile acting as `upn` (the dev user picker's stored choice). */
  async function openAs(upn: string, hash: string): Promise<OpenedTab> {
    const opened = await openTabAs(browser, app.url, upn, hash, { waitMs });
    await opened.page.getByRole('heading', { level: 2, name: 'Workflows' }).waitFor();
    return opened;
  }

  const departmentSection = (page: Page): Locator =>
    page.getByRole('region', { name: department.name });
  const taskCard = (page: Page, name: string): Locator =>
    departmentSection(page).getByRole('article', { name });

  async function taskNames(page: Page): Promise<string[]> {
    return departmentSection(page).getByRole('heading', { level: 4 }).allInnerTexts();
  }

  const noProblems: PageProblems = { errors: [], failedRequests: [] };

  it('should list the mapped tasks of the caller’s department, with steps and a link to their prompts', async () => {
    const tasks = await departmentTasks();
    expect(tasks.length).toBe(4);
    const { page, problems } = await openAs(lead, '#/workflows');

    await expect
      .poll(() => page.getByRole('combobox', { name: 'Department' }).innerText(), {
        timeout: waitMs,
      })
      .toBe(department.name);
    await expect
      .poll(() => taskNames(page), { timeout: waitMs })
      .toEqual(tasks.map((task) => task.name));
    await departmentSection(page).getByText('4 of 5 tasks mapped.').waitFor();

    const first = tasks[0] as WorkflowTaskView;
    const card = taskCard(page, first.name);
    expect(await card.getByRole('list', { name: 'Steps' }).getByRole('listitem').count()).toBe(
      first.steps.length,
    );
    const link = card.getByRole('link', { name: /prompts? for this task|No prompts/ });
    expect(await link.getAttribute('href')).toBe(`#/library?task=${first.id}`);

    const linked = await api(`/api/prompts?task=${first.id}&limit=20`, lead, (body) =>
      promptPageSchema.parse(body),
    );
    await link.click();
    await page.getByRole('heading', { level: 2, name: 'Prompt library' }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Workflow task' }).innerText(), {
        timeout: waitMs,
      })
      .toBe(first.name);
    const results = page.getByRole('region', { name: 'Search results' });
    await expect
      .poll(() => results.getByRole('heading', { level: 3 }).allInnerTexts(), { timeout: waitMs })
      .toEqual(linked.items.map((prompt) => prompt.title));
    expect(problems).toEqual(noProblems);
  });

  it('should let a lead add a fifth task, show the limit, edit the task and delete it', async () => {
    const { page, problems } = await openAs(lead, '#/workflows');
    await departmentSection(page).getByText('4 of 5 tasks mapped.').waitFor();

    await departmentSection(page).getByRole('button', { name: 'Add a task' }).click();
    const form = page.getByRole('dialog', { name: 'Add a task' });
    await form.getByRole('textbox', { name: 'Task name' }).fill('Answer a client data request');
    await form.getByRole('spinbutton', { name: 'Baseline time in minutes' }).fill('45');
    await form.getByRole('textbox', { name: 'Step 1', exact: true }).fill('Read the request');
    await form.getByRole('textbox', { name: 'Who does step 1' }).fill('Consultant');
    await form.getByRole('button', { name: 'Add a step' }).click();
    await form.getByRole('textbox', { name: 'Step 2', exact: true }).fill('Pull the figures');
    await form.getByRole('button', { name: 'Add a handoff' }).click();
    await form.getByRole('textbox', { name: 'Handoff 1 from' }).fill('Consultant');
    await form.getByRole('textbox', { name: 'Handoff 1 to' }).fill('Analyst');
    await form
      .getByRole('textbox', { name: 'What is handed over in handoff 1' })
      .fill('The list of figures needed');
    await form
      .getByRole('textbox', { name: 'Friction points' })
      .fill('Figures live in three places\nNo template');
    await form.getByRole('button', { name: 'Add the task' }).click();

    await page.getByText('Added “Answer a client data request” to Strategy Consulting.').waitFor();
    await departmentSection(page)
      .getByText('5 of 5 tasks mapped: the limit is reached.', { exact: false })
      .waitFor();
    expect(
      await departmentSection(page)
        .getByRole('button', { name: 'Add a task' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
    const added = (await departmentTasks()).find(
      (task) => task.name === 'Answer a client data request',
    );
    expect(added).toMatchObject({
      baselineMinutes: 45,
      steps: [{ text: 'Read the request', actor: 'Consultant' }, { text: 'Pull the figures' }],
      handoffs: [{ fromRole: 'Consultant', toRole: 'Analyst', what: 'The list of figures needed' }],
      frictionPoints: ['Figures live in three places', 'No template'],
    });
    // An empty list's sentence sits on its own line under its heading, not run into it.
    const newCard = taskCard(page, 'Answer a client data request');
    const aiHeading = await newCard
      .getByRole('heading', { level: 5, name: 'Where AI could help' })
      .boundingBox();
    const aiEmpty = await newCard.getByText('None noted yet.', { exact: true }).boundingBox();
    expect(aiEmpty?.y).toBeGreaterThanOrEqual((aiHeading?.y ?? 0) + (aiHeading?.height ?? 0));

    await taskCard(page, 'Answer a client data request')
      .getByRole('button', { name: 'Edit' })
      .click();
    const edit = page.getByRole('dialog', { name: 'Edit “Answer a client data request”' });
    await edit.getByRole('textbox', { name: 'Task name' }).fill('Answer a client’s data request');
    await edit.getByRole('button', { name: 'Move step 2 up' }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved “Answer a client’s data request”.').waitFor();
    const card = taskCard(page, 'Answer a client’s data request');
    const steps = card.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    // The notice can show before the list re-renders with the saved task: poll its steps.
    await expect
      .poll(() => steps.allInnerTexts(), { timeout: waitMs })
      .toEqual(['Pull the figures', 'Consultant: Read the request']);

    await card.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete the task' }).click();
    await page.getByText('Deleted “Answer a client’s data request”.').waitFor();
    await departmentSection(page).getByText('4 of 5 tasks mapped.').waitFor();
    expect((await departmentTasks()).map((task) => task.name)).not.toContain(
      'Answer a client’s data request',
    );
    expect(problems).toEqual(noProblems);
  });

  it('should refuse a stale task edit, show the latest version, and re-apply the change on request', async () => {
    const [task] = await departmentTasks();
    if (!task) throw new Error('the demo department has no tasks');
    const first = await openAs(lead, '#/workflows');
    await taskCard(first.page, task.name).getByRole('button', { name: 'Edit' }).click();
    const form = first.page.getByRole('dialog', { name: `Edit “${task.name}”` });
    await form.getByRole('spinbutton', { name: 'Baseline time in minutes' }).fill('200');

    // A champion changes the same task in the meantime.
    const read = await fetch(new URL(`/api/workflows/${task.id}`, app.url), {
      headers: { [devTenantHeader]: 'demo', [devUserHeader]: champion },
    });
    const etag = read.headers.get('etag') ?? '';
    const current = workflowTaskViewSchema.parse(await read.json());
    const saved = await fetch(new URL(`/api/workflows/${task.id}`, app.url), {
      method: 'PUT',
      headers: {
        [devTenantHeader]: 'demo',
        [devUserHeader]: champion,
        'content-type': 'application/json',
        'if-match': etag,
      },
      body: JSON.stringify({
        departmentId: current.departmentId,
        name: `${current.name} (reviewed)`,
        description: current.description,
        steps: current.steps,
        handoffs: current.handoffs,
        frictionPoints: current.frictionPoints,
        aiOpportunities: current.aiOpportunities,
        baselineMinutes: current.baselineMinutes,
        jobFamilyIds: current.jobFamilyIds,
      }),
    });
    expect(saved.status).toBe(200);

    const refused = first.page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.status() === 412,
    );
    await form.getByRole('button', { name: 'Save changes' }).click();
    await refused;
    await form.getByText('Someone else changed this task').waitFor();
    await form
      .getByRole('group', { name: 'Latest version' })
      .getByText(`Latest version: ${task.name} (reviewed)`)
      .waitFor();

    await form.getByRole('button', { name: 'Re-apply my changes on top' }).click();
    await first.page.getByText(`Saved “${task.name}”.`).waitFor();
    const after = (await departmentTasks()).find((item) => item.id === task.id);
    // Re-applying keeps every field of this person's form, the name included.
    expect(after).toMatchObject({ name: task.name, baselineMinutes: 200 });

    expect(first.problems.failedRequests).toEqual([
      expect.stringMatching(new RegExp(`^PUT .*/api/workflows/${task.id}: 412$`)),
    ]);
    expect(first.problems.errors).toEqual([
      expect.stringMatching(
        /^console: Failed to load resource: the server responded with a status of 412/,
      ),
    ]);
  });

  it('should show a member the mapped tasks without add, edit or delete', async () => {
    const tasks = await departmentTasks();
    const { page, problems } = await openAs(member, '#/workflows');

    await expect
      .poll(() => taskNames(page), { timeout: waitMs })
      .toEqual(tasks.map((task) => task.name));
    for (const name of ['Add a task', 'Edit', 'Delete']) {
      expect(await departmentSection(page).getByRole('button', { name }).count()).toBe(0);
    }
    expect(problems).toEqual(noProblems);
  });
});
