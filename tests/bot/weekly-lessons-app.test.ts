import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryListSchema } from '../../src/contracts/deliveries.js';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  type LoopbackConnector,
  adaptiveCardOf,
  findCardElements,
  postActivity,
  startLoopbackConnector,
  teamsMembersAdded,
  teamsMessage,
} from '../support/bot-framework.js';
import { devHeaders, request } from '../support/http.js';
import { teamsInvoke } from './message-extension-activities.js';

/**
 * The whole weekly path in the running app: a person installs the bot and sets up, the scheduler
 * finds their lesson due and enqueues it, a delivery worker sends it through the Bot Connector
 * (the loopback one) as a proactive message, and running the scheduler again adds nothing.
 */

function newPerson(name: string): ChannelAccount {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name };
}

function lessonIdOf(activity: Partial<Activity>): unknown {
  const action = findCardElements(adaptiveCardOf(activity), 'Action.Execute').find(
    (candidate) => candidate['verb'] === 'answerLesson',
  );
  return (action?.['data'] as { lessonId?: unknown } | undefined)?.lessonId;
}

describe('weekly lessons delivered by the scheduler and the delivery queue', () => {
  let app: TestApp;
  let connector: LoopbackConnector;

  beforeAll(async () => {
    connector = await startLoopbackConnector();
    app = await startTestApp({ LASTMILE_SCHEDULER_INTERVAL_SECONDS: '1' });
  });

  afterAll(async () => {
    await app?.dispose();
    await connector?.close();
  });

  it("should send a set-up person this week's lesson once, without being asked", async () => {
    const person = newPerson('Weekly Learner');
    const where = { serviceUrl: connector.serviceUrl, from: person };
    const installed = teamsMembersAdded({ ...where, membersAdded: [person] });
    await postActivity(`${app.url}/api/messages`, installed);
    const setup = teamsInvoke(
      'adaptiveCard/action',
      {
        action: {
          type: 'Action.Execute',
          verb: 'saveSetup',
          data: {
            jobFamilyId: 'operations',
            departmentId: 'finance-operations',
            // Monday 00:00 UTC: this program week's lesson is due already.
            lessonDay: 'monday',
            lessonTime: '00:00',
            timeZone: 'UTC',
          },
        },
      },
      { ...where, conversationId: installed.conversation?.id ?? '' },
    );
    const saved = await postActivity(`${app.url}/api/messages`, setup);
    expect(JSON.stringify(saved.body)).toContain("You're set");

    const conversationId = installed.conversation?.id;
    const deadline = Date.now() + 15_000;
    let proactive: Partial<Activity> | undefined;
    while (proactive === undefined && Date.now() < deadline) {
      proactive = connector.activities.find(
        (sent) =>
          sent.conversationId === conversationId &&
          sent.replyToId === undefined &&
          lessonIdOf(sent.activity) !== undefined,
      )?.activity;
      if (proactive === undefined) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(proactive, 'a proactive lesson card within 15 s').toBeDefined();
    expect(String(lessonIdOf(proactive ?? {}))).toMatch(/^operations-w/);

    // Several more scheduler runs (one a second) must not send it again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const lessons = connector.activities.filter(
      (sent) => sent.conversationId === conversationId && lessonIdOf(sent.activity) !== undefined,
    );
    expect(lessons).toHaveLength(1);

    const sent = await request(app.url, '/api/deliveries?state=sent', {
      headers: devHeaders('person-748@demo.example'),
    });
    expect(sent.status).toBe(200);
    const items = deliveryListSchema.parse(sent.body).items;
    expect(
      items.filter(
        (item) => item.recipient.kind === 'person' && item.recipient.userId === person.aadObjectId,
      ),
    ).toHaveLength(1);
  });

  it('should send a lesson asked for in a group chat to a new 1:1 chat, not to the group', async () => {
    const member: ChannelAccount = {
      id: '29:demo-member',
      aadObjectId: '00000000-0000-4000-8000-00000000c003',
      name: 'Member Demo',
    };
    const group = `19:${randomUUID()}@thread.v2`;
    const before = connector.activities.length;
    await postActivity(
      `${app.url}/api/messages`,
      teamsMessage('lesson', {
        serviceUrl: connector.serviceUrl,
        conversationType: 'groupChat',
        conversationId: group,
        from: member,
        mentionBot: true,
      }),
    );
    const [reply] = (await connector.waitForActivities(before + 1, 5_000)).slice(before);
    expect(reply?.conversationId).toBe(group);
    expect(JSON.stringify(adaptiveCardOf(reply?.activity ?? {}))).toContain('private chat');

    const deadline = Date.now() + 15_000;
    let created = connector.conversationsCreated.find((conversation) =>
      JSON.stringify(conversation.parameters).includes(member.aadObjectId ?? ''),
    );
    while (created === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      created = connector.conversationsCreated.find((conversation) =>
        JSON.stringify(conversation.parameters).includes(member.aadObjectId ?? ''),
      );
    }
    expect(created, 'a 1:1 chat created within 15 s').toBeDefined();
    await connector.waitForActivities(connector.activities.length, 1_000);
    let lesson: Partial<Activity> | undefined;
    while (lesson === undefined && Date.now() < deadline) {
      lesson = connector.activities.find(
        (sent) => sent.conversationId === created?.id && lessonIdOf(sent.activity) !== undefined,
      )?.activity;
      if (lesson === undefined) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(String(lessonIdOf(lesson ?? {}))).toMatch(/^consulting-w/);
    expect(
      connector.activities.filter(
        (sent) => sent.conversationId === group && lessonIdOf(sent.activity) !== undefined,
      ),
    ).toHaveLength(0);
  });

  it('should keep the delivery queue from members', async () => {
    const response = await request(app.url, '/api/deliveries?state=dead', {
      headers: devHeaders('member@demo.example'),
    });
    expect(response.status).toBe(403);
  });
});
