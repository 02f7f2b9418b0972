import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreboardSchema } from '../../src/contracts/adoption.js';
import { peoplePageSchema, type PersonSummary } from '../../src/contracts/people.js';
import {
  rosterImportProblemSchema,
  rosterImportReportSchema,
  type RosterImportReport,
} from '../../src/contracts/roster.js';
import { demoAdminUpn, demoPersonId } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { type LoopbackEntra, signAccessToken, startLoopbackEntra } from '../support/entra.js';
import { devHeaders, getAs, request } from '../support/http.js';

const header = 'UPN,Display Name,Department,Job Family,Eligible,Role,Manager';
const finance = 'finance-operations';

function csv(...lines: string[]): string {
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

describe('the roster import API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.dispose();
  });

  function importCsv(
    text: string,
    options: { dryRun?: boolean; as?: string; contentType?: string } = {},
  ): ReturnType<typeof request> {
    return request(app.url, `/api/roster/import${options.dryRun === true ? '?dryRun=true' : ''}`, {
      method: 'POST',
      headers: {
        ...devHeaders(options.as ?? demoAdminUpn),
        'content-type': options.contentType ?? 'text/csv',
      },
      rawBody: text,
    });
  }

  async function person(upn: string): Promise<PersonSummary | undefined> {
    const page = await getAs(
      app.url,
      `/api/people?q=${encodeURIComponent(upn)}&limit=5`,
      demoAdminUpn,
      (body) => peoplePageSchema.parse(body),
    );
    return page.items.find((item) => item.upn === upn);
  }

  async function eligibleIn(departmentId: string): Promise<number | undefined> {
    const board = await getAs(app.url, '/api/scoreboard?weeks=1', demoAdminUpn, (body) =>
      scoreboardSchema.parse(body),
    );
    return board.departments.find((department) => department.id === departmentId)?.eligible;
  }

  it('should refuse members and champions with 403 and write nothing', async () => {
    const file = csv('nobody@demo.example,No Body,Finance and Operations,operations,true,member,');
    for (const user of ['member@demo.example', 'champion@demo.example']) {
      const response = await importCsv(file, { as: user });
      expect(response.status).toBe(403);
      expect(response.contentType).toContain('application/problem+json');
    }
    expect(await person('nobody@demo.example')).toBeUndefined();
  });

  it('should report what a dry run would do without writing anything', async () => {
    const before = await person('person-010@demo.example');
    // Without the optional columns, eligibility, role and manager stay as the roster has them.
    const response = await importCsv(
      [
        'upn,displayName,department,jobFamily',
        'dry-new@demo.example,Dry New,Finance and Operations,Operations and support',
        `person-010@demo.example,${before?.displayName ?? ''} (renamed),${before?.departmentId ?? ''},${before?.jobFamilyId ?? ''}`,
      ].join('\n'),
      { dryRun: true },
    );
    expect(response.status).toBe(200);
    const report = rosterImportReportSchema.parse(response.body);
    expect(report).toMatchObject({
      dryRun: true,
      rows: 2,
      created: 1,
      updated: 1,
      unchanged: 0,
      errors: [],
      errorCount: 0,
    });
    expect(report.changes).toEqual([
      { line: 2, upn: 'dry-new@demo.example', outcome: 'created', fields: [] },
      { line: 3, upn: 'person-010@demo.example', outcome: 'updated', fields: ['displayName'] },
    ]);
    expect(await person('dry-new@demo.example')).toBeUndefined();
    expect(await person('person-010@demo.example')).toEqual(before);
  });

  it('should answer 422 with the per-row report and write nothing when any row is wrong', async () => {
    const response = await importCsv(
      csv(
        'good@demo.example,Good Row,Finance and Operations,operations,true,member,',
        'bad@demo.example,Bad Row,Marketing,operations,perhaps,member,',
        'good@demo.example,Good Again,Finance and Operations,operations,true,member,',
      ),
    );
    expect(response.status).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    const problem = rosterImportProblemSchema.parse(response.body);
    expect(problem.report.dryRun).toBe(false);
    expect(problem.report.rows).toBe(3);
    expect(problem.report.errors.map(({ line, field }) => `${String(line)}:${field}`)).toEqual([
      '3:department',
      '3:eligible',
      '4:upn',
    ]);
    expect(problem.errors?.[0]).toEqual({
      field: 'lines[3].department',
      message: expect.stringContaining('"Marketing" is not a department'),
    });
    expect(await person('good@demo.example')).toBeUndefined();
  });

  it('should import new and changed people, refresh the headcount, and find nothing to change again', async () => {
    const file = csv(
      'new-1@demo.example,New One,Finance and Operations,operations,true,member,lead@demo.example',
      'new-2@demo.example,New Two,finance-operations,Operations and support,yes,lead,',
      'new-3@demo.example,New Three,FINANCE AND OPERATIONS,operations,no,,',
      'person-011@demo.example,Moved Person,Finance and Operations,operations,1,,',
    );
    const first = await importCsv(file);
    expect(first.status).toBe(200);
    const report = rosterImportReportSchema.parse(first.body);
    expect(report).toMatchObject({ dryRun: false, rows: 4, created: 3, updated: 1, unchanged: 0 });
    expect(report.changes.at(-1)).toMatchObject({
      upn: 'person-011@demo.example',
      outcome: 'updated',
      fields: expect.arrayContaining(['displayName', 'department']),
    });
    expect(await person('new-2@demo.example')).toMatchObject({
      id: 'upn:new-2@demo.example',
      displayName: 'New Two',
      departmentId: finance,
      jobFamilyId: 'operations',
      role: 'lead',
    });
    expect(await person('person-011@demo.example')).toMatchObject({
      displayName: 'Moved Person',
      departmentId: finance,
    });
    const eligible = await eligibleIn(finance);

    const again = await importCsv(file);
    expect(again.status).toBe(200);
    expect(rosterImportReportSchema.parse(again.body)).toMatchObject({
      rows: 4,
      created: 0,
      updated: 0,
      unchanged: 4,
      changes: [],
    });

    const flipped = await importCsv(
      csv('new-1@demo.example,New One,Finance and Operations,operations,false,member,'),
    );
    expect(rosterImportReportSchema.parse(flipped.body).changes).toEqual([
      {
        line: 2,
        upn: 'new-1@demo.example',
        outcome: 'updated',
        fields: ['eligible', 'manager'],
      },
    ]);
    expect(eligible).toBeGreaterThan(0);
    expect(await eligibleIn(finance)).toBe((eligible ?? 0) - 1);
  });

  it('should give a UPN-only person their object id when a later file names it', async () => {
    const objectId = '6c1f0d7e-2b5a-4c1e-9f3a-0123456789ab';
    await importCsv(
      csv('pending@demo.example,Pending Person,Finance and Operations,operations,true,,'),
    );
    expect((await person('pending@demo.example'))?.id).toBe('upn:pending@demo.example');

    const response = await request(app.url, '/api/roster/import', {
      method: 'POST',
      headers: { ...devHeaders(demoAdminUpn), 'content-type': 'text/csv' },
      rawBody:
        'upn,displayName,department,jobFamily,objectId\r\n' +
        `pending@demo.example,Pending Person,Finance and Operations,operations,${objectId.toUpperCase()}\r\n`,
    });
    expect(response.status).toBe(200);
    expect(rosterImportReportSchema.parse(response.body).changes).toEqual([
      { line: 2, upn: 'pending@demo.example', outcome: 'updated', fields: ['objectId'] },
    ]);
    expect((await person('pending@demo.example'))?.id).toBe(objectId);
  });

  it('should refuse an object id that the roster gives to someone else', async () => {
    const response = await importCsv(
      'upn,displayName,department,jobFamily,objectId\r\n' +
        'member@demo.example,Mia Okafor,strategy-consulting,consulting,6c1f0d7e-2b5a-4c1e-9f3a-00000000beef\r\n',
    );
    expect(response.status).toBe(422);
    const problem = rosterImportProblemSchema.parse(response.body);
    expect(problem.report.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'objectId' }),
    ]);
  });

  it('should not let an admin take away their own admin role by import', async () => {
    const me = await person(demoAdminUpn);
    const response = await importCsv(
      csv(
        `${demoAdminUpn},${me?.displayName ?? 'Admin'},${me?.departmentId ?? finance},${me?.jobFamilyId ?? 'operations'},true,member,`,
      ),
    );
    expect(response.status).toBe(422);
    expect(rosterImportProblemSchema.parse(response.body).report.errors).toEqual([
      expect.objectContaining({
        field: 'role',
        message: expect.stringContaining('your own admin'),
      }),
    ]);
    expect((await person(demoAdminUpn))?.role).toBe('admin');
  });

  it('should take the CSV as JSON too, and say which body types it takes otherwise', async () => {
    const json = await request(app.url, '/api/roster/import?dryRun=true', {
      method: 'POST',
      headers: devHeaders(demoAdminUpn),
      body: { csv: csv('json-new@demo.example,Json New,Finance and Operations,operations,,,') },
    });
    expect(json.status).toBe(200);
    expect((json.body as RosterImportReport).created).toBe(1);

    const plain = await importCsv('upn\r\n', { contentType: 'text/plain' });
    expect(plain.status).toBe(415);
  });

  it('should report an empty file as a problem of the file', async () => {
    const response = await importCsv('');
    expect(response.status).toBe(422);
    expect(rosterImportProblemSchema.parse(response.body).errors).toEqual([
      { field: 'file', message: 'The file is empty: it needs a header row' },
    ]);
  });
});

describe('signing in as someone the roster knows only by UPN', () => {
  const clientId = '7d0f3c8e-5b1a-4c2d-9e8f-0a1b2c3d4e5f';
  let entra: LoopbackEntra;
  let app: TestApp;

  const bearer = async (objectId: string, upn: string): Promise<Record<string, string>> => ({
    authorization: `Bearer ${await signAccessToken({
      key: entra.key,
      issuer: entra.issuerFor('demo'),
      audience: clientId,
      tenantId: 'demo',
      objectId,
      upn,
    })}`,
  });

  beforeAll(async () => {
    entra = await startLoopbackEntra();
    app = await startTestApp({
      LASTMILE_DEV_IDENTITY: 'false',
      AAD_APP_CLIENT_ID: clientId,
      AAD_APP_ID_URI: `api://localhost/${clientId}`,
      AAD_JWKS_URL: entra.jwksUrl,
      AAD_ISSUER_TEMPLATE: entra.issuerTemplate,
    });
  });

  afterAll(async () => {
    await app?.dispose();
    await entra?.close();
  });

  it('should match them by UPN at their first sign-in and key them by object id from then on', async () => {
    const admin = await bearer(demoPersonId(748), demoAdminUpn);
    const imported = await request(app.url, '/api/roster/import', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv' },
      rawBody: csv(
        'first-signin@demo.example,First Signin,Finance and Operations,operations,true,lead,',
      ),
    });
    expect(imported.status).toBe(200);

    const objectId = '0d6a2c1e-8b3f-4e5d-a7c9-123456789abc';
    const me = await request(app.url, '/api/me', {
      headers: await bearer(objectId, 'First-Signin@demo.example'),
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      userId: objectId,
      upn: 'first-signin@demo.example',
      displayName: 'First Signin',
      roles: ['member', 'lead'],
    });

    const found = await request(app.url, '/api/people?q=first-signin', { headers: admin });
    expect(peoplePageSchema.parse(found.body).items).toEqual([
      expect.objectContaining({ id: objectId, upn: 'first-signin@demo.example', role: 'lead' }),
    ]);
  });

  it('should not match by UPN someone whose roster entry already has an object id', async () => {
    const me = await request(app.url, '/api/me', {
      headers: await bearer('0d6a2c1e-8b3f-4e5d-a7c9-000000000bad', 'champion@demo.example'),
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ roles: ['member'] });
  });
});
