import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  flagListSchema,
  flagStatsSchema,
  flagViewSchema,
  improvementViewSchema,
  type FlagStats,
} from '../../src/contracts/feedback.js';
import { peoplePageSchema } from '../../src/contracts/people.js';
import { promptPageSchema } from '../../src/contracts/prompts.js';
import { demoAdminUpn, demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, getAs, request } from '../support/http.js';

const champion = demoFixedPeople.champion.upn;
const lead = demoFixedPeople.lead.upn;
const member = demoFixedPeople.member.upn;

describe('flag figures, reviewer assignment and the roster search over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.dispose();
  });

  const stats = (upn: string): Promise<FlagStats> =>
    getAs(app.url, '/api/flags/stats', upn, (body) => flagStatsSchema.parse(body));

  async function raise(upn: string, body: Record<string, unknown>): Promise<string> {
    const response = await request(app.url, '/api/flags', {
      method: 'POST',
      headers: devHeaders(upn),
      body,
    });
    expect(response.status).toBe(201);
    return flagViewSchema.parse(response.body).id;
  }

  it('should give champions and admins the flag figures, and refuse leads and members', async () => {
    const prompts = await getAs(app.url, '/api/prompts?status=published', member, (body) =>
      promptPageSchema.parse(body),
    );
    const promptId = prompts.items[0]?.id ?? '';
    expect(promptId).not.toBe('');
    const before = await stats(champion);

    await raise(member, { category: 'biased', expected: 'Neutral wording', promptId });
    await raise(member, { category: 'biased', expected: 'No assumptions', promptId });
    const unowned = await raise(member, { category: 'other', expected: 'A shorter answer' });
    const dismissed = await request(
      app.url,
      `/api/flags/${encodeURIComponent(unowned)}/resolution`,
      {
        method: 'POST',
        headers: devHeaders(champion),
        body: { action: 'dismissed', note: 'Answered in the lesson' },
      },
    );
    expect(dismissed.status).toBe(200);

    const after = await stats(champion);
    expect(after.raised).toBe(before.raised + 3);
    expect(after.open).toBe(before.open + 2);
    expect(after.resolved).toBe(before.resolved + 1);
    expect(after.byCategory.biased).toBe(before.byCategory.biased + 2);
    expect(after.byOutcome.dismissed).toBe(before.byOutcome.dismissed + 1);
    // The prompt's owner reviews its flags by default, and the dismissed one has an outcome.
    expect(after.withoutReviewerOrOutcome).toBe(before.withoutReviewerOrOutcome);
    expect(after.medianHoursToResolution).toBeDefined();
    const flagged = (figures: FlagStats): number =>
      figures.byPrompt.find((entry) => entry.promptId === promptId)?.count ?? 0;
    expect(flagged(after)).toBe(flagged(before) + 2);

    expect(await stats(demoAdminUpn)).toEqual(after);
    for (const upn of [lead, member]) {
      const refused = await request(app.url, '/api/flags/stats', { headers: devHeaders(upn) });
      expect(refused.status).toBe(403);
      expect(refused.contentType).toContain('application/problem+json');
    }
  });

  it('should let a champion assign a flag to someone found on the roster, who may then review it', async () => {
    const id = await raise(member, { category: 'wrong', expected: 'The 2025 figure' });
    const found = await getAs(app.url, '/api/people?q=lead%40demo&limit=5', champion, (body) =>
      peoplePageSchema.parse(body),
    );
    const reviewer = found.items.find((person) => person.upn === lead);
    expect(reviewer).toBeDefined();

    const path = `/api/flags/${encodeURIComponent(id)}/assign`;
    const byMember = await request(app.url, path, {
      method: 'POST',
      headers: devHeaders(member),
      body: { reviewerId: reviewer?.id },
    });
    expect(byMember.status).toBe(403);

    const assigned = await request(app.url, path, {
      method: 'POST',
      headers: devHeaders(champion),
      body: { reviewerId: reviewer?.id },
    });
    expect(assigned.status).toBe(200);
    expect(flagViewSchema.parse(assigned.body)).toMatchObject({
      reviewerId: reviewer?.id,
      reviewerName: reviewer?.displayName,
    });

    const mine = await getAs(app.url, '/api/flags?reviewer=me', lead, (body) =>
      flagListSchema.parse(body),
    );
    expect(mine.items.find((flag) => flag.id === id)?.permissions.review).toBe(true);
    const review = await request(app.url, `/api/flags/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      headers: devHeaders(lead),
    });
    expect(review.status).toBe(200);
    expect(flagViewSchema.parse(review.body).state).toBe('in-review');
  });

  it('should search the roster for champions and admins only, by name or UPN, a page at a time', async () => {
    const page = await getAs(app.url, '/api/people?q=MEMBER%40DEMO&limit=3', champion, (body) =>
      peoplePageSchema.parse(body),
    );
    expect(page.items.map((person) => person.upn)).toContain(member);

    const first = await getAs(app.url, '/api/people?limit=2', demoAdminUpn, (body) =>
      peoplePageSchema.parse(body),
    );
    expect(first.items).toHaveLength(2);
    expect(first.continuationToken).toBeDefined();

    for (const upn of [member, lead]) {
      const refused = await request(app.url, '/api/people?q=a', { headers: devHeaders(upn) });
      expect(refused.status).toBe(403);
    }
    const bad = await request(app.url, '/api/people?limit=0', { headers: devHeaders(champion) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
  });

  it('should read one suggestion with its ETag, and want a reason to decline it', async () => {
    const created = await request(app.url, '/api/improvements', {
      method: 'POST',
      headers: devHeaders(member),
      body: { title: 'Pre-fill the expense form from the receipt' },
    });
    expect(created.status).toBe(201);
    const id = improvementViewSchema.parse(created.body).id;

    const read = await request(app.url, `/api/improvements/${encodeURIComponent(id)}`, {
      headers: devHeaders(lead),
    });
    expect(read.status).toBe(200);
    expect(improvementViewSchema.parse(read.body)).toMatchObject({ id, status: 'new' });
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/u);

    const status = `/api/improvements/${encodeURIComponent(id)}/status`;
    const noReason = await request(app.url, status, {
      method: 'POST',
      headers: { ...devHeaders(champion), 'if-match': etag },
      body: { status: 'declined', note: '  ' },
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('note');

    const declined = await request(app.url, status, {
      method: 'POST',
      headers: { ...devHeaders(champion), 'if-match': etag },
      body: { status: 'declined', note: 'The form is being retired in March' },
    });
    expect(declined.status).toBe(200);
    expect(improvementViewSchema.parse(declined.body)).toMatchObject({
      status: 'declined',
      statusNote: 'The form is being retired in March',
    });

    const missing = await request(app.url, '/api/improvements/improvement-none', {
      headers: devHeaders(member),
    });
    expect(missing.status).toBe(404);
  });
});
