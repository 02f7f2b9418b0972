import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copilotImportReportSchema,
  copilotReportStatusSchema,
} from '../../src/contracts/usage-data.js';
import { demoAdminUpn } from '../../src/domain/demo-tenant.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { copilotRow, type FakeGraph, reportPath, startFakeGraph } from '../support/fake-graph.js';
import { devHeaders, request } from '../support/http.js';

const admin = devHeaders(demoAdminUpn);
const day = (daysAgo: number): string =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

describe('the Microsoft 365 Copilot usage report import, against a loopback Graph', () => {
  let graph: FakeGraph;
  let app: TestApp;

  beforeAll(async () => {
    graph = await startFakeGraph();
    app = await startTestApp({
      LASTMILE_GRAPH_AUTHORITY_HOST: graph.url,
      LASTMILE_GRAPH_BASE_URL: graph.url,
      AAD_APP_CLIENT_ID: 'lastmile-test-app',
      LASTMILE_GRAPH_CLIENT_SECRET: 'test-client-secret',
    });
  });

  afterAll(async () => {
    await app?.dispose();
    await graph?.close();
  });

  const runImport = () =>
    request(app.url, '/api/integrations/copilot-report/import', { method: 'POST', headers: admin });

  it('should sign in with client credentials, read both pages after a 429, and ingest each app date once', async () => {
    graph.setReport(
      [
        copilotRow('member@demo.example', {
          lastActivityDate: day(1),
          microsoftTeamsCopilotLastActivityDate: day(1),
          wordCopilotLastActivityDate: day(3),
        }),
        copilotRow('Lead@demo.example', { outlookCopilotLastActivityDate: day(2) }),
        copilotRow('DC8C64D6EC3A3AA17481D7E5EB5B68A6', { lastActivityDate: day(1) }),
        copilotRow('champion@demo.example', {
          copilotChatLastActivityDate: day(2),
          lastActivityDate: day(2),
        }),
        copilotRow('left-the-firm@demo.example', { excelCopilotLastActivityDate: day(4) }),
      ],
      3,
    );
    graph.failReportRequests({ status: 429, retryAfter: '1' });

    const first = await runImport();
    expect(first.status).toBe(200);
    const report = copilotImportReportSchema.parse(first.body);
    expect(report).toMatchObject({
      period: 'D7',
      pages: 2,
      users: 4,
      concealed: 1,
      events: 5,
      accepted: 4,
      duplicates: 0,
      rejected: 1,
    });
    expect(report.rejectedExamples).toEqual([
      {
        id: `copilot:left-the-firm@demo.example:excel:${day(4)}`,
        reason: expect.stringMatching(/roster/),
      },
    ]);
    expect(report.notice).toMatch(/concealed/);

    const token = graph.tokenRequests[0];
    expect(token?.path).toBe('/demo/oauth2/v2.0/token');
    expect(token?.form).toMatchObject({
      grant_type: 'client_credentials',
      client_id: 'lastmile-test-app',
      client_secret: 'test-client-secret',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(graph.reportRequests.map((call) => call.path)).toEqual([
      reportPath,
      reportPath,
      reportPath,
    ]);

    const again = copilotImportReportSchema.parse((await runImport()).body);
    expect(again).toMatchObject({ events: 5, accepted: 0, duplicates: 4, rejected: 1 });
    expect(graph.tokenRequests).toHaveLength(1);
  });

  it('should say it is set up, and answer 429 with Retry-After when Graph stays busy', async () => {
    const status = await request(app.url, '/api/integrations/copilot-report', { headers: admin });
    expect(copilotReportStatusSchema.parse(status.body).configured).toBe(true);
    const busy = { status: 503, retryAfter: '120' };
    graph.failReportRequests(busy);
    const refused = await runImport();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('120');
    expect(refused.contentType).toMatch(/application\/problem\+json/);
  });
});
