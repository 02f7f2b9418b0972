import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devTenantHeader, devUserHeader } from '../../src/contracts/identity.js';
import {
  curriculumScheduleViewSchema,
  lessonListSchema,
  lessonViewSchema,
  type LessonView,
} from '../../src/contracts/lessons.js';
import { promptPageSchema } from '../../src/contracts/prompts.js';
import { startTestApp } from '../support/app.js';
import {
  failedResourceLog,
  launchChromium,
  openTabAs,
  type OpenedTab,
  type PageProblems,
} from '../support/chromium.js';
import { getAs } from '../support/http.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const champion = 'champion@demo.example';
const member = 'member@demo.example';
const consulting = { id: 'consulting', name: 'Consultants' };
const noProblems: PageProblems = { errors: [], failedRequests: [] };

describe('the Program page in the tab', () => {
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

  const lessonsOf = async (jobFamilyId: string): Promise<LessonView[]> =>
    (
      await getAs(app.url, `/api/lessons?jobFamilyId=${jobFamilyId}`, champion, (body) =>
        lessonListSchema.parse(body),
      )
    ).items;

  const lessonById = (id: string): Promise<LessonView> =>
    getAs(app.url, `/api/lessons/${id}`, champion, (body) => lessonViewSchema.parse(body));

  /** A fresh browser profile acting as `upn` (the dev user picker's stored choice). */
  async function openAs(upn: string, hash: string): Promise<OpenedTab> {
    const opened = await openTabAs(browser, app.url, upn, hash, { waitMs, timezoneId: 'UTC' });
    await opened.page.getByRole('heading', { level: 2 }).first().waitFor();
    return opened;
  }

  /** The Program page on the curriculum of one job family. */
  async function openCurriculum(family = consulting): Promise<OpenedTab> {
    const opened = await openAs(champion, '#/program');
    await opened.page.getByRole('heading', { level: 2, name: 'Program set-up' }).waitFor();
    await pick(opened.page, 'Job family', family.name);
    await curriculum(opened.page, family).getByRole('table').waitFor();
    return opened;
  }

  async function pick(scope: Page | Locator, combobox: string, option: string): Promise<void> {
    await scope.getByRole('combobox', { name: combobox }).click();
    const page = 'page' in scope ? scope.page() : scope;
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  const curriculum = (page: Page, family = consulting): Locator =>
    page.getByRole('region', { name: `Lessons for ${family.name}` });

  async function lessonTitles(page: Page): Promise<string[]> {
    const rows = curriculum(page).getByRole('table').getByRole('row');
    return (await rows.allInnerTexts()).slice(1).map((row) => row.split('\t')[1]?.trim() ?? '');
  }

  it('should show a job family’s 8-week curriculum with week, title, minutes, task and status', async () => {
    const lessons = await lessonsOf(consulting.id);
    expect(lessons.map((lesson) => lesson.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const { page, problems } = await openCurriculum();

    await expect
      .poll(() => lessonTitles(page), { timeout: waitMs })
      .toEqual(lessons.map((lesson) => lesson.title));
    const first = curriculum(page).getByRole('row').nth(1);
    const cells = await first.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['Week 1', lessons[0]?.title, String(lessons[0]?.minutes)]);
    expect(cells[4]).toBe(lessons[0]?.status === 'published' ? 'Published' : 'Draft');
    await curriculum(page).getByText('8 of 8 weeks have a lesson', { exact: false }).waitFor();
    expect(problems).toEqual(noProblems);
  });

  it('should let a champion edit a lesson, check question included, and see it saved', async () => {
    const lesson = (await lessonsOf(consulting.id)).find((item) => item.week === 3);
    if (!lesson) throw new Error('the demo curriculum has no week 3 lesson for consultants');
    const { page, problems } = await openCurriculum();

    await curriculum(page)
      .getByRole('button', { name: `Edit “${lesson.title}”` })
      .click();
    const form = page.getByRole('dialog', { name: `Edit “${lesson.title}”` });
    const title = `${lesson.title} (revised)`;
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('spinbutton', { name: 'Minutes' }).fill('3');
    const answers = lesson.check.options.length;
    const letter = String.fromCharCode('A'.charCodeAt(0) + answers);
    await form.getByRole('button', { name: 'Add an answer' }).click();
    await form
      .getByRole('textbox', { name: `Answer ${letter}`, exact: true })
      .fill('Ask the client first');
    await form
      .getByRole('textbox', { name: `Feedback for answer ${letter}` })
      .fill('Right here: the client knows which names may leave the room.');
    await form.getByRole('radio', { name: new RegExp(`^Answer ${letter}:`) }).check();
    await form.getByRole('button', { name: 'Save changes' }).click();

    await page.getByText(`Saved “${title}” in week 3.`).waitFor();
    await expect.poll(() => lessonTitles(page), { timeout: waitMs }).toContain(title);
    const saved = await lessonById(lesson.id);
    expect(saved).toMatchObject({ title, minutes: 3, status: lesson.status });
    expect(saved.check.options).toHaveLength(answers + 1);
    expect(saved.check.options.filter((option) => option.correct)).toEqual([
      {
        id: letter.toLowerCase(),
        text: 'Ask the client first',
        correct: true,
        feedback: 'Right here: the client knows which names may leave the room.',
      },
    ]);
    expect(problems).toEqual(noProblems);
  });

  it('should name the missing fields beside them before sending a new lesson', async () => {
    const { page, problems } = await openCurriculum();
    await curriculum(page).getByRole('button', { name: 'Add lesson' }).click();
    const form = page.getByRole('dialog', { name: 'Add a lesson' });

    await form.getByRole('button', { name: 'Add the lesson' }).click();

    const titleBox = form.getByRole('textbox', { name: 'Title' });
    await expect
      .poll(() => titleBox.getAttribute('aria-invalid'), { timeout: waitMs })
      .toBe('true');
    await expect
      .poll(() => page.evaluate<string | null>('document.activeElement?.id ?? null'))
      .toBe(await titleBox.getAttribute('id'));
    expect(await form.getByText('Fill this in').count()).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual(noProblems);
  });

  it('should add a draft lesson with a library prompt, then delete it after confirming', async () => {
    const { page, problems } = await openCurriculum();
    await curriculum(page).getByRole('button', { name: 'Add lesson' }).click();
    const form = page.getByRole('dialog', { name: 'Add a lesson' });
    const title = 'Turn meeting notes into actions';
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form
      .getByRole('textbox', { name: 'Scenario' })
      .fill('You have twenty minutes of notes from a steering committee and no actions list.');
    const [prompt] = (
      await getAs(app.url, '/api/prompts?status=published&q=summary&limit=10', champion, (body) =>
        promptPageSchema.parse(body),
      )
    ).items;
    if (!prompt) throw new Error('the demo library has no published prompt about summaries');
    await form.getByRole('combobox', { name: 'Prompt to try' }).fill('summary');
    await page.getByRole('option', { name: prompt.title, exact: true }).click();
    await form
      .getByRole('textbox', { name: 'Try it' })
      .fill('Paste the notes and check every action has an owner.');
    await form
      .getByRole('textbox', { name: 'Question' })
      .fill('What do you check before sending the actions?');
    await form.getByRole('textbox', { name: 'Answer A', exact: true }).fill('Owners and dates');
    await form
      .getByRole('textbox', { name: 'Feedback for answer A' })
      .fill('Yes: an action without an owner is a wish.');
    await form.getByRole('textbox', { name: 'Answer B', exact: true }).fill('The font');
    await form
      .getByRole('textbox', { name: 'Feedback for answer B' })
      .fill('Formatting can wait; owners cannot.');
    await form.getByRole('textbox', { name: 'Reflection' }).fill('Which action had no owner?');
    await form.getByRole('button', { name: 'Add the lesson' }).click();

    await page.getByText(`Added “${title}” in week 8.`).waitFor();
    const added = (await lessonsOf(consulting.id)).find((lesson) => lesson.title === title);
    expect(added).toMatchObject({
      week: 8,
      status: 'draft',
      jobFamilyId: consulting.id,
      promptId: prompt.id,
    });
    expect(await form.count()).toBe(0);

    await curriculum(page)
      .getByRole('button', { name: `Delete “${title}”` })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete the lesson' }).click();
    await page.getByText(`Deleted “${title}”.`).waitFor();
    await expect.poll(() => lessonTitles(page), { timeout: waitMs }).not.toContain(title);
    expect((await lessonsOf(consulting.id)).map((lesson) => lesson.title)).not.toContain(title);
    expect(problems).toEqual(noProblems);
  });

  it('should refuse a stale lesson edit, show the latest version, and re-apply on request', async () => {
    const lesson = (await lessonsOf(consulting.id)).find((item) => item.week === 5);
    if (!lesson) throw new Error('the demo curriculum has no week 5 lesson for consultants');
    const { page, problems } = await openCurriculum();
    await curriculum(page)
      .getByRole('button', { name: `Edit “${lesson.title}”` })
      .click();
    const form = page.getByRole('dialog', { name: `Edit “${lesson.title}”` });
    await form.getByRole('textbox', { name: 'Reflection' }).fill('What would you template next?');

    // Another champion saves the same lesson in the meantime.
    const read = await fetch(new URL(`/api/lessons/${lesson.id}`, app.url), {
      headers: { [devTenantHeader]: 'demo', [devUserHeader]: champion },
    });
    const etag = read.headers.get('etag') ?? '';
    const {
      id: _id,
      etag: _etag,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      ...content
    } = lessonViewSchema.parse(await read.json());
    const theirs = await fetch(new URL(`/api/lessons/${lesson.id}`, app.url), {
      method: 'PUT',
      headers: {
        [devTenantHeader]: 'demo',
        [devUserHeader]: champion,
        'content-type': 'application/json',
        'if-match': etag,
      },
      body: JSON.stringify({ ...content, title: `${lesson.title} (theirs)` }),
    });
    expect(theirs.status).toBe(200);

    const refused = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.status() === 412,
    );
    await form.getByRole('button', { name: 'Save changes' }).click();
    await refused;
    await form.getByText('Someone else changed this lesson').waitFor();
    await form
      .getByRole('group', { name: 'Latest version' })
      .getByText(`Latest version: ${lesson.title} (theirs)`)
      .waitFor();

    await form.getByRole('button', { name: 'Re-apply my changes on top' }).click();
    await page.getByText(`Saved “${lesson.title}” in week 5.`).waitFor();
    expect(await lessonById(lesson.id)).toMatchObject({
      title: lesson.title,
      reflection: 'What would you template next?',
    });
    expect(problems.failedRequests).toEqual([
      expect.stringMatching(new RegExp(`^PUT .*/api/lessons/${lesson.id}: 412$`)),
    ]);
    expect(problems.errors).toEqual([expect.stringMatching(failedResourceLog(412))]);
  });

  it('should show the server’s field errors beside the fields when a linked task is gone', async () => {
    const lesson = (await lessonsOf(consulting.id)).find((item) => item.week === 6);
    if (!lesson) throw new Error('the demo curriculum has no week 6 lesson for consultants');
    const headers = {
      [devTenantHeader]: 'demo',
      [devUserHeader]: champion,
      'content-type': 'application/json',
    };
    const taskName = 'Prepare a steering committee dry run';
    const created = await fetch(new URL('/api/workflows', app.url), {
      method: 'POST',
      headers,
      body: JSON.stringify({
        departmentId: 'strategy-consulting',
        name: taskName,
        description: '',
        steps: [{ text: 'Walk through the pack' }],
        handoffs: [],
        frictionPoints: [],
        aiOpportunities: [],
        baselineMinutes: 60,
        jobFamilyIds: [],
      }),
    });
    expect(created.status).toBe(201);
    const task = (await created.json()) as { id: string };
    const { page, problems } = await openCurriculum();
    await curriculum(page)
      .getByRole('button', { name: `Edit “${lesson.title}”` })
      .click();
    const form = page.getByRole('dialog', { name: `Edit “${lesson.title}”` });
    await pick(form, 'Workflow task', taskName);

    // The task is deleted while the lesson is being edited.
    const removed = await fetch(new URL(`/api/workflows/${task.id}`, app.url), {
      method: 'DELETE',
      headers: { ...headers, 'if-match': created.headers.get('etag') ?? '' },
    });
    expect(removed.status).toBe(204);
    await form.getByRole('button', { name: 'Save changes' }).click();

    const taskField = form.getByRole('combobox', { name: 'Workflow task' });
    await expect
      .poll(() => taskField.getAttribute('aria-invalid'), { timeout: waitMs })
      .toBe('true');
    await form.getByText('is not a mapped workflow task').first().waitFor();
    expect(await lessonById(lesson.id)).toMatchObject({ taskId: lesson.taskId });
    expect(problems.failedRequests).toEqual([
      expect.stringMatching(new RegExp(`^PUT .*/api/lessons/${lesson.id}: 400$`)),
    ]);
    expect(problems.errors).toEqual([expect.stringMatching(failedResourceLog(400))]);
  });

  it('should save the lesson schedule, creating it first and editing it from its ETag after', async () => {
    const { page, problems } = await openAs(champion, '#/program');
    const puts: Record<string, string>[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith('/api/curriculum/schedule')) {
        puts.push(request.headers());
      }
    });
    await page.getByRole('tab', { name: 'Schedule' }).click();
    const form = page.getByRole('form', { name: 'Lesson schedule' });
    await form.getByText('Not saved yet: the defaults below apply.').waitFor();

    await pick(form, 'Default lesson day', 'Thursday');
    await form.getByLabel('Time', { exact: true }).fill('09:30');
    await form.getByRole('combobox', { name: 'Time zone' }).fill('london');
    await page.getByRole('option', { name: 'Europe/London' }).click();
    await form.getByRole('switch', { name: 'Send lessons weekly' }).uncheck();
    await form.getByRole('button', { name: 'Save the schedule' }).click();
    await form.getByText('Schedule saved.').waitFor();

    const schedule = (): Promise<unknown> =>
      getAs(app.url, '/api/curriculum/schedule', champion, (body) =>
        curriculumScheduleViewSchema.parse(body),
      );
    expect(await schedule()).toMatchObject({
      lessonDay: 'thursday',
      lessonTime: '09:30',
      timeZone: 'Europe/London',
      deliverWeekly: false,
    });

    await form.getByRole('switch', { name: 'Send lessons weekly' }).check();
    await form.getByRole('button', { name: 'Save the schedule' }).click();
    await expect.poll(() => puts.length, { timeout: waitMs }).toBe(2);
    await expect
      .poll(schedule, { timeout: waitMs })
      .toMatchObject({ lessonDay: 'thursday', deliverWeekly: true });
    expect(puts[0]?.['if-none-match']).toBe('*');
    expect(puts[0]?.['if-match']).toBeUndefined();
    expect(puts[1]?.['if-match']).toMatch(/^"/);
    expect(puts[1]?.['if-none-match']).toBeUndefined();
    expect(problems).toEqual(noProblems);
  });

  it('should tell a champion that no delivery failed, with no retry to offer', async () => {
    const { page, problems } = await openAs(champion, '#/program');
    await page.getByRole('tab', { name: 'Delivery problems' }).click();

    await page.getByText('Nothing failed', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    expect(problems).toEqual(noProblems);
  });

  it('should keep the Program page from a member', async () => {
    const { page, problems } = await openAs(member, '#/program');

    await page.getByText('This page is for AI champions and admins').waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Lastmile pages' })
        .getByRole('tab')
        .allInnerTexts(),
    ).not.toContain('Program');
    expect(await page.getByRole('table').count()).toBe(0);
    expect(problems).toEqual(noProblems);
  });
});
