import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  flagListSchema,
  type FlagView,
  improvementListSchema,
} from '../../src/contracts/feedback.js';
import { demoPersonUpn } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  type LoopbackConnector,
  adaptiveCardOf,
  findCardElements,
  postActivity,
  startLoopbackConnector,
  teamsMessage,
} from '../support/bot-framework.js';
import { devHeaders, getAs, request } from '../support/http.js';
import { teamsInvoke } from './message-extension-activities.js';

const member: ChannelAccount = {
  id: '29:demo-member',
  aadObjectId: '00000000-0000-4000-8000-00000000c003',
  name: 'Member Demo',
};

function flagAction(
  data: Record<string, unknown>,
  options: {
    serviceUrl: string;
    from: ChannelAccount;
    conversationType?: 'personal' | 'groupChat';
    conversationId?: string;
  },
  step:
    | 'composeExtension/submitAction'
    | 'composeExtension/fetchTask' = 'composeExtension/submitAction',
): Partial<Activity> {
  return teamsInvoke(
    step,
    {
      commandId: 'flagOutput',
      commandContext: 'message',
      messagePayload: {
        id: `message-${randomUUID()}`,
        body: { contentType: 'html', content: '<p>Revenue grew <b>400%</b> last quarter.</p>' },
        from: { user: { id: 'copilot', displayName: 'Copilot' } },
      },
      data,
    },
    options,
  );
}

async function flagsAs(app: TestApp, upn: string): Promise<FlagView[]> {
  return getAs(app.url, '/api/flags', upn, (body) => flagListSchema.parse(body).items);
}

describe('flags on AI output, from the message action to the flagger hearing back', () => {
  let app: TestApp;
  let connector: LoopbackConnector;
  let messages: string;

  beforeAll(async () => {
    connector = await startLoopbackConnector();
    app = await startTestApp();
    messages = `${app.url}/api/messages`;
  });

  afterAll(async () => {
    await app?.dispose();
    await connector?.close();
  });

  it('should open the flag form on the message, with the category and expectation inputs', async () => {
    const response = await postActivity(
      messages,
      flagAction(
        {},
        { serviceUrl: connector.serviceUrl, from: member },
        'composeExtension/fetchTask',
      ),
    );
    const task = (
      response.body as { task: { type: string; value: { card: { content: unknown } } } }
    ).task;
    expect(task.type).toBe('continue');
    const card = task.value.card.content;
    const ids = ['Input.ChoiceSet', 'Input.Text'].flatMap((type) =>
      findCardElements(card, type).map((input) => input['id']),
    );
    expect(ids).toEqual(expect.arrayContaining(['category', 'expected', 'promptId']));
    expect(JSON.stringify(card)).toContain('Revenue grew 400% last quarter.');
  });

  it('should send the form back with what is missing, and create nothing', async () => {
    const before = (await flagsAs(app, 'champion@demo.example')).length;
    const response = await postActivity(
      messages,
      flagAction({ expected: '' }, { serviceUrl: connector.serviceUrl, from: member }),
    );
    const task = (response.body as { task: { type: string; value: { card: unknown } } }).task;
    expect(task.type).toBe('continue');
    expect(JSON.stringify(task.value.card)).toContain('Choose what was wrong with it.');
    expect(await flagsAs(app, 'champion@demo.example')).toHaveLength(before);
  });

  it('should create a flag the champion sees and another member does not', async () => {
    const response = await postActivity(
      messages,
      flagAction(
        { category: 'wrong', expected: 'Revenue grew 4%, as the board pack says.' },
        { serviceUrl: connector.serviceUrl, from: member },
      ),
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('Thank you');

    const forChampion = await flagsAs(app, 'champion@demo.example');
    const flag = forChampion.find((item) => item.expected.startsWith('Revenue grew 4%'));
    expect(flag).toMatchObject({
      source: 'message-action',
      category: 'wrong',
      state: 'open',
      flaggedBy: member.aadObjectId,
      outputText: 'Revenue grew 400% last quarter.',
      outputAuthor: 'Copilot',
    });
    expect((await flagsAs(app, 'member@demo.example')).map((item) => item.id)).toContain(flag?.id);
    const someoneElse = demoPersonUpn(40);
    expect((await flagsAs(app, someoneElse)).map((item) => item.id)).not.toContain(flag?.id);
    const direct = await request(app.url, `/api/flags/${encodeURIComponent(flag?.id ?? '')}`, {
      headers: devHeaders(someoneElse),
    });
    expect(direct.status).toBe(404);
  });

  it('should tell the flagger the outcome within 10 s of the resolution', async () => {
    const conversationId = `a:personal-${randomUUID()}`;
    const expected = `The figure should be 4% (${randomUUID().slice(0, 6)})`;
    await postActivity(
      messages,
      flagAction(
        { category: 'wrong', expected },
        { serviceUrl: connector.serviceUrl, from: member, conversationId },
      ),
    );
    const flag = (await flagsAs(app, 'champion@demo.example')).find(
      (item) => item.expected === expected,
    );
    expect(flag).toBeDefined();
    const started = Date.now();
    const resolved = await request(
      app.url,
      `/api/flags/${encodeURIComponent(flag?.id ?? '')}/resolution`,
      {
        method: 'POST',
        headers: devHeaders('champion@demo.example'),
        body: {
          action: 'escalated-to-vendor',
          vendor: 'Contoso AI',
          reference: 'CASE-1042',
          note: 'They are fixing the model.',
        },
      },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      state: 'resolved',
      resolution: { action: 'escalated-to-vendor' },
    });

    let notice: Partial<Activity> | undefined;
    while (notice === undefined && Date.now() - started < 10_000) {
      notice = connector.activities.find(
        (sent) =>
          sent.conversationId === conversationId &&
          JSON.stringify(adaptiveCardOf(sent.activity)).includes('CASE-1042'),
      )?.activity;
      if (notice === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(notice, 'the outcome at the flagger’s chat within 10 s').toBeDefined();
    expect(JSON.stringify(adaptiveCardOf(notice ?? {}))).toContain('Contoso AI');

    const again = await request(
      app.url,
      `/api/flags/${encodeURIComponent(flag?.id ?? '')}/resolution`,
      {
        method: 'POST',
        headers: devHeaders('champion@demo.example'),
        body: { action: 'dismissed', note: 'Twice' },
      },
    );
    expect(again.status).toBe(409);
  });

  it('should reach someone who flagged in a group chat through a new 1:1 chat', async () => {
    const person: ChannelAccount = {
      id: `29:${randomUUID()}`,
      aadObjectId: randomUUID(),
      name: 'Group Flagger',
    };
    const expected = `Not biased please (${randomUUID().slice(0, 6)})`;
    await postActivity(
      messages,
      flagAction(
        { category: 'biased', expected },
        {
          serviceUrl: connector.serviceUrl,
          from: person,
          conversationType: 'groupChat',
          conversationId: `19:${randomUUID()}@thread.v2`,
        },
      ),
    );
    const flag = (await flagsAs(app, 'champion@demo.example')).find(
      (item) => item.expected === expected,
    );
    const resolved = await request(
      app.url,
      `/api/flags/${encodeURIComponent(flag?.id ?? '')}/resolution`,
      {
        method: 'POST',
        headers: devHeaders('champion@demo.example'),
        body: { action: 'dismissed', note: 'The wording was quoted from the client brief.' },
      },
    );
    expect(resolved.status).toBe(200);
    const deadline = Date.now() + 10_000;
    let created = connector.conversationsCreated.find((conversation) =>
      JSON.stringify(conversation.parameters).includes(person.aadObjectId ?? ''),
    );
    while (created === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      created = connector.conversationsCreated.find((conversation) =>
        JSON.stringify(conversation.parameters).includes(person.aadObjectId ?? ''),
      );
    }
    expect(created).toBeDefined();
    await connector.waitForActivities(1, 1_000);
    let notice: Partial<Activity> | undefined;
    while (notice === undefined && Date.now() < deadline) {
      notice = connector.activities.find((sent) => sent.conversationId === created?.id)?.activity;
      if (notice === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(JSON.stringify(adaptiveCardOf(notice ?? {}))).toContain('quoted from the client brief');
  });

  it('should take a flag in the bot chat: flag, then the card submitted with submitFlag', async () => {
    const before = connector.activities.length;
    await postActivity(
      messages,
      teamsMessage('flag', { serviceUrl: connector.serviceUrl, from: member }),
    );
    const [reply] = (await connector.waitForActivities(before + 1, 5_000)).slice(before);
    const card = adaptiveCardOf(reply?.activity ?? {});
    const submit = findCardElements(card, 'Action.Execute').find(
      (action) => action['verb'] === 'submitFlag',
    );
    expect(submit).toBeDefined();
    expect(findCardElements(card, 'Input.Text').map((input) => input['id'])).toContain(
      'outputText',
    );

    const execute = (data: Record<string, unknown>): Partial<Activity> =>
      teamsInvoke(
        'adaptiveCard/action',
        { action: { type: 'Action.Execute', verb: 'submitFlag', data } },
        { serviceUrl: connector.serviceUrl, from: member },
      );
    const missing = await postActivity(messages, execute({ category: 'unsafe' }));
    expect(JSON.stringify(missing.body)).toContain('Say what you expected instead.');

    const expected = `No medical advice in client emails (${randomUUID().slice(0, 6)})`;
    const sent = await postActivity(
      messages,
      execute({ category: 'unsafe', expected, outputText: 'Take two of these and call me.' }),
    );
    expect(JSON.stringify(sent.body)).toContain('Thank you');
    const flag = (await flagsAs(app, 'member@demo.example')).find(
      (item) => item.expected === expected,
    );
    expect(flag).toMatchObject({
      source: 'bot',
      category: 'unsafe',
      outputText: 'Take two of these and call me.',
    });
  });

  it('should turn a thumbs-down on an inserted prompt card into a flag on that prompt', async () => {
    const execute = (verb: string, data: Record<string, unknown>): Partial<Activity> =>
      teamsInvoke(
        'adaptiveCard/action',
        { action: { type: 'Action.Execute', verb, data } },
        {
          serviceUrl: connector.serviceUrl,
          from: member,
          conversationType: 'groupChat',
          conversationId: `19:${randomUUID()}@thread.v2`,
        },
      );
    const promptId = 'p-proposal-exec-summary';
    const form = await postActivity(messages, execute('flagPrompt', { promptId }));
    const card = (form.body as { value: unknown }).value;
    const submit = findCardElements(card, 'Action.Execute').find(
      (action) => action['verb'] === 'submitFlag',
    );
    expect(submit?.['data']).toEqual({ source: 'prompt-card' });
    const expected = `It skipped the pricing section (${randomUUID().slice(0, 6)})`;
    await postActivity(
      messages,
      execute('submitFlag', { source: 'prompt-card', category: 'unhelpful', expected, promptId }),
    );
    const flag = (await flagsAs(app, 'champion@demo.example')).find(
      (item) => item.expected === expected,
    );
    expect(flag).toMatchObject({ source: 'prompt-card', promptId });
    expect(flag?.reviewerId).toBeDefined();
  });

  it('should take a workflow improvement with suggest, count it, and let the champion push it to the vendor', async () => {
    const before = connector.activities.length;
    await postActivity(
      messages,
      teamsMessage('suggest', { serviceUrl: connector.serviceUrl, from: member }),
    );
    const [reply] = (await connector.waitForActivities(before + 1, 5_000)).slice(before);
    expect(
      findCardElements(adaptiveCardOf(reply?.activity ?? {}), 'Action.Execute').map(
        (action) => action['verb'],
      ),
    ).toEqual(['submitSuggestion']);

    const title = `Draft the steering pack from the status tracker (${randomUUID().slice(0, 6)})`;
    const sent = await postActivity(
      messages,
      teamsInvoke(
        'adaptiveCard/action',
        {
          action: {
            type: 'Action.Execute',
            verb: 'submitSuggestion',
            data: { title, detail: 'Export first.' },
          },
        },
        { serviceUrl: connector.serviceUrl, from: member },
      ),
    );
    expect(JSON.stringify(sent.body)).toContain('Thank you');

    const list = await getAs(app.url, '/api/improvements', 'member@demo.example', (body) =>
      improvementListSchema.parse(body),
    );
    const suggestion = list.items.find((item) => item.title === title);
    expect(suggestion).toMatchObject({ status: 'new', suggestedBy: member.aadObjectId });
    const read = await request(app.url, '/api/improvements', {
      headers: devHeaders('champion@demo.example'),
    });
    const etag = JSON.stringify(
      Buffer.from(
        improvementListSchema.parse(read.body).items.find((item) => item.title === title)?.etag ??
          '',
      ).toString('base64url'),
    );
    const byMember = await request(
      app.url,
      `/api/improvements/${encodeURIComponent(suggestion?.id ?? '')}/status`,
      {
        method: 'POST',
        headers: { ...devHeaders('member@demo.example'), 'if-match': etag },
        body: { status: 'planned' },
      },
    );
    expect(byMember.status).toBe(403);
    const noVendor = await request(
      app.url,
      `/api/improvements/${encodeURIComponent(suggestion?.id ?? '')}/status`,
      {
        method: 'POST',
        headers: { ...devHeaders('champion@demo.example'), 'if-match': etag },
        body: { status: 'pushed-to-vendor' },
      },
    );
    expect(noVendor.status).toBe(400);
    const pushed = await request(
      app.url,
      `/api/improvements/${encodeURIComponent(suggestion?.id ?? '')}/status`,
      {
        method: 'POST',
        headers: { ...devHeaders('champion@demo.example'), 'if-match': etag },
        body: { status: 'pushed-to-vendor', vendor: 'Contoso AI', note: 'Feature request FR-88' },
      },
    );
    expect(pushed.status).toBe(200);
    const after = await getAs(app.url, '/api/improvements', 'champion@demo.example', (body) =>
      improvementListSchema.parse(body),
    );
    expect(after.counts.suggested).toBe(list.counts.suggested);
    expect(after.counts.pushedToVendor).toBe(list.counts.pushedToVendor + 1);
  });

  it('should keep a member from resolving a flag they cannot see', async () => {
    const flag = (await flagsAs(app, 'champion@demo.example')).find(
      (item) => item.state === 'open',
    );
    expect(flag).toBeDefined();
    const response = await request(
      app.url,
      `/api/flags/${encodeURIComponent(flag?.id ?? '')}/resolution`,
      {
        method: 'POST',
        headers: devHeaders(demoPersonUpn(40)),
        body: { action: 'dismissed', note: 'No' },
      },
    );
    expect(response.status).toBe(404);
  });

  it('should pack escalated flags and pushed improvements for the vendor, names withheld on request', async () => {
    const json = await request(app.url, '/api/vendor-pack', {
      headers: devHeaders('champion@demo.example'),
    });
    expect(json.status).toBe(200);
    const pack = json.body as {
      flags: { reference: string; raisedBy: string }[];
      improvements: { vendor: string }[];
    };
    const escalated = pack.flags.find((flag) => flag.reference === 'CASE-1042');
    expect(escalated?.raisedBy).not.toBe('');
    expect(pack.improvements.some((improvement) => improvement.vendor === 'Contoso AI')).toBe(true);

    const csv = await request(app.url, '/api/vendor-pack?format=csv&redact=true', {
      headers: devHeaders('champion@demo.example'),
    });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    expect(csv.text).toContain('CASE-1042');
    expect(csv.text).toContain('(name withheld)');
    expect(csv.text).not.toContain(escalated?.raisedBy ?? 'x');

    const asMember = await request(app.url, '/api/vendor-pack', {
      headers: devHeaders('member@demo.example'),
    });
    expect(asMember.status).toBe(403);
  });
});
