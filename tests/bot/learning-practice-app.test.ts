import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  learningProgressSchema,
  lessonListSchema,
  lessonViewSchema,
} from '../../src/contracts/lessons.js';
import { practiceSessionListSchema } from '../../src/contracts/practice.js';
import { promptPageSchema } from '../../src/contracts/prompts.js';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  type LoopbackConnector,
  type SentActivity,
  adaptiveCardOf,
  findCardElements,
  parseAdaptiveCard,
  postActivity,
  startLoopbackConnector,
  teamsMembersAdded,
  teamsMessage,
} from '../support/bot-framework.js';
import { getAs } from '../support/http.js';
import { teamsInvoke } from './message-extension-activities.js';

const champion: ChannelAccount = {
  id: '29:demo-champion',
  aadObjectId: '00000000-0000-4000-8000-00000000c001',
  name: 'Dana Whitfield',
};
const lead: ChannelAccount = {
  id: '29:demo-lead',
  aadObjectId: '00000000-0000-4000-8000-00000000c002',
  name: 'Lead Demo',
};
const member: ChannelAccount = {
  id: '29:demo-member',
  aadObjectId: '00000000-0000-4000-8000-00000000c003',
  name: 'Member Demo',
};

function cardText(activity: Partial<Activity> | undefined): string {
  return JSON.stringify(adaptiveCardOf(activity ?? {}));
}

function actionOf(card: unknown, verb: string): Record<string, unknown> | undefined {
  return findCardElements(card, 'Action.Execute').find((action) => action['verb'] === verb);
}

/** An `adaptiveCard/action` invoke, as Teams sends it for `Action.Execute`. */
function cardAction(
  verb: string,
  data: Record<string, unknown>,
  options: {
    serviceUrl: string;
    from: ChannelAccount;
    conversationId?: string;
    replyToId?: string;
  },
): Partial<Activity> {
  const activity = teamsInvoke(
    'adaptiveCard/action',
    { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    {
      serviceUrl: options.serviceUrl,
      from: options.from,
      ...(options.conversationId === undefined
        ? {}
        : { conversationId: options.conversationId, conversationType: 'groupChat' as const }),
    },
  );
  return options.replyToId === undefined ? activity : { ...activity, replyToId: options.replyToId };
}

interface InvokeCardResponse {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

describe('lessons in personal chat and practice in meetings, in the running app', () => {
  let app: TestApp;
  let connector: LoopbackConnector;
  let messages: string;

  beforeAll(async () => {
    connector = await startLoopbackConnector();
    // No proactive worker: these tests count what the bot posts in reply, and the demo's queued
    // notices would join in once the bot has heard from the tenant.
    app = await startTestApp({ LASTMILE_DELIVERY_WORKER: 'false' });
    messages = `${app.url}/api/messages`;
  });

  afterAll(async () => {
    await app?.dispose();
    await connector?.close();
  });

  /** A new meeting chat, and a way to type in it as someone: the bot's reply comes back. */
  function newMeeting(): {
    where: { serviceUrl: string; conversationType: 'groupChat'; conversationId: string };
    say(text: string, from: ChannelAccount): Promise<SentActivity | undefined>;
  } {
    const where = {
      serviceUrl: connector.serviceUrl,
      conversationType: 'groupChat' as const,
      conversationId: `19:meeting_${randomUUID()}@thread.v2`,
    };
    return {
      where,
      async say(text, from) {
        const before = connector.activities.length;
        await postActivity(messages, teamsMessage(text, { ...where, from, mentionBot: true }));
        return (await connector.waitForActivities(before + 1, 5_000))[before];
      },
    };
  }

  it('should post a lesson card to the serviceUrl within 5 s when the member types lesson', async () => {
    const before = connector.activities.length;
    const started = Date.now();
    const response = await postActivity(
      messages,
      teamsMessage('lesson', { serviceUrl: connector.serviceUrl, from: member }),
    );
    expect(response.status).toBe(200);
    const all = await connector.waitForActivities(before + 1, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    const card = adaptiveCardOf(all[before]?.activity ?? {});
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    const answer = actionOf(card, 'answerLesson');
    expect(answer?.['data']).toEqual({ lessonId: 'consulting-w1-brief-the-assistant' });
    expect(JSON.stringify(card)).toContain('Week 1');
  });

  it('should refresh the lesson card with feedback and record the completion once', async () => {
    const lessonId = 'consulting-w1-brief-the-assistant';
    const lesson = await getAs(app.url, `/api/lessons/${lessonId}`, 'member@demo.example', (body) =>
      lessonViewSchema.parse(body),
    );
    const wrong = lesson.check.options.find((option) => !option.correct);
    expect(wrong).toBeDefined();
    const first = await postActivity(
      messages,
      cardAction(
        'answerLesson',
        { lessonId, answerId: wrong?.id, reflection: 'I will name the audience next time.' },
        { serviceUrl: connector.serviceUrl, from: member },
      ),
    );
    expect(first.status).toBe(200);
    const body = first.body as InvokeCardResponse;
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain(JSON.stringify(wrong?.feedback).slice(1, 60));
    expect(actionOf(body.value, 'answerLesson')).toBeUndefined();

    const again = await postActivity(
      messages,
      cardAction(
        'answerLesson',
        { lessonId, answerId: lesson.check.options.find((option) => option.correct)?.id },
        { serviceUrl: connector.serviceUrl, from: member },
      ),
    );
    expect(JSON.stringify((again.body as InvokeCardResponse).value)).toMatch(/already/i);

    const progress = await getAs(app.url, '/api/me/learning', 'member@demo.example', (body) =>
      learningProgressSchema.parse(body),
    );
    const row = progress.lessons.find((entry) => entry.id === lessonId);
    expect(row).toMatchObject({ state: 'done', correct: false });
    expect(progress.completed).toBe(1);
  });

  it('should show progress and then the next lesson', async () => {
    const before = connector.activities.length;
    await postActivity(
      messages,
      teamsMessage('progress', { serviceUrl: connector.serviceUrl, from: member }),
    );
    const all = await connector.waitForActivities(before + 1, 5_000);
    const progressCard = adaptiveCardOf(all[before]?.activity ?? {});
    expect(JSON.stringify(progressCard)).toContain('Done');
    const next = await postActivity(
      messages,
      cardAction('nextLesson', {}, { serviceUrl: connector.serviceUrl, from: member }),
    );
    const card = (next.body as InvokeCardResponse).value;
    const lessons = await getAs(
      app.url,
      '/api/lessons?jobFamilyId=consulting',
      'member@demo.example',
      (body) => lessonListSchema.parse(body),
    );
    const weekTwo = lessons.items.find((lesson) => lesson.week === 2);
    expect(actionOf(card, 'answerLesson')?.['data']).toEqual({ lessonId: weekTwo?.id });
  });

  it('should send the welcome and the set-up card on install, and save the set-up', async () => {
    const person: ChannelAccount = {
      id: `29:${randomUUID()}`,
      aadObjectId: randomUUID(),
      name: 'New Joiner',
    };
    const before = connector.activities.length;
    await postActivity(
      messages,
      teamsMembersAdded({ serviceUrl: connector.serviceUrl, from: person, membersAdded: [person] }),
    );
    const all = await connector.waitForActivities(before + 2, 5_000);
    const setup = adaptiveCardOf(all[before + 1]?.activity ?? {});
    expect(actionOf(setup, 'saveSetup')).toBeDefined();
    const inputIds = ['Input.ChoiceSet', 'Input.Time'].flatMap((type) =>
      findCardElements(setup, type).map((input) => input['id']),
    );
    expect(inputIds).toEqual(
      expect.arrayContaining([
        'jobFamilyId',
        'departmentId',
        'lessonDay',
        'lessonTime',
        'timeZone',
      ]),
    );

    const missing = await postActivity(
      messages,
      cardAction(
        'saveSetup',
        { jobFamilyId: 'analysis' },
        { serviceUrl: connector.serviceUrl, from: person },
      ),
    );
    expect(JSON.stringify((missing.body as InvokeCardResponse).value)).toContain('Please choose');

    const saved = await postActivity(
      messages,
      cardAction(
        'saveSetup',
        {
          jobFamilyId: 'analysis',
          departmentId: 'financial-advisory',
          lessonDay: 'thursday',
          lessonTime: '09:30',
          timeZone: 'Europe/London',
        },
        { serviceUrl: connector.serviceUrl, from: person },
      ),
    );
    expect(JSON.stringify((saved.body as InvokeCardResponse).value)).toContain(
      'lessons arrive on Thursdays at 09:30 (Europe/London)',
    );
  });

  it('should run practice in a meeting: the lead posts it, three people attend, one of them twice', async () => {
    const { where, say } = newMeeting();
    const meeting = where.conversationId;
    const posted = await say('practice', lead);
    expect(posted?.conversationId).toBe(meeting);
    const card = adaptiveCardOf(posted?.activity ?? {});
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    const attend = actionOf(card, 'attendPractice');
    const sessionId = (attend?.['data'] as { sessionId: string }).sessionId;
    expect(sessionId).toMatch(/^practice:/);

    for (const person of [member, champion, member, lead]) {
      const response = await postActivity(
        messages,
        cardAction(
          'attendPractice',
          { sessionId },
          {
            serviceUrl: connector.serviceUrl,
            from: person,
            conversationId: meeting,
            replyToId: 'activity-practice-card',
          },
        ),
      );
      expect(response.status).toBe(200);
    }
    const sessions = practiceSessionListSchema.parse(
      await getAs(
        app.url,
        `/api/practice-sessions?conversationId=${encodeURIComponent(meeting)}`,
        'member@demo.example',
        (body) => body,
      ),
    );
    expect(sessions.items).toHaveLength(1);
    expect(sessions.items[0]).toMatchObject({
      id: sessionId,
      conversationId: meeting,
      attendeeCount: 3,
    });
    const updates = connector.requests.filter(
      (request) => request.method === 'PUT' && request.path.includes(encodeURIComponent(meeting)),
    );
    expect(updates.length).toBe(3);
    expect(cardText(connector.activities.at(-1)?.activity)).toContain('3 people took part');
  });

  it('should refuse practice from a member and explain who can start it', async () => {
    const meeting = `19:meeting_${randomUUID()}@thread.v2`;
    const before = connector.activities.length;
    await postActivity(
      messages,
      teamsMessage('practice', {
        serviceUrl: connector.serviceUrl,
        conversationType: 'groupChat',
        conversationId: meeting,
        from: member,
        mentionBot: true,
      }),
    );
    const all = await connector.waitForActivities(before + 1, 5_000);
    expect(cardText(all[before]?.activity)).toContain('Only team leads and AI champions');
  });

  it('should capture a prompt from practice as a proposal linked to the session', async () => {
    const { where, say } = newMeeting();
    const card = adaptiveCardOf((await say('practice', champion))?.activity ?? {});
    const capture = findCardElements(card, 'Action.Submit').find(
      (action) => (action['data'] as { verb?: string }).verb === 'capturePrompt',
    );
    const data = capture?.['data'] as Record<string, unknown>;
    const fetched = await postActivity(
      messages,
      teamsInvoke('task/fetch', { data }, { ...where, from: member }),
    );
    const form = (fetched.body as { task: { type: string; value: { card: { content: unknown } } } })
      .task;
    expect(form.type).toBe('continue');
    const title = `Steering pack opener ${randomUUID().slice(0, 6)}`;
    const submitted = await postActivity(
      messages,
      teamsInvoke(
        'task/submit',
        {
          data: {
            verb: 'submitCapture',
            sessionId: data['sessionId'],
            title,
            body: 'Summarise the three decisions the steering committee must take, one line each.',
          },
        },
        { ...where, from: member },
      ),
    );
    expect((submitted.body as { task: { value: string } }).task.value).toContain(title);
    const queue = promptPageSchema.parse(
      await getAs(
        app.url,
        `/api/prompts?status=in-review&q=${encodeURIComponent(title)}`,
        'champion@demo.example',
        (body) => body,
      ),
    );
    expect(queue.items.map((prompt) => prompt.title)).toContain(title);
  });

  it('should post scheduled practice when the meeting starts', async () => {
    const { where, say } = newMeeting();
    expect(cardText((await say('practice schedule', lead))?.activity)).toContain(
      'Practice is scheduled',
    );

    const before = connector.activities.length;
    const start = {
      ...teamsMessage('', { ...where, from: lead }),
      type: 'event',
      name: 'application/vnd.microsoft.meetingStart',
      value: {
        Id: 'meeting-id',
        JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        Title: 'Weekly team meeting',
        MeetingType: 'Scheduled',
        StartTime: new Date().toISOString(),
      },
      channelData: { tenant: { id: 'demo' }, eventType: 'MeetingStart' },
    };
    const response = await postActivity(messages, start);
    expect(response.status).toBe(200);
    const all = await connector.waitForActivities(before + 1, 5_000);
    expect(actionOf(adaptiveCardOf(all[before]?.activity ?? {}), 'attendPractice')).toBeDefined();
  });
});
