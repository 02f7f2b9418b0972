import type { Activity, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotEndpoint } from '../../bot/bot-endpoint.js';
import { commandNames } from '../../bot/commands.js';
import { LastmileBot } from '../../bot/lastmile-bot.js';
import type { BotSettings } from '../../src/config.js';
import {
  adaptiveCardOf,
  createRecordingLogger,
  createSigningKey,
  factTitlesOf,
  postActivity,
  serveBotEndpoint,
  signChannelToken,
  startLoopbackConnector,
  startOpenIdServer,
  teamsMessage,
  type LoopbackConnector,
  type OpenIdServer,
  type RecordingLogger,
  type ServedBot,
  type SigningKey,
} from '../support/bot-framework.js';

/*
 * With an app id, a reply posted to the connector needs a token from Entra ID, which tests cannot
 * reach. So the accepted activities here ask for `deliveryMode: 'expectReplies'`: botbuilder runs
 * the whole turn and returns the replies in the HTTP response, with no outbound call. The refused
 * ones use the same activity, so a wrongly accepted token would show as a 200 with replies.
 */

const appId = '11111111-2222-4333-8444-555555555555';
const appPassword = 'test-only-password-not-a-secret';

let connector: LoopbackConnector;
let openId: OpenIdServer;
let served: ServedBot;
let logs: RecordingLogger;
let turns: string[];
let strangerKey: SigningKey;

function settingsFor(openIdMetadataUrl: string): BotSettings {
  return { appId, appPassword, appType: 'MultiTenant', appTenantId: undefined, openIdMetadataUrl };
}

/** The real bot, with a note of every turn it runs. */
function countingBot(): { run(context: TurnContext): Promise<void> } {
  const bot = new LastmileBot();
  return {
    async run(context): Promise<void> {
      turns.push(context.activity.id ?? '');
      await bot.run(context);
    },
  };
}

beforeAll(async () => {
  connector = await startLoopbackConnector();
  openId = await startOpenIdServer({ endorsements: ['msteams'] });
  strangerKey = await createSigningKey();
  logs = createRecordingLogger();
  served = await serveBotEndpoint(
    createBotEndpoint({
      settings: settingsFor(openId.metadataUrl),
      logger: logs.logger,
      bot: countingBot(),
    }),
  );
});

afterAll(async () => {
  await served.close();
  await openId.close();
  await connector.close();
});

beforeEach(() => {
  turns = [];
});

function helpRequest(): Partial<Activity> {
  return teamsMessage('help', { serviceUrl: connector.serviceUrl, deliveryMode: 'expectReplies' });
}

function repliesIn(body: unknown): Partial<Activity>[] {
  if (typeof body !== 'object' || body === null || !('activities' in body)) return [];
  return Array.isArray(body.activities) ? (body.activities as Partial<Activity>[]) : [];
}

async function expectRefused(
  activity: Partial<Activity>,
  authorization: string | undefined,
): Promise<void> {
  const response = await postActivity(
    served.messagesUrl,
    activity,
    authorization === undefined ? {} : { authorization },
  );
  expect(response.status).toBe(401);
  expect(repliesIn(response.body)).toEqual([]);
  expect(turns).toEqual([]);
  expect(connector.requests).toEqual([]);
}

describe('bot endpoint with a Microsoft app id', () => {
  it('should run the turn for a valid channel token and return the help card', async () => {
    const activity = helpRequest();
    const token = await signChannelToken({
      key: openId.key,
      audience: appId,
      serviceUrl: connector.serviceUrl,
    });

    const response = await postActivity(served.messagesUrl, activity, {
      authorization: `Bearer ${token}`,
    });

    expect(response.status).toBe(200);
    expect(turns).toEqual([activity.id]);
    const [reply, ...others] = repliesIn(response.body);
    expect(others).toEqual([]);
    expect(factTitlesOf(adaptiveCardOf(reply ?? {}))).toEqual([...commandNames]);
    expect(connector.requests).toEqual([]);
  });

  it('should refuse an activity with no token', async () => {
    await expectRefused(helpRequest(), undefined);
  });

  it('should refuse a token that is not a bearer token', async () => {
    const token = await signChannelToken({
      key: openId.key,
      audience: appId,
      serviceUrl: connector.serviceUrl,
    });
    await expectRefused(helpRequest(), `Basic ${token}`);
  });

  it('should refuse a token that expired more than the allowed clock skew ago', async () => {
    const token = await signChannelToken({
      key: openId.key,
      audience: appId,
      serviceUrl: connector.serviceUrl,
      expiresAt: Math.floor(Date.now() / 1000) - 3600,
    });
    await expectRefused(helpRequest(), `Bearer ${token}`);
  });

  it('should refuse a token for another app', async () => {
    const token = await signChannelToken({
      key: openId.key,
      audience: 'another-bot-app-id',
      serviceUrl: connector.serviceUrl,
    });
    await expectRefused(helpRequest(), `Bearer ${token}`);
  });

  it('should refuse a token signed by a key the metadata does not publish', async () => {
    const token = await signChannelToken({
      key: strangerKey,
      audience: appId,
      serviceUrl: connector.serviceUrl,
    });
    await expectRefused(helpRequest(), `Bearer ${token}`);
  });

  it('should refuse a token that names a published key but is signed with another', async () => {
    const token = await signChannelToken({
      key: strangerKey,
      kid: openId.key.kid,
      audience: appId,
      serviceUrl: connector.serviceUrl,
    });
    await expectRefused(helpRequest(), `Bearer ${token}`);
  });

  it('should refuse a token from another issuer', async () => {
    const token = await signChannelToken({
      key: openId.key,
      audience: appId,
      serviceUrl: connector.serviceUrl,
      issuer: 'https://sts.example.com/',
    });
    await expectRefused(helpRequest(), `Bearer ${token}`);
  });

  it('should refuse a token issued for another service URL', async () => {
    const token = await signChannelToken({
      key: openId.key,
      audience: appId,
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
    });
    await expectRefused(helpRequest(), `Bearer ${token}`);
  });

  it('should refuse a token whose key is not endorsed for the activity channel', async () => {
    const token = await signChannelToken({
      key: openId.key,
      audience: appId,
      serviceUrl: connector.serviceUrl,
    });
    const fromWebChat = { ...helpRequest(), channelId: 'webchat' };
    await expectRefused(fromWebChat, `Bearer ${token}`);
  });

  it('should never write the token or the app password to the log', async () => {
    const token = await signChannelToken({
      key: strangerKey,
      kid: openId.key.kid,
      audience: appId,
      serviceUrl: connector.serviceUrl,
    });
    await postActivity(served.messagesUrl, helpRequest(), { authorization: `Bearer ${token}` });

    const logged = JSON.stringify(logs.entries);
    expect(
      logs.entries.some(
        (entry) => entry.msg === 'Bot endpoint refused an activity that failed authentication',
      ),
    ).toBe(true);
    expect(logged).not.toContain(token.split('.')[2]);
    expect(logged).not.toContain(appPassword);
  });
});

describe('bot endpoint whose signing keys cannot be loaded', () => {
  it('should answer 503, not 401, and run no turn', async () => {
    const gone = await startOpenIdServer();
    const metadataUrl = gone.metadataUrl;
    const key = gone.key;
    await gone.close();
    const failing = await serveBotEndpoint(
      createBotEndpoint({
        settings: settingsFor(metadataUrl),
        logger: createRecordingLogger().logger,
        bot: countingBot(),
      }),
    );
    try {
      const token = await signChannelToken({
        key,
        audience: appId,
        serviceUrl: connector.serviceUrl,
      });
      const response = await postActivity(failing.messagesUrl, helpRequest(), {
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(503);
      expect(turns).toEqual([]);
    } finally {
      await failing.close();
    }
  });
});
