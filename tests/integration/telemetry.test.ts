// Issue 9: with APPLICATIONINSIGHTS_CONNECTION_STRING set, the server sends its traces and metrics
// to Azure Monitor through @azure/monitor-opentelemetry. The app runs as a process (as App Service
// runs it) against a loopback stand-in of the ingestion endpoint, with a certificate it trusts
// through NODE_EXTRA_CA_CERTS, and the test reads what arrived.
import { copyFile, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoTenant, demoAdminUpn } from '../../src/domain/demo-tenant.js';
import { localDataFileName } from '../../src/storage/storage.js';
import { makeDataDir } from '../support/app.js';
import { projectRoot, startAppProcess } from '../support/app-process.js';
import {
  type FakeAppInsights,
  fakeInstrumentationKey,
  startFakeAppInsights,
  type TrackedEnvelope,
} from '../support/fake-app-insights.js';
import { copilotRow, type FakeGraph, startFakeGraph } from '../support/fake-graph.js';
import { devHeaders, request } from '../support/http.js';
import { seededRandom } from '../support/cosmos.js';
import { quietWeek, usageBatch } from '../support/usage-load.js';

const yesterday = (): string => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const baseTypeOf = (envelope: TrackedEnvelope): string => envelope.data?.baseType ?? '';
const dataOf = (envelope: TrackedEnvelope): Readonly<Record<string, unknown>> =>
  envelope.data?.baseData ?? {};

/** Every metric point of the MetricData envelopes, by name, with its dimensions. */
function metricPoints(
  envelopes: readonly TrackedEnvelope[],
  name: string,
): { value: number; properties: Record<string, string> }[] {
  return envelopes
    .filter((envelope) => baseTypeOf(envelope) === 'MetricData')
    .flatMap((envelope) => {
      const data = dataOf(envelope) as {
        metrics?: { name: string; value: number }[];
        properties?: Record<string, string>;
      };
      return (data.metrics ?? [])
        .filter((metric) => metric.name === name)
        .map((metric) => ({ value: metric.value, properties: data.properties ?? {} }));
    });
}

describe('telemetry to Azure Monitor when a connection string is set', () => {
  const folders: string[] = [];
  let sink: FakeAppInsights;
  let graph: FakeGraph;
  let exitCode: number | null;
  let version: string;

  beforeAll(async () => {
    const dataDir = await makeDataDir();
    folders.push(dataDir);
    await copyFile(inject('seededDataFile'), path.join(dataDir, localDataFileName));
    sink = await startFakeAppInsights(dataDir);
    graph = await startFakeGraph();
    graph.setReport(
      [copilotRow('member@demo.example', { microsoftTeamsCopilotLastActivityDate: yesterday() })],
      10,
    );
    ({ version } = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    });

    const app = await startAppProcess(
      dataDir,
      {
        APPLICATIONINSIGHTS_CONNECTION_STRING: sink.connectionString,
        NODE_EXTRA_CA_CERTS: sink.caFile,
        // SDK self-statistics go to a fixed Microsoft host, never to the connection string's.
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        // SDK usage statistics first probe the Azure VM metadata address; not wanted here.
        APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
        LASTMILE_TELEMETRY_TRACES_PER_SECOND: '0',
        LASTMILE_DELIVERY_WORKER: 'false',
        // The Copilot report import calls Graph with fetch: a loopback Graph answers.
        LASTMILE_GRAPH_AUTHORITY_HOST: graph.url,
        LASTMILE_GRAPH_BASE_URL: graph.url,
        AAD_APP_CLIENT_ID: 'lastmile-telemetry-test',
        LASTMILE_GRAPH_CLIENT_SECRET: 'telemetry-test-secret',
      },
      { from: 'sources' },
    );
    try {
      expect((await request(app.url, '/healthz')).status).toBe(200);
      expect((await request(app.url, '/api/me')).status).toBe(200);
      const missing = await request(app.url, '/api/prompts/not-a-prompt', {
        headers: devHeaders('member-0001'),
      });
      expect(missing.status).toBe(404);
      const people = buildDemoTenant(new Date()).people.slice(0, 20);
      const ingest = await request(app.url, '/api/usage-events', {
        method: 'POST',
        body: {
          events: [
            ...usageBatch({
              prefix: 'telemetry',
              size: 12,
              people,
              week: quietWeek(new Date()),
              random: seededRandom(9),
            }),
            { id: 'telemetry-bad', userId: 'nobody-here', occurredAt: 'yesterday' },
          ],
        },
      });
      expect(ingest.status).toBe(202);
      expect(ingest.body).toMatchObject({ accepted: 12, duplicates: 0 });
      const copilot = await request(app.url, '/api/integrations/copilot-report/import', {
        method: 'POST',
        headers: devHeaders(demoAdminUpn),
      });
      expect(copilot.status).toBe(200);
    } finally {
      // SIGTERM: the app stops its work, then flushes what telemetry is still buffered.
      exitCode = await app.stop();
    }
  }, 150_000);

  afterAll(async () => {
    await sink.close();
    await graph.close();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('should stop cleanly, having flushed its telemetry on SIGTERM', () => {
    expect(exitCode).toBe(0);
    expect(sink.envelopes.length).toBeGreaterThan(0);
    expect(sink.paths.filter((url) => url.startsWith('/v2.1/track')).length).toBeGreaterThan(0);
  });

  it('should send a request trace for each API call, with its route and status', () => {
    const requests = sink.envelopes.filter((envelope) => baseTypeOf(envelope) === 'RequestData');
    const summary = requests.map((envelope) => {
      const data = dataOf(envelope);
      return { url: String(data.url), responseCode: String(data.responseCode) };
    });
    // Exactly the four API calls: the embedded store's own requests and the probes are left out.
    expect(summary).toHaveLength(4);
    expect(summary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ url: expect.stringContaining('/api/me'), responseCode: '200' }),
        expect.objectContaining({
          url: expect.stringContaining('/api/prompts/not-a-prompt'),
          responseCode: '404',
        }),
        expect.objectContaining({
          url: expect.stringContaining('/api/usage-events'),
          responseCode: '202',
        }),
      ]),
    );
  });

  it('should leave the health probe out of the traces', () => {
    const probes = sink.envelopes.filter(
      (envelope) =>
        baseTypeOf(envelope) === 'RequestData' && String(dataOf(envelope).url).includes('/healthz'),
    );
    expect(probes).toEqual([]);
  });

  it('should trace the calls made with fetch, here to Graph, under the import request', () => {
    const requests = sink.envelopes.filter((envelope) => baseTypeOf(envelope) === 'RequestData');
    const importRequest = requests.find((envelope) =>
      String(dataOf(envelope).url).includes('/copilot-report/import'),
    );
    const operationId = importRequest?.tags?.['ai.operation.id'];
    expect(operationId).toBeDefined();
    const graphCalls = sink.envelopes.filter(
      (envelope) =>
        baseTypeOf(envelope) === 'RemoteDependencyData' &&
        String(dataOf(envelope).data).startsWith(`${graph.url}/`),
    );
    // The token request and the report page, both under the import's operation.
    expect(graphCalls.length).toBeGreaterThanOrEqual(2);
    for (const call of graphCalls) expect(call.tags?.['ai.operation.id']).toBe(operationId);
    expect(graph.requests.length).toBe(graphCalls.length);
  });

  it('should trace the calls to Cosmos DB as dependencies of the requests', () => {
    const requests = sink.envelopes.filter((envelope) => baseTypeOf(envelope) === 'RequestData');
    const dependencies = sink.envelopes.filter(
      (envelope) => baseTypeOf(envelope) === 'RemoteDependencyData',
    );
    expect(dependencies.length).toBeGreaterThan(0);
    // Every traced call went to loopback: the embedded store over https, Graph over http.
    for (const dependency of dependencies) {
      expect(new URL(String(dataOf(dependency).data)).hostname).toBe('127.0.0.1');
    }
    expect(
      dependencies.filter((envelope) => String(dataOf(envelope).data).startsWith('https://')),
    ).not.toHaveLength(0);
    // The ingest's writes to the store belong to the ingest request's operation.
    const ingest = requests.find((envelope) =>
      String(dataOf(envelope).url).includes('/api/usage-events'),
    );
    const operationId = ingest?.tags?.['ai.operation.id'];
    expect(operationId).toBeDefined();
    const ingestDependencies = dependencies.filter(
      (envelope) => envelope.tags?.['ai.operation.id'] === operationId,
    );
    expect(ingestDependencies.length).toBeGreaterThan(0);
  });

  it('should name the service, its version and the instrumentation key on every item', () => {
    for (const envelope of sink.envelopes) {
      expect(envelope.iKey).toBe(fakeInstrumentationKey);
    }
    const traced = sink.envelopes.filter((envelope) => baseTypeOf(envelope) === 'RequestData');
    expect(traced.length).toBeGreaterThan(0);
    for (const envelope of traced) {
      expect(envelope.tags?.['ai.cloud.role']).toBe('lastmile');
      expect(envelope.tags?.['ai.application.ver']).toBe(version);
    }
  });

  it("should send Lastmile's usage-event counter with each outcome", () => {
    const points = metricPoints(sink.envelopes, 'lastmile.usage_events');
    const latest = (outcome: string): number =>
      Math.max(
        0,
        ...points
          .filter((point) => point.properties.outcome === outcome)
          .map((point) => point.value),
      );
    // The 12 sent to the ingest, and the one from the Copilot report.
    expect(latest('accepted')).toBe(13);
    expect(latest('rejected')).toBe(1);
    expect(latest('duplicate')).toBe(0);
    expect(metricPoints(sink.envelopes, 'lastmile.deliveries').length).toBeGreaterThan(0);
  });
});
