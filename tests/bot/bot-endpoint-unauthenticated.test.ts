import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationParameters,
} from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBotEndpoint } from '../../bot/bot-endpoint.js';
import { commandNames } from '../../bot/commands.js';
import type { BotSettings } from '../../src/config.js';
import {
  adaptiveCardOf,
  createRecordingLogger,
  demoMember,
  factTitlesOf,
  findCardElements,
  postActivity,
  serveBotEndpoint,
  startLoopbackConnector,
  teamsMembersAdded,
  teamsMessage,
  testBot,
  type LoopbackConnector,
  type RecordingLogger,
  type ServedBot,
} from '../support/bot-framework.js';

const unauthenticated: BotSettings = {
  appId: undefined,
  appPassword: undefined,
  appType: 'MultiTenant',
  appTenantId: undefined,
  openIdMetadataUrl: undefined,
};

let connector: LoopbackConnector;
let served: ServedBot;
let logs: RecordingLogger;

beforeAll(async () => {
  connector = await startLoopbackConnector();
  logs = createRecordingLogger();
  served = await serveBotEndpoint(
    createBotEndpoint({ settings: unauthenticated, logger: logs.logger }),
  );
});

afterAll(async () => {
  await served.close();
  await connector.close();
});

afterEach(() => {
  connector.failNextActivities(0);
});

describe('bot endpoint without a Microsoft app id', () => {
  it('should reply to help with the help card, in the same conversation, without a token', async () => {
    const before = connector.activities.length;
    const message = teamsMessage('help', {
      serviceUrl: connector.serviceUrl,
      id: 'incoming-help-1',
      conversationId: 'a:personal-help',
    });

    const response = await postActivity(served.messagesUrl, message);

    expect(response.status).toBe(200);
    const sent = connector.activities.slice(before);
    expect(sent).toHaveLength(1);
    const [reply] = sent;
    expect(reply?.conversationId).toBe('a:personal-help');
    expect(reply?.replyToId).toBe('incoming-help-1');
    expect(reply?.activity.replyToId).toBe('incoming-help-1');
    expect(reply?.activity.from?.id).toBe(testBot.id);
    expect(reply?.activity.recipient?.id).toBe(demoMember.id);
    expect(reply?.authorization).toBeUndefined();
    expect(factTitlesOf(adaptiveCardOf(reply?.activity ?? {}))).toEqual([...commandNames]);
  });

  it('should answer an @mention in a channel in that channel conversation', async () => {
    const before = connector.activities.length;
    const message = teamsMessage('Help', {
      serviceUrl: connector.serviceUrl,
      conversationType: 'channel',
      conversationId: '19:general@thread.tacv2;messageid=1700000000000',
      mentionBot: true,
    });

    const response = await postActivity(served.messagesUrl, message);

    expect(response.status).toBe(200);
    const sent = connector.activities.slice(before);
    expect(sent.map((item) => item.conversationId)).toEqual([
      '19:general@thread.tacv2;messageid=1700000000000',
    ]);
    expect(factTitlesOf(adaptiveCardOf(sent[0]?.activity ?? {}))).toEqual([...commandNames]);
  });

  it('should send the welcome card when the bot is added to a personal chat', async () => {
    const before = connector.activities.length;
    const update = teamsMembersAdded({
      serviceUrl: connector.serviceUrl,
      conversationId: 'a:personal-welcome',
    });

    const response = await postActivity(served.messagesUrl, update);

    expect(response.status).toBe(200);
    const sent = connector.activities.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.conversationId).toBe('a:personal-welcome');
    const runs = findCardElements(adaptiveCardOf(sent[0]?.activity ?? {}), 'TextRun');
    expect(runs.map((run) => run.text).join('')).toBe(
      `Hi ${demoMember.name}, welcome to Lastmile.`,
    );
  });

  it.each([
    ['no type', { text: 'help', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'a:1' } }],
    ['no service URL', { type: 'message', text: 'help', conversation: { id: 'a:1' } }],
    ['no conversation', { type: 'message', text: 'help', serviceUrl: 'http://127.0.0.1:9/' }],
    ['an array', [{ type: 'message' }]],
  ])('should refuse a body with %s with 400 and send nothing', async (_case, body) => {
    const before = connector.requests.length;
    const response = await postActivity(served.messagesUrl, body);
    expect(response.status).toBe(400);
    expect(connector.requests.length).toBe(before);
  });

  it('should tell the person in plain words when a turn fails, and log it without a stack in chat', async () => {
    const before = connector.activities.length;
    const logsBefore = logs.entries.length;
    // 403 because the connector client retries 5xx answers, which would hide the failure.
    connector.failNextActivities(1, 403);

    const response = await postActivity(
      served.messagesUrl,
      teamsMessage('help', { serviceUrl: connector.serviceUrl }),
    );

    expect(response.status).toBe(200);
    const sent = connector.activities.slice(before);
    expect(sent).toHaveLength(1);
    const text = sent[0]?.activity.text ?? '';
    expect(text).toMatch(/^Sorry, something went wrong/u);
    expect(text).not.toMatch(/Error|\bat \S+ \(|\n/u);
    expect(sent[0]?.activity.attachments ?? []).toEqual([]);
    const failure = logs.entries
      .slice(logsBefore)
      .find((entry) => entry.msg === 'A bot turn failed');
    expect(failure).toMatchObject({ level: 50, tenantId: 'demo', activityType: 'message' });
    expect(failure?.error).toMatchObject({ statusCode: 403 });
  });

  it('should let a proactive conversation be created and posted to through the loopback connector', async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const parameters = {
      isGroup: false,
      bot: { ...testBot },
      members: [{ ...demoMember }],
      tenantId: 'demo',
      channelData: { tenant: { id: 'demo' } },
    } as ConversationParameters;
    const before = connector.activities.length;

    await adapter.createConversationAsync(
      '',
      'msteams',
      connector.serviceUrl,
      '',
      parameters,
      async (context) => {
        await context.sendActivity('Your weekly lesson is ready.');
      },
    );

    const created = connector.conversationsCreated.at(-1);
    expect(created?.parameters).toMatchObject({
      tenantId: 'demo',
      members: [{ id: demoMember.id }],
    });
    const sent = await connector.waitForActivities(before + 1);
    expect(sent.at(-1)?.conversationId).toBe(created?.id);
    expect(sent.at(-1)?.activity.text).toBe('Your weekly lesson is ready.');
  });
});
