import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames } from '../../bot/commands.js';
import { flagListSchema } from '../../src/contracts/feedback.js';
import { promptPageSchema, promptViewSchema } from '../../src/contracts/prompts.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { factTitlesOf } from '../support/bot-framework.js';
import { devHeaders, request } from '../support/http.js';
import { startPlayground, type Playground } from '../support/playground.js';
import {
  actionValue,
  cardTexts,
  choicesOf,
  expectSearchResult,
  inputIds,
  messagePayload,
  resultAttachments,
  searchValue,
  taskCard,
  taskMessage,
} from './message-extension-activities.js';

/*
 * The running app driven by the Microsoft 365 Agents Playground, a Teams stand-in run headless:
 * its own activities, tenant and users (on no roster: the demo library lives in tenant `demo`, so
 * the playground's tenant gets one prompt of its own through the REST API) and its connector for
 * the bot's replies, read from the playground's conversation stream.
 */

let app: TestApp;
let playground: Playground;
let promptId: string;

beforeAll(async () => {
  app = await startTestApp();
  // The playground's own users, unknown to the roster, in the demo tenant, whose champion reviews.
  playground = await startPlayground({ appEndpoint: `${app.url}/api/messages`, tenantId: 'demo' });
  const { tenantId, currentUser } = playground.config;
  // The playground's user proposes a prompt and the demo champion publishes it.
  const owner = devHeaders(currentUser.aadObjectId, tenantId);
  const created = await request(app.url, '/api/prompts', {
    method: 'POST',
    headers: owner,
    body: {
      title: 'Proposal outline for a new client',
      body: 'Draft a proposal outline for {{client}} with scope, approach and price.',
      variables: [{ name: 'client', description: 'The client' }],
      tags: ['proposal'],
    },
  });
  expect(created.status).toBe(201);
  promptId = promptViewSchema.parse(created.body).id;
  const published = await request(app.url, `/api/prompts/${promptId}/status`, {
    method: 'POST',
    headers: {
      ...devHeaders('champion@demo.example'),
      'if-match': created.headers.get('etag') ?? '',
    },
    body: { status: 'published' },
  });
  expect(published.status).toBe(200);
}, 90_000);

afterAll(async () => {
  await playground?.stop();
  await app?.dispose();
});

describe('the app in the Agents Playground', () => {
  it("should serve the playground's own user, whom the roster does not know", () => {
    expect(playground.config.tenantId).toBe('demo');
    expect(playground.config.currentUser.aadObjectId).not.toMatch(/^00000000-0000-4000-8000/u);
  });

  it('should find prompts with findPrompt, each with a preview', async () => {
    const response = await playground.invoke('composeExtension/query', searchValue('proposal'));
    expect(response.status).toBe(200);
    const found = resultAttachments(response.body).map(expectSearchResult);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found).toContain(promptId);
    const own = await playground.invoke(
      'composeExtension/query',
      searchValue('price scope approach'),
    );
    expect(resultAttachments(own.body).map(expectSearchResult)[0]).toBe(promptId);
    const empty = await playground.invoke('composeExtension/query', searchValue('zebra'));
    expect(resultAttachments(empty.body)).toEqual([]);
  });

  it('should fill a prompt through fetchTask and submitAction and count the insertion', async () => {
    const picker = await playground.invoke('composeExtension/fetchTask', actionValue('fillPrompt'));
    // Someone with no job family on the roster is offered the library's best prompts.
    expect(choicesOf(taskCard(picker.body), 'promptId').length).toBeGreaterThan(1);
    const form = await playground.invoke(
      'composeExtension/submitAction',
      actionValue('fillPrompt', { step: 'pick', promptId }),
    );
    expect(inputIds(taskCard(form.body))).toEqual(['var_client']);
    const inserted = await playground.invoke(
      'composeExtension/submitAction',
      actionValue('fillPrompt', { step: 'fill', promptId, var_client: 'Northwind' }),
    );
    expect(cardTexts(resultAttachments(inserted.body)[0]?.content)[1]).toBe(
      'Draft a proposal outline for Northwind with scope, approach and price.',
    );
    const { tenantId, currentUser } = playground.config;
    const after = await request(app.url, `/api/prompts/${promptId}`, {
      headers: devHeaders(currentUser.aadObjectId, tenantId),
    });
    expect(promptViewSchema.parse(after.body).usageCount).toBe(1);
  });

  it('should unfurl a library link', async () => {
    const response = await playground.invoke('composeExtension/queryLink', {
      url: `${app.url}/#/library/${promptId}`,
    });
    expect(resultAttachments(response.body).map(expectSearchResult)).toEqual([promptId]);
  });

  it('should save a message as a proposal', async () => {
    const form = await playground.invoke(
      'composeExtension/fetchTask',
      actionValue('saveAsPrompt', undefined, {
        messagePayload: messagePayload(
          '<p>Meeting recap for the team: list decisions and owners.</p>',
        ),
      }),
    );
    expect(inputIds(taskCard(form.body))).toEqual(['title', 'body', 'tags', 'jobFamilyId']);
    const saved = await playground.invoke(
      'composeExtension/submitAction',
      actionValue('saveAsPrompt', {
        step: 'save',
        title: 'Meeting recap',
        body: 'Meeting recap for the team: list decisions and owners.',
      }),
    );
    expect(taskMessage(saved.body)).toBe(
      'Saved. Meeting recap is waiting for review in the library.',
    );
    const { tenantId, currentUser } = playground.config;
    const queue = await request(app.url, '/api/prompts/review-queue', {
      headers: devHeaders(currentUser.aadObjectId, tenantId),
    });
    expect(promptPageSchema.parse(queue.body).items.map((item) => item.title)).toContain(
      'Meeting recap',
    );
  });

  it('should flag AI output with the flagOutput message action, for the champion to see', async () => {
    const payload = messagePayload('<p>Our Q3 margin was <b>91%</b>.</p>', 'Copilot');
    const form = await playground.invoke(
      'composeExtension/fetchTask',
      actionValue('flagOutput', undefined, { messagePayload: payload }),
    );
    expect(inputIds(taskCard(form.body))).toEqual(expect.arrayContaining(['category', 'expected']));
    const expected = `The margin was 19% (${String(Date.now())})`;
    const sent = await playground.invoke(
      'composeExtension/submitAction',
      actionValue(
        'flagOutput',
        { step: 'submit', category: 'wrong', expected },
        { messagePayload: payload },
      ),
    );
    expect(taskMessage(sent.body)).toContain('Thank you');
    const { currentUser } = playground.config;
    const flags = await request(app.url, '/api/flags', {
      headers: devHeaders('champion@demo.example'),
    });
    const flag = flagListSchema.parse(flags.body).items.find((item) => item.expected === expected);
    expect(flag).toMatchObject({
      source: 'message-action',
      flaggedBy: currentUser.aadObjectId,
      outputText: 'Our Q3 margin was 91%.',
      outputAuthor: 'Copilot',
    });
  });

  it('should answer help in the chat with the commands card', async () => {
    const fromIndex = playground.events.length;
    expect((await playground.send('help')).status).toBe(200);
    const reply = await playground.waitForBotMessage(
      (message) => (message.attachments?.length ?? 0) > 0,
      { fromIndex, timeoutMs: 10_000 },
    );
    expect(reply.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(factTitlesOf(reply.attachments?.[0]?.content)).toEqual([...commandNames]);
  });
});
