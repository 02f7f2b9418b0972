import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Activity, ChannelAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meResponseSchema } from '../../src/contracts/identity.js';
import { type PulseView, pulseViewSchema } from '../../src/contracts/pulse.js';
import { demoPersonUpn } from '../../src/domain/demo-tenant.js';
import { localDataFileName } from '../../src/storage/storage.js';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  type LoopbackConnector,
  adaptiveCardOf,
  findCardElements,
  parseAdaptiveCard,
  postActivity,
  startLoopbackConnector,
  teamsMembersAdded,
  teamsMessage,
} from '../support/bot-framework.js';
import { textBlocks } from '../support/card-checks.js';
import { getAs } from '../support/http.js';
import { teamsInvoke } from './message-extension-activities.js';

/**
 * The weekly pulse in the running app: `pulse` in personal chat, the card answered with
 * `Action.Execute`, the answer visible through `GET /api/pulse`, and the weekly proactive pulse
 * sent by the scheduler through the delivery queue to the loopback Bot Connector.
 */

interface InvokeCardResponse {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

interface RosterPerson {
  readonly upn: string;
  readonly account: ChannelAccount;
  /** Their 1:1 chat with the bot. */
  readonly conversationId: string;
}

function actionOf(card: unknown, verb: string): Record<string, unknown> | undefined {
  return findCardElements(card, 'Action.Execute').find((action) => action['verb'] === verb);
}

describe('the weekly pulse in personal chat, in the running app', () => {
  let app: TestApp;
  let connector: LoopbackConnector;
  let messages: string;
  let closed = false;
  const taken = new Set<string>();

  beforeAll(async () => {
    connector = await startLoopbackConnector();
    app = await startTestApp({ LASTMILE_SCHEDULER_INTERVAL_SECONDS: '1' });
    messages = `${app.url}/api/messages`;
  });

  afterAll(async () => {
    if (!closed) await app?.dispose();
    else await rm(app.dataDir, { recursive: true, force: true });
    await connector?.close();
  });

  const pulseOf = (upn: string): Promise<PulseView> =>
    getAs(app.url, '/api/pulse', upn, (body) => pulseViewSchema.parse(body));

  /**
   * A demo person with a question and no answer yet this week. The demo program answers the
   * pulse for about a third of the roster each week, so a few are looked at (at most 40).
   */
  async function unansweredPerson(): Promise<RosterPerson> {
    for (let number = 1; number <= 40; number += 1) {
      const upn = demoPersonUpn(number);
      if (taken.has(upn)) continue;
      const view = await pulseOf(upn);
      if (view.question === null || view.answer !== null) continue;
      taken.add(upn);
      const me = await getAs(app.url, '/api/me', upn, (body) => meResponseSchema.parse(body));
      return {
        upn,
        account: { id: `29:${randomUUID()}`, aadObjectId: me.userId, name: me.displayName ?? upn },
        conversationId: `a:personal-${randomUUID()}`,
      };
    }
    throw new Error('No demo person without a pulse answer this week among the first 40');
  }

  async function say(person: RosterPerson, text: string): Promise<Partial<Activity>> {
    const before = connector.activities.length;
    const response = await postActivity(
      messages,
      teamsMessage(text, {
        serviceUrl: connector.serviceUrl,
        from: person.account,
        conversationId: person.conversationId,
      }),
    );
    expect(response.status).toBe(200);
    const sent = await connector.waitForActivities(before + 1, 5_000);
    return sent[before]?.activity ?? {};
  }

  async function act(
    person: RosterPerson,
    verb: string,
    data: Record<string, unknown> = {},
  ): Promise<unknown> {
    const response = await postActivity(
      messages,
      teamsInvoke(
        'adaptiveCard/action',
        { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        {
          serviceUrl: connector.serviceUrl,
          from: person.account,
          conversationId: person.conversationId,
        },
      ),
    );
    expect(response.status).toBe(200);
    const body = response.body as InvokeCardResponse;
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(parseAdaptiveCard(body.value).problems).toEqual([]);
    return body.value;
  }

  let answered: { person: RosterPerson; week: string } | undefined;

  it('should answer pulse with a card, record the answer and refresh the card to a thank-you', async () => {
    const person = await unansweredPerson();
    const { question, week } = await pulseOf(person.upn);

    const card = adaptiveCardOf(await say(person, 'pulse'));
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    expect(actionOf(card, 'answerPulse')?.['data']).toEqual({ taskId: question?.taskId });
    expect(JSON.stringify(card)).toContain(JSON.stringify(question?.taskName));
    expect(findCardElements(card, 'Input.Number').map((input) => input['id'])).toEqual(['minutes']);
    expect(findCardElements(card, 'Input.Toggle').map((input) => input['id'])).toEqual([
      'aiHelped',
    ]);

    // Teams sends the inputs as text, merged with the action's data.
    const thanks = await act(person, 'answerPulse', {
      taskId: question?.taskId,
      minutes: '37',
      aiHelped: 'true',
    });
    expect(actionOf(thanks, 'answerPulse')).toBeUndefined();
    expect(actionOf(thanks, 'editPulse')).toBeDefined();
    expect(textBlocks(thanks)).toContain('37 minutes · AI helped');
    expect((await pulseOf(person.upn)).answer).toMatchObject({
      taskId: question?.taskId,
      minutes: 37,
      aiHelped: true,
    });
    answered = { person, week };
  });

  it('should keep one answer a week: a second answer replaces the first', async () => {
    expect(answered).toBeDefined();
    const person = answered?.person ?? (await unansweredPerson());
    const view = await pulseOf(person.upn);

    const again = adaptiveCardOf(await say(person, 'pulse'));
    expect(textBlocks(again)).toContain('37 minutes · AI helped');
    const form = await act(person, 'editPulse');
    expect(findCardElements(form, 'Input.Number')[0]).toMatchObject({ value: 37 });
    expect(findCardElements(form, 'Input.Toggle')[0]).toMatchObject({ value: 'true' });

    const thanks = await act(person, 'answerPulse', {
      taskId: view.answer?.taskId,
      minutes: '52',
      aiHelped: 'false',
    });
    expect(textBlocks(thanks)).toContain('52 minutes · AI did not help');
    expect((await pulseOf(person.upn)).answer).toMatchObject({ minutes: 52, aiHelped: false });
  });

  it('should keep the form with a plain error when the minutes are missing or out of range', async () => {
    const person = await unansweredPerson();
    const { question } = await pulseOf(person.upn);
    for (const minutes of ['', '0', 'soon', '10001']) {
      const card = await act(person, 'answerPulse', {
        taskId: question?.taskId,
        minutes,
        aiHelped: 'false',
      });
      expect(actionOf(card, 'answerPulse')?.['data']).toEqual({ taskId: question?.taskId });
      expect(JSON.stringify(card)).toContain('Enter the minutes it took as a whole number');
    }
    expect((await pulseOf(person.upn)).answer).toBeNull();
  });

  it('should send the pulse to a personal chat only', async () => {
    const person = await unansweredPerson();
    const before = connector.activities.length;
    await postActivity(
      messages,
      teamsMessage('pulse', {
        serviceUrl: connector.serviceUrl,
        from: person.account,
        conversationType: 'groupChat',
        mentionBot: true,
      }),
    );
    const sent = await connector.waitForActivities(before + 1, 5_000);
    expect(JSON.stringify(adaptiveCardOf(sent[before]?.activity ?? {}))).toContain(
      'The weekly pulse is personal',
    );
  });

  it("should send a set-up person this week's pulse once, without being asked", async () => {
    const person = await unansweredPerson();
    const where = {
      serviceUrl: connector.serviceUrl,
      from: person.account,
      conversationId: person.conversationId,
    };
    await postActivity(messages, teamsMembersAdded({ ...where, membersAdded: [person.account] }));
    const saved = await act(person, 'saveSetup', {
      jobFamilyId: 'consulting',
      departmentId: 'strategy-consulting',
      // Monday 00:00 UTC: this week's pulse is due already.
      lessonDay: 'monday',
      lessonTime: '00:00',
      timeZone: 'UTC',
    });
    expect(JSON.stringify(saved)).toContain("You're set");

    const pulseCards = (): Partial<Activity>[] =>
      connector.activities
        .filter(
          (sent) =>
            sent.conversationId === person.conversationId &&
            sent.replyToId === undefined &&
            actionOf(adaptiveCardOf(sent.activity), 'answerPulse') !== undefined,
        )
        .map((sent) => sent.activity);
    const deadline = Date.now() + 15_000;
    while (pulseCards().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(pulseCards(), 'a proactive pulse card within 15 s').toHaveLength(1);
    const { question } = await pulseOf(person.upn);
    expect(actionOf(adaptiveCardOf(pulseCards()[0] ?? {}), 'answerPulse')?.['data']).toEqual({
      taskId: question?.taskId,
    });

    // Several more scheduler runs (one a second) must not send it again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(pulseCards()).toHaveLength(1);
    const deliveries = await getAs(
      app.url,
      '/api/deliveries?state=sent',
      'person-748@demo.example',
      (body) => body as { items: { id: string }[] },
    );
    expect(deliveries.items.map((item) => item.id)).toContain(
      `pulse:${person.account.aadObjectId ?? ''}:${(await pulseOf(person.upn)).week}`,
    );
  });

  it('should have stored one answer for the person who answered twice', async () => {
    expect(answered).toBeDefined();
    const { person, week } = answered ?? { person: undefined, week: '' };
    await app.close();
    closed = true;
    const file = JSON.parse(await readFile(path.join(app.dataDir, localDataFileName), 'utf8')) as {
      containers: Record<string, Record<string, unknown>[]>;
    };
    const stored = (file.containers['activity'] ?? []).filter(
      (document) =>
        document['type'] === 'pulseAnswer' &&
        document['userId'] === person?.account.aadObjectId &&
        document['week'] === week,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ minutes: 52, aiHelped: false, pk: `demo:${week}` });
  });
});
