import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IngestResult } from '../contracts/adoption.js';
import { isAppError } from '../domain/errors.js';
import {
  copilotRow,
  type FakeGraph,
  fakeAccessToken,
  startFakeGraph,
} from '../../tests/support/fake-graph.js';
import { CopilotReportImport, type GraphSettings } from './copilot-report-import.js';
import type { UsageIngestPort } from './usage-ingest-port.js';

/** The ingest's contract in memory: idempotent by id, people known by UPN only. */
class RecordingIngest implements UsageIngestPort {
  readonly batches: unknown[][] = [];
  readonly ids = new Set<string>();

  constructor(private readonly roster: ReadonlySet<string>) {}

  async ingest(_tenantId: string, events: readonly unknown[]): Promise<IngestResult> {
    this.batches.push([...events]);
    const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
    events.forEach((raw, index) => {
      const event = raw as { id: string; upn: string };
      if (!this.roster.has(event.upn)) {
        result.rejected.push({ index, reason: 'upn is not on the roster' });
      } else if (this.ids.has(event.id)) {
        result.duplicates += 1;
      } else {
        this.ids.add(event.id);
        result.accepted += 1;
      }
    });
    return result;
  }
}

const now = new Date('2026-03-02T08:00:00Z');

describe('CopilotReportImport against a loopback Graph', () => {
  let graph: FakeGraph;
  let settings: GraphSettings;
  const waits: number[] = [];

  beforeAll(async () => {
    graph = await startFakeGraph();
    settings = {
      authorityHost: graph.url,
      baseUrl: graph.url,
      clientId: 'app-id',
      clientSecret: 'app-secret',
    };
  });

  afterAll(async () => {
    await graph.close();
  });

  beforeEach(() => {
    waits.length = 0;
    graph.failReportRequests();
    graph.failTokenRequests();
    graph.setForeignNextLink(undefined);
  });

  const importer = (ingest: UsageIngestPort, overrides: Partial<GraphSettings> = {}) =>
    new CopilotReportImport(
      { usage: ingest },
      {
        settings: { ...settings, ...overrides },
        now: () => now,
        clock: () => now.getTime(),
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );

  it('should follow every page, wait out a 429, and ingest each app date once', async () => {
    graph.setReport(
      [
        copilotRow('ada@contoso.com', {
          lastActivityDate: '2026-02-28',
          microsoftTeamsCopilotLastActivityDate: '2026-02-28',
          wordCopilotLastActivityDate: '2026-02-26',
        }),
        copilotRow('E58EEF6A6BBD3D0293CB306D24A42057', { lastActivityDate: '2026-02-28' }),
        copilotRow('ben@contoso.com', { outlookCopilotLastActivityDate: '2026-02-27' }),
        copilotRow('stranger@contoso.com', { excelCopilotLastActivityDate: '2026-02-27' }),
        copilotRow('idle@contoso.com'),
      ],
      2,
    );
    graph.failReportRequests({ status: 429, retryAfter: '2' });
    const ingest = new RecordingIngest(
      new Set(['ada@contoso.com', 'ben@contoso.com', 'idle@contoso.com']),
    );
    const before = graph.requests.length;

    const report = await importer(ingest).import('contoso-tenant');

    expect(report).toEqual({
      period: 'D7',
      reportRefreshDate: '2026-03-01',
      pages: 3,
      users: 4,
      concealed: 1,
      events: 4,
      accepted: 3,
      duplicates: 0,
      rejected: 1,
      rejectedExamples: [
        { id: 'copilot:stranger@contoso.com:excel:2026-02-27', reason: 'upn is not on the roster' },
      ],
      notice: expect.stringMatching(/1 of 5 rows had concealed user names/),
    });
    expect(waits).toEqual([2000]);
    const calls = graph.requests.slice(before);
    const token = calls.find((call) => call.method === 'POST');
    expect(token?.path).toBe('/contoso-tenant/oauth2/v2.0/token');
    expect(token?.form).toMatchObject({
      grant_type: 'client_credentials',
      client_id: 'app-id',
      client_secret: 'app-secret',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(calls.filter((call) => call.method === 'GET')).toHaveLength(4);
    expect(
      calls.every(
        (call) => call.method === 'POST' || call.authorization === `Bearer ${fakeAccessToken}`,
      ),
    ).toBe(true);
  });

  it('should report the same report again as duplicates, reusing its token', async () => {
    graph.setReport(
      [copilotRow('ada@contoso.com', { loopCopilotLastActivityDate: '2026-02-20' })],
      10,
    );
    const ingest = new RecordingIngest(new Set(['ada@contoso.com']));
    const run = importer(ingest);
    const tokensBefore = graph.tokenRequests.length;
    expect((await run.import('t1')).accepted).toBe(1);
    const again = await run.import('t1');
    expect(again).toMatchObject({ events: 1, accepted: 0, duplicates: 1, rejected: 0 });
    expect(again.notice).toBeUndefined();
    expect(graph.tokenRequests.length - tokensBefore).toBe(1);
  });

  it('should send the ingest batches of at most 1,000 events', async () => {
    const rows = Array.from({ length: 1250 }, (_, index) =>
      copilotRow(`p${String(index)}@contoso.com`, {
        wordCopilotLastActivityDate: '2026-02-25',
        excelCopilotLastActivityDate: '2026-02-26',
      }),
    );
    graph.setReport(rows, 500);
    const ingest = new RecordingIngest(
      new Set(rows.map((row) => String(row['userPrincipalName']))),
    );
    const report = await importer(ingest).import('t2');
    expect(report).toMatchObject({ pages: 3, users: 1250, events: 2500, accepted: 2500 });
    expect(ingest.batches.map((batch) => batch.length)).toEqual([1000, 1000, 500]);
  });

  it('should say what to set when no client secret is configured', async () => {
    const run = importer(new RecordingIngest(new Set()), { clientSecret: undefined });
    expect(run.status()).toEqual({ configured: false, period: 'D7' });
    await expect(run.import('t3')).rejects.toSatisfy(
      (error: unknown) =>
        isAppError(error, 'unavailable') && error.message.includes('LASTMILE_GRAPH_CLIENT_SECRET'),
    );
  });

  it('should give up as throttled when Graph keeps answering 503', async () => {
    graph.setReport([copilotRow('ada@contoso.com')], 10);
    const busy = { status: 503, retryAfter: '1' };
    graph.failReportRequests(busy, busy, busy, busy, busy);
    await expect(importer(new RecordingIngest(new Set())).import('t4')).rejects.toSatisfy(
      (error: unknown) => isAppError(error, 'throttled') && error.retryAfterSeconds === 1,
    );
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('should name the missing permission when Graph answers 403', async () => {
    graph.failReportRequests({
      status: 403,
      body: { error: { code: 'UnknownError', message: 'Forbidden' } },
    });
    await expect(importer(new RecordingIngest(new Set())).import('t5')).rejects.toSatisfy(
      (error: unknown) =>
        isAppError(error, 'unavailable') && /Reports\.Read\.All/.test(error.message),
    );
  });

  it('should explain a refused client secret', async () => {
    graph.failTokenRequests({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x',
      },
    });
    await expect(importer(new RecordingIngest(new Set())).import('t6')).rejects.toSatisfy(
      (error: unknown) =>
        isAppError(error, 'unavailable') &&
        error.message.endsWith('AADSTS7000215: Invalid client secret provided.'),
    );
  });

  it('should not send its token to a next-page link on another host', async () => {
    graph.setReport([copilotRow('a@contoso.com'), copilotRow('b@contoso.com')], 1);
    graph.setForeignNextLink('https://attacker.example/v1.0/next');
    await expect(importer(new RecordingIngest(new Set())).import('t7')).rejects.toSatisfy(
      (error: unknown) => isAppError(error, 'unavailable') && /another host/.test(error.message),
    );
  });
});
