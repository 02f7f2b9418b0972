import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.js';
import {
  type LoopbackConnector,
  adaptiveCardOf,
  postActivity,
  startLoopbackConnector,
  teamsMembersAdded,
  teamsMessage,
} from '../support/bot-framework.js';

describe('the bot mounted in the running app', () => {
  let app: TestApp;
  let connector: LoopbackConnector;

  beforeAll(async () => {
    connector = await startLoopbackConnector();
    // No proactive worker: these tests count what the bot posts in reply, and the demo's queued
    // notices would join in once the bot has heard from the tenant.
    app = await startTestApp({ LASTMILE_DELIVERY_WORKER: 'false' });
  });

  afterAll(async () => {
    await app.dispose();
    await connector.close();
  });

  it('should answer help at /api/messages with the help card at the connector', async () => {
    const activity = teamsMessage('help', { serviceUrl: connector.serviceUrl });
    const response = await postActivity(`${app.url}/api/messages`, activity);
    expect(response.status).toBe(200);
    const [reply] = await connector.waitForActivities(1, 10_000);
    expect(reply?.conversationId).toBe(activity.conversation?.id);
    expect(reply?.activity.replyToId).toBe(activity.id);
    expect(JSON.stringify(adaptiveCardOf(reply?.activity ?? {}))).toContain('practice');
  });

  it('should welcome the person when the app is installed in personal scope', async () => {
    const before = connector.activities.length;
    await postActivity(
      `${app.url}/api/messages`,
      teamsMembersAdded({ serviceUrl: connector.serviceUrl }),
    );
    const all = await connector.waitForActivities(before + 1, 10_000);
    expect(JSON.stringify(adaptiveCardOf(all[before]?.activity ?? {}))).toMatch(/Lastmile/);
  });

  it('should refuse a body that is not an activity without touching the connector', async () => {
    const before = connector.requests.length;
    const response = await postActivity(`${app.url}/api/messages`, { hello: 'world' });
    expect(response.status).toBe(400);
    expect(connector.requests.length).toBe(before);
  });
});
