import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  composeMessage,
  resultAttachments,
  searchValue,
  teamsInvoke,
} from '../bot/message-extension-activities.js';
import {
  type LoopbackConnector,
  postActivity,
  startLoopbackConnector,
} from '../support/bot-framework.js';
import { devHeaders, type JsonResponse, request } from '../support/http.js';

const member = demoFixedPeople.member.upn;
const lead = demoFixedPeople.lead.upn;
const champion = demoFixedPeople.champion.upn;

/** Sends `count` requests one after another; returns their statuses and the first refusal. */
async function send(
  count: number,
  one: (index: number) => Promise<JsonResponse>,
): Promise<{ statuses: number[]; refused: JsonResponse | undefined }> {
  const statuses: number[] = [];
  let refused: JsonResponse | undefined;
  for (let index = 0; index < count; index += 1) {
    const response = await one(index);
    statuses.push(response.status);
    if (response.status === 429) refused ??= response;
  }
  return { statuses, refused };
}

function expectRefusal(response: JsonResponse | undefined, limit: string): void {
  expect(response?.contentType).toContain('application/problem+json');
  expect(Number(response?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(response?.body).toMatchObject({ status: 429 });
  expect(String((response?.body as { detail?: unknown }).detail)).toContain(limit);
}

describe('rate limits on search, writes and ingest', () => {
  let app: TestApp;

  beforeAll(async () => {
    // 20 a minute: a burst of 5, then one every 3 s.
    app = await startTestApp({
      LASTMILE_RATE_LIMIT_SEARCH_PER_MINUTE: '20',
      LASTMILE_RATE_LIMIT_WRITES_PER_MINUTE: '20',
      LASTMILE_RATE_LIMIT_INGEST_PER_MINUTE: '20',
    });
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('should answer 429 with Retry-After once a person searches past the burst, and not others', async () => {
    const { statuses, refused } = await send(8, () =>
      request(app.url, '/api/prompts?q=summarise', { headers: devHeaders(member) }),
    );
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expectRefusal(refused, 'search');

    const other = await request(app.url, '/api/prompts?q=summarise', { headers: devHeaders(lead) });
    expect(other.status).toBe(200);
    const browsing = await request(app.url, '/api/prompts', { headers: devHeaders(member) });
    expect(browsing.status).toBe(200);
  });

  it('should limit a person’s writes, refusing them before anything is stored', async () => {
    const { statuses, refused } = await send(7, (index) =>
      request(app.url, '/api/improvements', {
        method: 'POST',
        headers: devHeaders(lead),
        body: {
          title: `Rate test idea ${String(index)}`,
          detail: 'Let the weekly practice start with one minute of questions.',
        },
      }),
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expectRefusal(refused, 'writes');

    const listed = await request(app.url, '/api/improvements', { headers: devHeaders(champion) });
    const titles = JSON.stringify(listed.body);
    expect(statuses.slice(0, 5).every((status) => status === 201)).toBe(true);
    expect(titles).toContain('Rate test idea 4');
    expect(titles).not.toContain('Rate test idea 5');
    expect(titles).not.toContain('Rate test idea 6');
  });

  it('should tell a person who searches the message extension too fast to wait, in the compose box', async () => {
    let connector: LoopbackConnector | undefined;
    try {
      connector = await startLoopbackConnector();
      const serviceUrl = connector.serviceUrl;
      const answers = [];
      for (let index = 0; index < 6; index += 1) {
        const response = await postActivity(
          `${app.url}/api/messages`,
          teamsInvoke('composeExtension/query', searchValue('summarise'), { serviceUrl }),
        );
        expect(response.status).toBe(200);
        answers.push(response.body);
      }
      for (const body of answers.slice(0, 5))
        expect(resultAttachments(body).length).toBeGreaterThan(0);
      expect(composeMessage(answers[5])).toMatch(/Try again in \d+ seconds/);
    } finally {
      await connector?.close();
    }
  });

  it('should limit usage batches per tenant', async () => {
    const { statuses, refused } = await send(6, () =>
      request(app.url, '/api/usage-events', {
        method: 'POST',
        headers: devHeaders(champion),
        body: { events: [] },
      }),
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expectRefusal(refused, 'ingest');
  });
});

describe('rate limits switched off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      LASTMILE_RATE_LIMITS: 'off',
      LASTMILE_RATE_LIMIT_SEARCH_PER_MINUTE: '1',
    });
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('should never answer 429', async () => {
    const { statuses } = await send(10, () =>
      request(app.url, '/api/prompts?q=summarise', { headers: devHeaders(member) }),
    );
    expect(statuses).toEqual(new Array<number>(10).fill(200));
  });
});
