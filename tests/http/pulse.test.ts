import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PulseView, pulseViewSchema } from '../../src/contracts/pulse.js';
import { workflowListSchema } from '../../src/contracts/workflows.js';
import { isoWeekOf } from '../../src/domain/iso-week.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, request } from '../support/http.js';

const member = devHeaders('member@demo.example');
const lead = devHeaders('lead@demo.example');

async function pulseOf(app: TestApp, headers: Record<string, string>): Promise<PulseView> {
  const response = await request(app.url, '/api/pulse', { headers });
  expect(response.status).toBe(200);
  return pulseViewSchema.parse(response.body);
}

describe('the weekly pulse API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it("should ask about one of the caller's department's mapped tasks this week", async () => {
    const view = await pulseOf(app, member);
    expect(view.week).toBe(isoWeekOf(new Date()));
    const own = await request(app.url, '/api/workflows?department=strategy-consulting', {
      headers: member,
    });
    const tasks = workflowListSchema.parse(own.body).items;
    const task = tasks.find((candidate) => candidate.id === view.question?.taskId);
    expect(task).toBeDefined();
    expect(view.question).toEqual({
      taskId: task?.id,
      taskName: task?.name,
      departmentId: 'strategy-consulting',
      baselineMinutes: task?.baselineMinutes,
    });
  });

  it('should record an answer, show it, and keep only the latest one of the week', async () => {
    const { question } = await pulseOf(app, member);
    const taskId = question?.taskId ?? '';
    const first = await request(app.url, '/api/pulse', {
      method: 'POST',
      headers: member,
      body: { taskId, minutes: 45, aiHelped: true },
    });
    expect(first.status).toBe(200);
    expect(pulseViewSchema.parse(first.body).answer).toMatchObject({
      taskId,
      taskName: question?.taskName,
      minutes: 45,
      aiHelped: true,
    });

    // Form posts send text; the last answer of the week is the one kept.
    const second = await request(app.url, '/api/pulse', {
      method: 'POST',
      headers: member,
      body: { taskId, minutes: '30', aiHelped: 'false' },
    });
    expect(second.status).toBe(200);
    const view = await pulseOf(app, member);
    expect(view.answer).toMatchObject({ taskId, minutes: 30, aiHelped: false });
    expect(Date.parse(view.answer?.answeredAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it("should keep each person's answer apart, and accept any mapped task of the tenant", async () => {
    const all = await request(app.url, '/api/workflows', { headers: lead });
    const elsewhere = workflowListSchema
      .parse(all.body)
      .items.find((task) => task.departmentId !== 'strategy-consulting');
    expect(elsewhere).toBeDefined();
    const answered = await request(app.url, '/api/pulse', {
      method: 'POST',
      headers: lead,
      body: { taskId: elsewhere?.id, minutes: 10_000, aiHelped: false },
    });
    expect(answered.status).toBe(200);
    expect(pulseViewSchema.parse(answered.body).answer).toMatchObject({
      taskId: elsewhere?.id,
      taskName: elsewhere?.name,
      minutes: 10_000,
    });
    expect((await pulseOf(app, member)).answer).toMatchObject({ minutes: 30 });
  });

  it('should refuse bad answers with the field at fault, and change nothing', async () => {
    const before = await pulseOf(app, member);
    const taskId = before.question?.taskId ?? '';
    const cases: [unknown, string][] = [
      [{ taskId: 'not-a-task', minutes: 10, aiHelped: true }, 'taskId'],
      [{ taskId, minutes: 0, aiHelped: true }, 'minutes'],
      [{ taskId, minutes: 10_001, aiHelped: true }, 'minutes'],
      [{ taskId, minutes: 12.5, aiHelped: true }, 'minutes'],
      [{ taskId, minutes: 10, aiHelped: 'maybe' }, 'aiHelped'],
      [{ taskId, minutes: 10 }, 'aiHelped'],
      [{ taskId, minutes: 10, aiHelped: true, week: '2020-W01' }, ''],
    ];
    for (const [body, field] of cases) {
      const response = await request(app.url, '/api/pulse', {
        method: 'POST',
        headers: member,
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      const errors = (response.body as { errors?: { field: string }[] }).errors ?? [];
      if (field !== '') expect(errors.map((error) => error.field)).toContain(field);
    }
    expect((await pulseOf(app, member)).answer).toEqual(before.answer);
  });

  it('should refuse people who are not on the roster, in this tenant or another', async () => {
    const stranger = await request(app.url, '/api/pulse', {
      headers: devHeaders('stranger@demo.example'),
    });
    expect(stranger.status).toBe(403);
    const otherTenant = await request(app.url, '/api/pulse', {
      method: 'POST',
      headers: devHeaders('member@demo.example', 'other-tenant'),
      body: { taskId: 'anything', minutes: 10, aiHelped: true },
    });
    expect(otherTenant.status).toBe(403);
  });
});
