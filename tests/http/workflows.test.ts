import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowList, WorkflowTaskView } from '../../src/contracts/workflows.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, request } from '../support/http.js';

const lead = devHeaders('lead@demo.example');
const task = {
  departmentId: 'strategy-consulting',
  name: 'Prepare a steering committee update',
  description: 'The monthly update to the client steering committee.',
  steps: [
    { text: 'Collect workstream status', actor: 'Consultant' },
    { text: 'Draft the deck' },
    { text: 'Partner review' },
  ],
  handoffs: [{ fromRole: 'Consultant', toRole: 'Partner', what: 'Draft deck' }],
  frictionPoints: ['Status arrives late and in different formats'],
  aiOpportunities: ['Summarise workstream notes into one status table'],
  baselineMinutes: 240,
  jobFamilyIds: ['consulting'],
};

describe('the workflow mapping API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('should list the 32 demo tasks, 3 to 5 per department, with their linked prompts', async () => {
    const all = (await request(app.url, '/api/workflows')).body as WorkflowList;
    expect(all.items).toHaveLength(32);
    const perDepartment = new Map<string, number>();
    for (const item of all.items)
      perDepartment.set(item.departmentId, (perDepartment.get(item.departmentId) ?? 0) + 1);
    for (const count of perDepartment.values()) expect(count).toBeGreaterThanOrEqual(3);
    expect(all.items.every((item) => item.promptCount >= 1)).toBe(true);
    const one = (await request(app.url, '/api/workflows?department=people-talent'))
      .body as WorkflowList;
    expect(one.items.every((item) => item.departmentId === 'people-talent')).toBe(true);
  });

  it('should let a lead map a fifth task but not a sixth', async () => {
    const fifth = await request(app.url, '/api/workflows', {
      method: 'POST',
      headers: lead,
      body: task,
    });
    expect(fifth.status).toBe(201);
    const sixth = await request(app.url, '/api/workflows', {
      method: 'POST',
      headers: lead,
      body: { ...task, name: 'One too many' },
    });
    expect(sixth.status).toBe(409);
    expect((sixth.body as { detail: string }).detail).toMatch(/5 tasks/);
  });

  it('should refuse members, unknown departments and steps-less tasks', async () => {
    const member = await request(app.url, '/api/workflows', {
      method: 'POST',
      headers: devHeaders('member@demo.example'),
      body: task,
    });
    expect(member.status).toBe(403);
    const unknown = await request(app.url, '/api/workflows', {
      method: 'POST',
      headers: lead,
      body: { ...task, departmentId: 'nowhere' },
    });
    expect(unknown.status).toBe(400);
    const noSteps = await request(app.url, '/api/workflows', {
      method: 'POST',
      headers: lead,
      body: { ...task, steps: [] },
    });
    expect(noSteps.status).toBe(400);
    expect((noSteps.body as { errors: { field: string }[] }).errors[0]?.field).toBe('steps');
  });

  it('should edit with the current ETag only, and delete', async () => {
    const list = (await request(app.url, '/api/workflows?department=people-talent'))
      .body as WorkflowList;
    const id = (list.items[0] as WorkflowTaskView).id;
    const read = await request(app.url, `/api/workflows/${id}`);
    const etag = read.headers.get('etag') ?? '';
    const {
      id: _id,
      etag: _etag,
      promptCount: _count,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      ...content
    } = read.body as WorkflowTaskView;
    const edited = await request(app.url, `/api/workflows/${id}`, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: { ...content, baselineMinutes: 90 },
    });
    expect(edited.status).toBe(200);
    const stale = await request(app.url, `/api/workflows/${id}`, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: { ...content, baselineMinutes: 10 },
    });
    expect(stale.status).toBe(412);
    const latest = (stale.body as { current: WorkflowTaskView }).current;
    expect(latest.baselineMinutes).toBe(90);
    expect(latest.promptCount).toBe((read.body as WorkflowTaskView).promptCount);
    expect(latest.promptCount).toBeGreaterThan(0);
    const deleted = await request(app.url, `/api/workflows/${id}`, {
      method: 'DELETE',
      headers: { 'if-match': edited.headers.get('etag') ?? '' },
    });
    expect(deleted.status).toBe(204);
    expect((await request(app.url, `/api/workflows/${id}`)).status).toBe(404);
  });
});
