import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IngestResult,
  ingestResultSchema,
  type Scoreboard,
  scoreboardSchema,
} from '../../src/contracts/adoption.js';
import { buildDemoTenant, demoFixedPeople } from '../../src/domain/demo-tenant.js';
import { addWeeks, isoWeekOf, weekStart } from '../../src/domain/iso-week.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, request } from '../support/http.js';

const champion = demoFixedPeople.champion.upn;
const lead = demoFixedPeople.lead.upn;
const member = demoFixedPeople.member.upn;
const admin = 'person-748@demo.example';

async function scoreboard(app: TestApp, weeks: number): Promise<Scoreboard> {
  const response = await request(app.url, `/api/scoreboard?weeks=${String(weeks)}`, {
    headers: devHeaders(champion),
  });
  expect(response.status).toBe(200);
  return scoreboardSchema.parse(response.body);
}

async function ingest(app: TestApp, events: readonly unknown[]): Promise<IngestResult> {
  const response = await request(app.url, '/api/usage-events', {
    method: 'POST',
    headers: devHeaders(admin),
    body: { events },
  });
  expect(response.status).toBe(202);
  return ingestResultSchema.parse(response.body);
}

describe('adoption data: ingest, scoreboard and checkpoint over the demo program', () => {
  let app: TestApp;
  const roster = buildDemoTenant(new Date()).people;

  beforeAll(async () => {
    app = await startTestApp({ LASTMILE_DELIVERY_WORKER: 'false' });
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('should show the demo program rising from about 22% to about 71% over eight weeks', async () => {
    const board = await scoreboard(app, 8);
    expect(board.weeks).toHaveLength(8);
    expect(board.weeks.at(-1)).toBe(isoWeekOf(new Date()));
    const first = board.overall.wauPct[0] ?? 0;
    const last = board.overall.wauPct.at(-1) ?? 0;
    expect(first).toBeGreaterThanOrEqual(20);
    expect(first).toBeLessThanOrEqual(24);
    expect(last).toBeGreaterThanOrEqual(69);
    expect(last).toBeLessThanOrEqual(73);
    const shown = board.departments.filter((department) => !department.suppressed);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    // Departments differ, and exactly one is the straggler.
    const finals = shown.map((department) => department.wauPct?.at(-1) ?? 0);
    expect(Math.max(...finals) - Math.min(...finals)).toBeGreaterThan(20);
    expect(shown.filter((department) => department.straggler).map((d) => d.id)).toEqual([
      'risk-compliance',
    ]);
    expect(board.tiles).toMatchObject({ improvementsSuggested: 47 });
    expect(board.tiles.improvementsPushedToVendor).toBeGreaterThan(1);
    expect(board.tiles.lessonsCompleted).toBeGreaterThan(0);
    expect(board.tiles.practiceAttendance).toBeGreaterThan(0);
    expect(board.tiles.medianHoursToResolution).toBeGreaterThan(0);
  });

  it('should give every demo flag a reviewer or an outcome, and show the flag counts on the scoreboard', async () => {
    const response = await request(app.url, '/api/flags/stats', { headers: devHeaders(champion) });
    expect(response.status).toBe(200);
    const stats = response.body as {
      raised: number;
      open: number;
      inReview: number;
      resolved: number;
      withoutReviewerOrOutcome: number;
      medianHoursToResolution?: number;
    };
    expect(stats.raised).toBeGreaterThan(10);
    expect(stats.withoutReviewerOrOutcome).toBe(0);
    const board = await scoreboard(app, 8);
    expect(board.tiles.openFlags).toBe(stats.open + stats.inReview);
    expect(board.tiles.resolvedFlags).toBe(stats.resolved);
    expect(board.tiles.medianHoursToResolution).toBe(stats.medianHoursToResolution);
  });

  it('should withhold every figure of a department under the minimum group size', async () => {
    const board = await scoreboard(app, 8);
    const small = board.departments.find((department) => department.id === 'executive-office');
    expect(small).toEqual({ id: 'executive-office', name: 'Executive Office', suppressed: true });
  });

  it('should count 50 people active in a quiet week once, and a replayed batch not at all', async () => {
    const quietWeek = addWeeks(isoWeekOf(new Date()), -20);
    const before = await scoreboard(app, 26);
    const weekIndex = before.weeks.indexOf(quietWeek);
    expect(before.overall.active[weekIndex]).toBe(0);

    const people = roster.filter((person) => person.eligible).slice(0, 50);
    const monday = weekStart(quietWeek).getTime();
    const events = people.map((person, index) => ({
      id: `acceptance-${person.id}`,
      ...(index % 2 === 0 ? { upn: person.upn } : { userId: person.id }),
      occurredAt: new Date(monday + 9 * 3_600_000 + index * 60_000).toISOString(),
      source: 'api',
      tool: 'Test harness',
    }));
    expect(await ingest(app, events)).toEqual({ accepted: 50, duplicates: 0, rejected: [] });
    const after = await scoreboard(app, 26);
    expect(after.overall.active[weekIndex]).toBe(50);

    expect(await ingest(app, events)).toEqual({ accepted: 0, duplicates: 50, rejected: [] });
    const replayed = await scoreboard(app, 26);
    expect(replayed.overall).toEqual(after.overall);
    expect(replayed.departments).toEqual(after.departments);
  });

  it('should count a second event of an active person, or an ineligible person, as no one new', async () => {
    const week = addWeeks(isoWeekOf(new Date()), -22);
    const monday = weekStart(week).getTime();
    const [someone] = roster.filter((person) => person.eligible);
    const ineligible = roster.find((person) => !person.eligible);
    if (someone === undefined || ineligible === undefined) throw new Error('demo roster changed');
    const at = (minutes: number): string => new Date(monday + minutes * 60_000).toISOString();
    const result = await ingest(app, [
      { id: 'twice-1', userId: someone.id, occurredAt: at(600), source: 'api' },
      { id: 'twice-2', userId: someone.id, occurredAt: at(700), source: 'chatgpt' },
      { id: 'no-licence', userId: ineligible.id, occurredAt: at(800), source: 'api' },
    ]);
    expect(result).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const board = await scoreboard(app, 26);
    expect(board.overall.active[board.weeks.indexOf(week)]).toBe(1);
  });

  it('should reject bad events one by one and keep the good ones', async () => {
    const now = Date.now();
    const result = await ingest(app, [
      { id: 'ok-1', upn: member, occurredAt: new Date(now - 60_000).toISOString(), source: 'api' },
      {
        id: 'future',
        upn: member,
        occurredAt: new Date(now + 86_400_000).toISOString(),
        source: 'api',
      },
      {
        id: 'stranger',
        upn: 'nobody@elsewhere.example',
        occurredAt: new Date(now).toISOString(),
        source: 'api',
      },
      { id: 'no-person', occurredAt: new Date(now).toISOString(), source: 'api' },
      { id: 'bad-date', upn: member, occurredAt: 'yesterday', source: 'api' },
      {
        id: 'bad-source',
        upn: member,
        occurredAt: new Date(now).toISOString(),
        source: '<script>',
      },
      'not an event',
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((entry) => entry.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.rejected[0]?.reason).toMatch(/occurredAt.*future/);
    expect(result.rejected[1]?.reason).toMatch(/upn.*not on the roster/);
    expect(result.rejected[2]?.reason).toMatch(/userId/);
  });

  it('should refuse a batch over 1,000 events, an empty one, and callers who are not admins or champions', async () => {
    const event = { id: 'x', upn: member, occurredAt: new Date().toISOString(), source: 'api' };
    const tooMany = await request(app.url, '/api/usage-events', {
      method: 'POST',
      headers: devHeaders(admin),
      body: {
        events: Array.from({ length: 1001 }, (_, index) => ({ ...event, id: String(index) })),
      },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.contentType).toContain('application/problem+json');
    const empty = await request(app.url, '/api/usage-events', {
      method: 'POST',
      headers: devHeaders(admin),
      body: { events: [] },
    });
    expect(empty.status).toBe(400);
    const asMember = await request(app.url, '/api/usage-events', {
      method: 'POST',
      headers: devHeaders(member),
      body: { events: [event] },
    });
    expect(asMember.status).toBe(403);
  });

  it('should keep the scoreboard to champions and admins and check the weeks asked for', async () => {
    for (const [user, status] of [
      [member, 403],
      [lead, 403],
      [admin, 200],
      [champion, 200],
    ] as const) {
      const response = await request(app.url, '/api/scoreboard?weeks=4', {
        headers: devHeaders(user),
      });
      expect(response.status, user).toBe(status);
    }
    for (const weeks of ['0', '105', 'many']) {
      const response = await request(app.url, `/api/scoreboard?weeks=${weeks}`, {
        headers: devHeaders(champion),
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ errors: [{ field: 'weeks' }] });
    }
  });

  it('should export the scoreboard as CSV with withheld departments marked', async () => {
    const response = await request(app.url, '/api/scoreboard?weeks=8&format=csv', {
      headers: devHeaders(champion),
    });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'week,departmentId,department,eligible,active,wauPct,lessonsCompleted,practiceAttendance,note',
    );
    expect(lines).toHaveLength(1 + 8 * 10);
    expect(
      lines
        .filter((line) => line.includes(',executive-office,'))
        .every((line) => line.endsWith(',,,,,,suppressed')),
    ).toBe(true);
  });

  it('should show a department’s people to the champion only', async () => {
    const response = await request(
      app.url,
      '/api/scoreboard/people?departmentId=risk-compliance&weeks=8',
      { headers: devHeaders(champion) },
    );
    expect(response.status).toBe(200);
    const body = response.body as { weeks: string[]; items: { activeWeeks: boolean[] }[] };
    expect(body.items.length).toBeGreaterThan(100);
    expect(body.items.every((item) => item.activeWeeks.length === 8)).toBe(true);
    expect(body.items.some((item) => item.activeWeeks.at(-1) === true)).toBe(true);
    const asAdmin = await request(app.url, '/api/scoreboard/people?departmentId=risk-compliance', {
      headers: devHeaders(admin),
    });
    expect(asAdmin.status).toBe(403);
    const unknown = await request(app.url, '/api/scoreboard/people?departmentId=nowhere', {
      headers: devHeaders(champion),
    });
    expect(unknown.status).toBe(404);
  });

  it('should queue a coaching message to the straggler’s lead, once a week', async () => {
    const nudge = await request(app.url, '/api/scoreboard/nudges', {
      method: 'POST',
      headers: devHeaders(champion),
      body: { departmentId: 'risk-compliance', note: 'Happy to join your next team meeting.' },
    });
    expect(nudge.status).toBe(202);
    const result = nudge.body as { queued: number; leads: { id: string; name: string }[] };
    expect(result.queued).toBeGreaterThan(0);
    expect(result.queued).toBe(result.leads.length);
    const deliveries = await request(app.url, '/api/deliveries?state=queued', {
      headers: devHeaders(champion),
    });
    const items = (
      deliveries.body as { items: { id: string; payload: { topic?: string; text?: string } }[] }
    ).items;
    const coaching = items.filter((item) => item.payload.topic === 'coaching');
    expect(coaching).toHaveLength(result.leads.length);
    expect(coaching[0]?.payload.text).toContain('Happy to join your next team meeting.');

    const again = await request(app.url, '/api/scoreboard/nudges', {
      method: 'POST',
      headers: devHeaders(champion),
      body: { departmentId: 'risk-compliance' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ queued: 0 });
    const asMember = await request(app.url, '/api/scoreboard/nudges', {
      method: 'POST',
      headers: devHeaders(member),
      body: { departmentId: 'risk-compliance' },
    });
    expect(asMember.status).toBe(403);
    const unknown = await request(app.url, '/api/scoreboard/nudges', {
      method: 'POST',
      headers: devHeaders(champion),
      body: { departmentId: 'nowhere' },
    });
    expect(unknown.status).toBe(404);
  });

  it('should give the checkpoint with task times, sample sizes and a diagnosis', async () => {
    const response = await request(app.url, '/api/checkpoint', { headers: devHeaders(champion) });
    expect(response.status).toBe(200);
    const checkpoint = response.body as {
      weeks: string[];
      overall: { wauPctStart: number; wauPctNow: number };
      tasks: { baselineSamples: number; nowSamples: number; changePct?: number }[];
      diagnosis: { kind: string; subject: { id: string } }[];
      improvements: { suggested: number };
      flags: { raised: number };
    };
    expect(checkpoint.weeks).toHaveLength(8);
    expect(checkpoint.overall.wauPctStart).toBeLessThan(25);
    expect(checkpoint.overall.wauPctNow).toBeGreaterThan(68);
    expect(checkpoint.tasks.some((task) => (task.changePct ?? 0) < -15)).toBe(true);
    expect(checkpoint.tasks.every((task) => task.baselineSamples + task.nowSamples >= 0)).toBe(
      true,
    );
    expect(checkpoint.diagnosis).toContainEqual(
      expect.objectContaining({
        kind: 'training',
        subject: expect.objectContaining({ id: 'risk-compliance' }),
      }),
    );
    expect(checkpoint.diagnosis.map((finding) => finding.kind)).toContain('prompt');
    expect(checkpoint.improvements.suggested).toBe(47);
    expect(checkpoint.flags.raised).toBeGreaterThan(10);

    const csv = await request(app.url, '/api/checkpoint?format=csv', {
      headers: devHeaders(admin),
    });
    expect(csv.status).toBe(200);
    expect(csv.text.startsWith('section,subject,measure,value\r\n')).toBe(true);
    expect(csv.text).toContain('diagnosis,Risk and Compliance,training,');
    const asLead = await request(app.url, '/api/checkpoint', { headers: devHeaders(lead) });
    expect(asLead.status).toBe(403);
  });
});
