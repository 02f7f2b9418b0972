import { randomUUID } from 'node:crypto';
import type { ChannelAccount } from 'botbuilder';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devTenantHeader, devUserHeader } from '../../src/contracts/identity.js';
import {
  learningProgressSchema,
  lessonListSchema,
  type LearningProgress,
  type LessonView,
} from '../../src/contracts/lessons.js';
import {
  practiceSessionListSchema,
  type PracticeSessionView,
} from '../../src/contracts/practice.js';
import { programSettingsViewSchema } from '../../src/contracts/program.js';
import { teamsInvoke } from '../bot/message-extension-activities.js';
import { startTestApp } from '../support/app.js';
import {
  postActivity,
  startLoopbackConnector,
  teamsMessage,
  type LoopbackConnector,
} from '../support/bot-framework.js';
import {
  launchChromium,
  openTabAs,
  watchPageProblems,
  type OpenedTab,
  type PageProblems,
} from '../support/chromium.js';
import { signAccessToken, startLoopbackEntra, type LoopbackEntra } from '../support/entra.js';
import { getAs, request } from '../support/http.js';
import { openInTeamsHost } from '../support/teams-host-page.js';

// Generous: CI runs browser tests beside other test files on two cores.
const waitMs = 20_000;
const noProblems: PageProblems = { errors: [], failedRequests: [] };
const champion = 'champion@demo.example';
const member = 'member@demo.example';
// The program week every test here runs in: the start date is moved so that today falls in it.
const programWeek = 3;

/** The demo people as Teams names them in bot activities. */
const people = {
  champion: {
    id: '29:demo-champion',
    name: 'Champion Demo',
    aadObjectId: '00000000-0000-4000-8000-00000000c001',
  },
  lead: {
    id: '29:demo-lead',
    name: 'Lead Demo',
    aadObjectId: '00000000-0000-4000-8000-00000000c002',
  },
  member: {
    id: '29:demo-member',
    name: 'Member Demo',
    aadObjectId: '00000000-0000-4000-8000-00000000c003',
  },
} as const satisfies Record<string, ChannelAccount>;

/** Reads a conversation's practice sessions (every conversation's when none is named). */
type SessionReader = (conversationId?: string) => Promise<PracticeSessionView[]>;

type AppUnderTest = Awaited<ReturnType<typeof startTestApp>>;

/** Moves the program start so that today is in `week` (the demo start date drifts with time). */
async function startProgramWeeksAgo(app: AppUnderTest, week: number): Promise<void> {
  const headers = { [devTenantHeader]: 'demo', [devUserHeader]: champion };
  const read = await request(app.url, '/api/program/settings', { headers });
  const settings = programSettingsViewSchema.parse(read.body);
  const start = new Date(Date.now() - (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
  const saved = await request(app.url, '/api/program/settings', {
    method: 'PUT',
    headers: { ...headers, 'if-match': read.headers.get('etag') ?? '' },
    body: {
      organisationName: settings.organisationName,
      programStart: start,
      wauTargetPct: settings.wauTargetPct,
      minGroupSize: settings.minGroupSize,
    },
  });
  expect(saved.status).toBe(200);
}

/** A lead starts practice in a meeting chat, and the given people mark that they attend. */
async function runPractice(
  app: AppUnderTest,
  connector: LoopbackConnector,
  sessionsIn: SessionReader,
  meeting: string,
  attendees: readonly ChannelAccount[],
): Promise<PracticeSessionView> {
  const messages = `${app.url}/api/messages`;
  const where = {
    serviceUrl: connector.serviceUrl,
    conversationType: 'groupChat' as const,
    conversationId: meeting,
  };
  const before = connector.activities.length;
  const started = await postActivity(
    messages,
    teamsMessage('practice', { ...where, from: people.lead, mentionBot: true }),
  );
  expect(started.status).toBe(200);
  await connector.waitForActivities(before + 1, 5_000);
  const [session] = await sessionsIn(meeting);
  if (!session) throw new Error(`the bot started no practice session in ${meeting}`);
  for (const person of attendees) await attend(app, connector, session, person);
  return session;
}

async function attend(
  app: AppUnderTest,
  connector: LoopbackConnector,
  session: PracticeSessionView,
  person: ChannelAccount,
): Promise<void> {
  const invoke = teamsInvoke(
    'adaptiveCard/action',
    {
      action: { type: 'Action.Execute', verb: 'attendPractice', data: { sessionId: session.id } },
      trigger: 'manual',
    },
    {
      serviceUrl: connector.serviceUrl,
      from: person,
      conversationId: session.conversationId,
      conversationType: 'groupChat',
    },
  );
  const response = await postActivity(`${app.url}/api/messages`, {
    ...invoke,
    replyToId: session.activityId ?? 'activity-practice-card',
  });
  expect(response.status).toBe(200);
}

function sessionsPath(conversationId = ''): string {
  const query =
    conversationId === '' ? '' : `?conversationId=${encodeURIComponent(conversationId)}`;
  return `/api/practice-sessions${query}`;
}

const meetingId = (): string => `19:meeting_${randomUUID()}@thread.v2`;

describe('practice and my learning in the tab', () => {
  let app: AppUnderTest;
  let connector: LoopbackConnector;
  let browser: Browser;

  beforeAll(async () => {
    connector = await startLoopbackConnector();
    app = await startTestApp();
    await startProgramWeeksAgo(app, programWeek);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await connector?.close();
  });

  const publishedLessons = async (jobFamilyId: string): Promise<LessonView[]> =>
    (
      await getAs(
        app.url,
        `/api/lessons?jobFamilyId=${jobFamilyId}&status=published`,
        member,
        (b) => lessonListSchema.parse(b),
      )
    ).items;

  const sessionsIn: SessionReader = async (conversationId) =>
    (
      await getAs(app.url, sessionsPath(conversationId), member, (body) =>
        practiceSessionListSchema.parse(body),
      )
    ).items;

  const learningOf = (upn: string): Promise<LearningProgress> =>
    getAs(app.url, '/api/me/learning', upn, (body) => learningProgressSchema.parse(body));

  /** A fresh browser profile acting as `upn` (the dev user picker's stored choice). */
  async function openAs(upn: string, hash: string): Promise<OpenedTab> {
    const opened = await openTabAs(browser, app.url, upn, hash, { waitMs, timezoneId: 'UTC' });
    await opened.page.getByRole('heading', { level: 2 }).first().waitFor();
    return opened;
  }

  async function pick(scope: Locator, combobox: string, option: string): Promise<void> {
    await scope.getByRole('combobox', { name: combobox }).click();
    await scope.page().getByRole('option', { name: option, exact: true }).click();
  }

  /** The figures of the progress view, by label. */
  async function figures(card: Locator): Promise<Record<string, string>> {
    const entries: Record<string, string> = {};
    for (const pair of await card.locator('dl > div').all()) {
      entries[await pair.locator('dt').innerText()] = await pair.locator('dd').innerText();
    }
    return entries;
  }

  it('should let a member set up their learning on Home and then show their progress', async () => {
    expect((await learningOf(member)).profile).toBeUndefined();
    const { page, problems } = await openAs(member, '#/home');
    const card = page.getByRole('region', { name: 'My learning' });
    const form = card.getByRole('form', { name: 'Set up my learning' });

    // The roster already knows the member's job family and department.
    await expect
      .poll(() => form.getByRole('combobox', { name: 'Job family' }).innerText(), {
        timeout: waitMs,
      })
      .toBe('Consultants');
    expect(await form.getByRole('combobox', { name: 'Department' }).innerText()).toBe(
      'Strategy Consulting',
    );
    await pick(form, 'Lesson day', 'Thursday');
    await form.getByLabel('Lesson time').fill('09:30');
    await form.getByRole('combobox', { name: 'Time zone' }).fill('london');
    await page.getByRole('option', { name: 'Europe/London' }).click();
    await form.getByRole('button', { name: 'Start my lessons' }).click();

    await card.getByText('Your set-up is saved.').waitFor();
    await card
      .getByText(
        `Consultants · lessons on Thursdays at 09:30 (Europe/London) · program week ${programWeek}`,
      )
      .waitFor();
    const progress = await learningOf(member);
    expect(progress.profile).toEqual({
      jobFamilyId: 'consulting',
      departmentId: 'strategy-consulting',
      lessonDay: 'thursday',
      lessonTime: '09:30',
      timeZone: 'Europe/London',
    });
    const count = (state: string): string =>
      String(progress.lessons.filter((lesson) => lesson.state === state).length);
    expect(await figures(card)).toEqual({
      'Lessons done': count('done'),
      'Lessons due': count('due'),
      'Lessons to come': count('upcoming'),
      'Practice sessions attended': String(progress.practiceAttended),
    });
    const lessons = card.getByRole('list', { name: 'My lessons' }).getByRole('listitem');
    expect(await lessons.count()).toBe(progress.lessons.length);
    expect(await lessons.first().innerText()).toContain(`Week 1`);
    expect(problems).toEqual(noProblems);
  });

  it('should show a member this week’s published scenario for their job family, never a draft', async () => {
    const lesson = (await publishedLessons('consulting')).find((item) => item.week === programWeek);
    if (!lesson)
      throw new Error(`the demo curriculum has no week ${programWeek} consulting lesson`);
    const draftTitle = 'A draft no member should see';
    const created = await request(app.url, '/api/lessons', {
      method: 'POST',
      headers: { [devTenantHeader]: 'demo', [devUserHeader]: champion },
      body: {
        jobFamilyId: 'consulting',
        week: programWeek,
        title: draftTitle,
        minutes: 5,
        scenario: 'A scenario still being written.',
        tryIt: 'Nothing to try yet.',
        check: {
          question: 'Is this ready?',
          options: [
            { id: 'a', text: 'No', correct: true, feedback: 'Right.' },
            { id: 'b', text: 'Yes', correct: false, feedback: 'Not yet.' },
          ],
        },
        reflection: 'What is missing?',
        status: 'draft',
      },
    });
    expect(created.status).toBe(201);

    const { page, problems } = await openAs(member, '#/practice');
    const scenario = page.getByRole('region', { name: 'This week’s scenario for your job family' });
    await scenario.getByText(`Consultants · Week ${programWeek}`).waitFor();
    await scenario.getByRole('heading', { name: lesson.title }).waitFor();
    expect(await scenario.innerText()).toContain(lesson.scenario.slice(0, 60));
    expect(await page.getByText(draftTitle).count()).toBe(0);

    await page.getByRole('tab', { name: 'Home' }).click();
    await page.getByRole('region', { name: 'My learning' }).getByRole('list').waitFor();
    expect(await page.getByText(draftTitle).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Program' }).count()).toBe(0);
    expect(problems).toEqual(noProblems);
  });

  it('should list this week’s practice sessions with their attendee counts', async () => {
    const session = await runPractice(app, connector, sessionsIn, meetingId(), [
      people.member,
      people.champion,
    ]);
    const { page, problems } = await openAs(member, '#/practice');

    const thisWeek = page.getByRole('region', { name: 'This week’s sessions' });
    const card = thisWeek.getByRole('article').filter({ hasText: session.scenario.slice(0, 40) });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('2 attendees');
    expect(text).toContain(`Started by ${session.startedByName ?? session.startedBy}`);
    expect(text).toContain(session.jobFamilyName ?? session.jobFamilyId);
    expect(text).toContain('No prompts captured');
    // The demo program holds earlier weeks' sessions too; this list is the current week's.
    const listed = (await sessionsIn()).filter(
      (listedSession) => listedSession.week === session.week,
    );
    expect(await thisWeek.getByRole('listitem').count()).toBe(listed.length);
    await page
      .getByRole('region', { name: 'How to run the 20 minutes' })
      .getByText('@Lastmile practice schedule')
      .waitFor();
    expect(problems).toEqual(noProblems);
  });
});

describe('the practice side panel in a Teams meeting', () => {
  const clientId = '6a1b0c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
  let entra: LoopbackEntra;
  let connector: LoopbackConnector;
  let app: AppUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    entra = await startLoopbackEntra();
    connector = await startLoopbackConnector();
    app = await startTestApp({
      LASTMILE_DEV_IDENTITY: 'false',
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_ID_URI: `api://localhost/${clientId}`,
      AAD_JWKS_URL: entra.jwksUrl,
      AAD_ISSUER_TEMPLATE: entra.issuerTemplate,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await connector?.close();
    await entra?.close();
  });

  const tokenFor = (objectId: string): Promise<string> =>
    signAccessToken({
      key: entra.key,
      issuer: entra.issuerFor('demo'),
      audience: clientId,
      tenantId: 'demo',
      objectId,
    });

  // This app accepts Teams SSO tokens only, so the test reads the API as the member with one.
  const sessionsIn: SessionReader = async (conversationId) => {
    const response = await request(app.url, sessionsPath(conversationId), {
      headers: { authorization: `Bearer ${await tokenFor(people.member.aadObjectId)}` },
    });
    expect(response.status).toBe(200);
    return practiceSessionListSchema.parse(response.body).items;
  };

  /** The Practice page framed in the Teams stand-in as the lead, in a meeting's side panel. */
  async function openSidePanel(
    meeting: string,
  ): Promise<{ frame: ReturnType<Page['frameLocator']>; problems: PageProblems }> {
    const token = await tokenFor(people.lead.aadObjectId);
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 420, height: 900 },
    });
    context.setDefaultTimeout(waitMs);
    const page = await context.newPage();
    const problems = watchPageProblems(page);
    const host = await openInTeamsHost(page, new URL('/#/practice', app.url).toString(), {
      frameContext: 'sidePanel',
      chatId: meeting,
      meetingId: 'meeting-under-test',
      token,
    });
    await host.frame.getByRole('heading', { level: 2, name: 'Weekly practice' }).waitFor();
    return { frame: host.frame, problems };
  }

  it('should show this meeting’s practice with a phase timer and a live attendee count', async () => {
    const meeting = meetingId();
    const session = await runPractice(app, connector, sessionsIn, meeting, [people.member]);
    const { frame, problems } = await openSidePanel(meeting);

    const panel = frame.getByRole('region', { name: 'This meeting’s practice' });
    await panel.getByText(session.scenario.slice(0, 60), { exact: false }).waitFor();
    await panel.getByText('1 attendee', { exact: true }).waitFor();

    const timer = panel.getByRole('group', { name: 'Phase timer' });
    await timer.getByText('Try it: not started').waitFor();
    expect(await timer.getByRole('timer').innerText()).toBe('5:00');
    await timer.getByRole('button', { name: 'Start' }).click();
    await timer
      .getByRole('status')
      .filter({ hasText: /^Try it$/ })
      .waitFor();
    await expect
      .poll(() => timer.getByRole('timer').innerText(), { timeout: waitMs })
      .not.toBe('5:00');
    await timer.getByRole('button', { name: 'Pause' }).click();
    await timer.getByText('Try it: paused').waitFor();
    await timer.getByRole('button', { name: 'Next phase' }).click();
    await timer.getByText('Share what worked: paused').waitFor();
    expect(await timer.getByRole('timer').innerText()).toBe('10:00');

    // Someone else marks attendance on the card; the panel reads the count again by itself.
    await attend(app, connector, session, people.champion);
    await panel.getByText('2 attendees', { exact: true }).waitFor({ timeout: 25_000 });
    expect(problems).toEqual(noProblems);
  }, 60_000);

  it('should say how to start practice in a meeting that has none this week', async () => {
    const { frame, problems } = await openSidePanel(meetingId());

    const panel = frame.getByRole('region', { name: 'This meeting’s practice' });
    await panel.getByText('No practice in this meeting this week yet.', { exact: false }).waitFor();
    expect(await panel.innerText()).toContain('@Lastmile practice');
    expect(await panel.getByRole('group', { name: 'Phase timer' }).count()).toBe(0);
    expect(problems).toEqual(noProblems);
  });
});
