import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.js';
import { devHeaders, request } from '../support/http.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  current?: Record<string, unknown>;
}

const settingsUpdate = {
  organisationName: 'Northwind Partners LLP',
  programStart: '2026-10-05',
  wauTargetPct: 75,
  minGroupSize: 6,
};

describe('the HTTP API in dev identity mode', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.dispose();
  });

  it('should answer /healthz with the embedded store', async () => {
    const response = await request(app.url, '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', storage: 'embedded', storageOk: true });
  });

  it('should treat a caller without headers as the demo champion', async () => {
    const response = await request(app.url, '/api/me');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      tenantId: 'demo',
      userId: '00000000-0000-4000-8000-00000000c001',
      upn: 'champion@demo.example',
      roles: ['member', 'champion'],
      identitySource: 'dev',
    });
  });

  it('should name the caller from the dev headers, by UPN or by id', async () => {
    const byUpn = await request(app.url, '/api/me', { headers: devHeaders('member@demo.example') });
    expect(byUpn.body).toMatchObject({
      userId: '00000000-0000-4000-8000-00000000c003',
      roles: ['member'],
    });
    const byId = await request(app.url, '/api/me', {
      headers: devHeaders('00000000-0000-4000-8000-00000000c002'),
    });
    expect(byId.body).toMatchObject({ upn: 'lead@demo.example', roles: ['member', 'lead'] });
  });

  it('should reject malformed dev headers with a problem naming the header', async () => {
    const response = await request(app.url, '/api/me', { headers: devHeaders('<script>') });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect((response.body as Problem).errors?.[0]?.field).toBe('x-dev-user');
  });

  it('should describe the demo program: 900 people, 9 departments, 4 job families', async () => {
    const response = await request(app.url, '/api/program');
    expect(response.status).toBe(200);
    const body = response.body as {
      headcount: number;
      departments: unknown[];
      jobFamilies: unknown[];
    };
    expect(body.headcount).toBe(900);
    expect(body.departments).toHaveLength(9);
    expect(body.jobFamilies).toHaveLength(4);
  });

  it('should keep one tenant from seeing the program of another', async () => {
    const response = await request(app.url, '/api/program', {
      headers: devHeaders('someone@other.example', 'other'),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ headcount: 0, departments: [], jobFamilies: [] });
    const settings = await request(app.url, '/api/program/settings', {
      headers: devHeaders('someone@other.example', 'other'),
    });
    expect(settings.status).toBe(404);
  });

  it('should search the roster for the dev user picker, a page at a time', async () => {
    const found = await request(app.url, '/api/dev/roster?q=okafor&limit=5');
    expect(found.status).toBe(200);
    expect((found.body as { items: { upn: string }[] }).items.map((item) => item.upn)).toContain(
      'member@demo.example',
    );

    const first = await request(app.url, '/api/dev/roster?limit=50');
    const firstPage = first.body as { items: unknown[]; continuationToken?: string };
    expect(firstPage.items).toHaveLength(50);
    expect(firstPage.continuationToken).toBeDefined();
    const second = await request(
      app.url,
      `/api/dev/roster?limit=50&continuationToken=${encodeURIComponent(firstPage.continuationToken ?? '')}`,
    );
    expect((second.body as { items: unknown[] }).items).toHaveLength(50);
    expect(second.body).not.toEqual(first.body);
  });

  it('should reject a bad roster query naming the parameter', async () => {
    const response = await request(app.url, '/api/dev/roster?limit=5000');
    expect(response.status).toBe(400);
    expect((response.body as Problem).errors?.[0]?.field).toBe('limit');
  });

  it('should edit the settings only with the current ETag, and return the latest on a stale one', async () => {
    const read = await request(app.url, '/api/program/settings');
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);

    const missing = await request(app.url, '/api/program/settings', {
      method: 'PUT',
      body: settingsUpdate,
    });
    expect(missing.status).toBe(428);

    const edited = await request(app.url, '/api/program/settings', {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: settingsUpdate,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject(settingsUpdate);
    const newEtag = edited.headers.get('etag');
    expect(newEtag).not.toBe(etag);

    const stale = await request(app.url, '/api/program/settings', {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: { ...settingsUpdate, wauTargetPct: 10 },
    });
    expect(stale.status).toBe(412);
    expect(stale.contentType).toContain('application/problem+json');
    expect((stale.body as Problem).current).toMatchObject({ wauTargetPct: 75 });
    expect(stale.headers.get('etag')).toBe(newEtag);

    const after = await request(app.url, '/api/program/settings');
    expect(after.body).toMatchObject({ wauTargetPct: 75 });
  });

  it('should let only admins and champions edit the settings', async () => {
    const read = await request(app.url, '/api/program/settings');
    const response = await request(app.url, '/api/program/settings', {
      method: 'PUT',
      headers: { ...devHeaders('member@demo.example'), 'if-match': read.headers.get('etag') ?? '' },
      body: settingsUpdate,
    });
    expect(response.status).toBe(403);
    expect(response.contentType).toContain('application/problem+json');
  });

  it('should reject an invalid body naming each field and change nothing', async () => {
    const read = await request(app.url, '/api/program/settings');
    const response = await request(app.url, '/api/program/settings', {
      method: 'PUT',
      headers: { 'if-match': read.headers.get('etag') ?? '' },
      body: { ...settingsUpdate, wauTargetPct: 250, extra: true },
    });
    expect(response.status).toBe(400);
    const fields = (response.body as Problem).errors?.map((error) => error.field) ?? [];
    expect(fields).toContain('wauTargetPct');
    const after = await request(app.url, '/api/program/settings');
    expect(after.headers.get('etag')).toBe(read.headers.get('etag'));
  });

  it('should answer malformed JSON and oversized bodies with problems, never a stack trace', async () => {
    const malformed = await request(app.url, '/api/program/settings', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': '"eA"' },
      rawBody: '{"organisationName": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toContain('application/problem+json');
    expect(malformed.text).not.toMatch(/at .*\.(js|ts):\d+/);

    const huge = await request(app.url, '/api/program/settings', {
      method: 'PUT',
      headers: { 'if-match': '"eA"' },
      body: { organisationName: 'x'.repeat(300_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.contentType).toContain('application/problem+json');
  });

  it('should answer unknown API routes with a problem', async () => {
    const response = await request(app.url, '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('should serve the tab with headers that let Teams frame it', async () => {
    const response = await request(app.url, '/');
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
