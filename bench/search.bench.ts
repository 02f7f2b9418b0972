// `npm run bench -- search`: 10,000 prompts in one tenant (imported through the API's write path),
// 50 concurrent clients sending the message extension's composeExtension/query to /api/messages for
// 30 s, and, as the baseline a simpler design would use, the same queries answered by a Cosmos DB
// CONTAINS query on the same data. Prints one JSON line.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { demoTenantId } from '../src/domain/demo-tenant.js';
import { openStorage } from '../src/storage/storage.js';
import { makeDataDir } from '../tests/support/app.js';
import { startAppProcess } from '../tests/support/app-process.js';

const promptCount = Number(process.env['BENCH_PROMPTS'] ?? 10_000);
const clients = Number(process.env['BENCH_CLIENTS'] ?? 50);
const durationMs = Number(process.env['BENCH_SECONDS'] ?? 30) * 1000;
const baselineQueries = 16;
/**
 * A person typing in the compose box sends a query, reads the results, types on: each client
 * pauses this long between its queries. The saturation run (no pause) measures capacity.
 */
const thinkMs = Number(process.env['BENCH_THINK_MS'] ?? 300);

const verbs = [
  'Draft',
  'Summarise',
  'Review',
  'Plan',
  'Prepare',
  'Analyse',
  'Rewrite',
  'Outline',
  'Check',
  'Compare',
];
const objects = [
  'a client proposal',
  'a status report',
  'meeting notes',
  'a risk register',
  'a board paper',
  'an RFP response',
  'a research summary',
  'a client email',
  'a budget variance',
  'a statement of work',
  'an interview guide',
  'a market scan',
  'a due diligence checklist',
  'a policy summary',
  'a project plan',
  'a pitch deck outline',
];
const contexts = [
  'for a new client',
  'for the steering committee',
  'after a workshop',
  'before a renewal',
  'for the partner review',
  'for a regulator',
  'for the finance team',
  'in plain English',
  'for a board meeting',
  'for a tender',
  'with assumptions marked',
  'for a quarterly review',
];
const families = ['consulting', 'analysis', 'client-management', 'operations'];
const queries = [
  'proposal',
  'prop',
  'client email',
  'risk',
  'summar',
  'status report',
  'board',
  'rfp',
  'meeting',
  'budget',
  'interview',
  'tender',
  'renewal',
  'workshop',
  'due dil',
  'market',
];

function promptFor(index: number): Record<string, unknown> {
  const verb = verbs[index % verbs.length] ?? 'Draft';
  const object = objects[Math.floor(index / verbs.length) % objects.length] ?? 'a note';
  const context =
    contexts[Math.floor(index / (verbs.length * objects.length)) % contexts.length] ?? '';
  return {
    title: `${verb} ${object} ${context} #${String(index)}`,
    body: `You are helping a professional-services team. ${verb} ${object} ${context} for {{clientName}}. Use the notes below, mark assumptions, do not invent figures, and end with next steps.\n\nNotes: {{notes}}`,
    variables: [
      { name: 'clientName', description: 'The client', required: true },
      { name: 'notes', description: 'What you know so far', required: false },
    ],
    jobFamilyIds: [families[index % families.length]],
    tags: [object.split(' ').slice(-1)[0] ?? 'note'],
    status: 'published',
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1),
  );
}

function queryInvoke(text: string, userId: string): Record<string, unknown> {
  const conversation = `a:bench-${userId}`;
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${userId}`, aadObjectId: userId, name: 'Bench user' },
    recipient: { id: '28:lastmile', name: 'Lastmile' },
    conversation: { id: conversation, conversationType: 'personal', tenantId: demoTenantId },
    channelData: { tenant: { id: demoTenantId } },
    value: {
      commandId: 'findPrompt',
      parameters: [{ name: 'searchQuery', value: text }],
      queryOptions: { skip: 0, count: 10 },
    },
  };
}

const phase = (name: string, since: number): void => {
  process.stderr.write(
    `search bench: ${name} took ${String(Math.round(performance.now() - since))} ms\n`,
  );
};
let mark = performance.now();
const dataDir = await makeDataDir();
const app = await startAppProcess(dataDir, { LOG_LEVEL: 'error', LASTMILE_RATE_LIMITS: 'off' });
phase('start with the demo seed', mark);
try {
  mark = performance.now();
  // Import through the API as the demo champion, 1,000 prompts a request.
  for (let start = 0; start < promptCount; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, promptCount - start) }, (_, offset) =>
      promptFor(start + offset),
    );
    const response = await fetch(`${app.url}/api/prompts/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompts: batch }),
    });
    if (response.status !== 201)
      throw new Error(`import failed: ${String(response.status)} ${await response.text()}`);
  }

  phase(`importing ${String(promptCount)} prompts`, mark);
  // Warm up: the first query loads the tenant's index.
  await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(queryInvoke('proposal', '00000000-0000-4000-8000-000000000001')),
  });

  interface LoadResult {
    readonly latencies: number[];
    readonly failures: number;
    readonly withResults: number;
  }
  const load = async (pauseMs: number): Promise<LoadResult> => {
    const latencies: number[] = [];
    let failures = 0;
    let withResults = 0;
    const deadline = performance.now() + durationMs;
    const client = async (clientIndex: number): Promise<void> => {
      const userId = `00000000-0000-4000-8000-${String(clientIndex + 1).padStart(12, '0')}`;
      let round = clientIndex;
      // Clients start spread over one pause, as people do not all type at the same instant.
      await new Promise((resolve) => setTimeout(resolve, (pauseMs * clientIndex) / clients));
      while (performance.now() < deadline) {
        const text = queries[round % queries.length] ?? 'proposal';
        round += 1;
        const started = performance.now();
        const response = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(queryInvoke(text, userId)),
        }).catch(() => undefined);
        const body = (await response?.json().catch(() => undefined)) as
          { composeExtension?: { attachments?: unknown[] } } | undefined;
        latencies.push(performance.now() - started);
        if (response?.status !== 200) failures += 1;
        else if ((body?.composeExtension?.attachments?.length ?? 0) > 0) withResults += 1;
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
    latencies.sort((a, b) => a - b);
    return { latencies, failures, withResults };
  };
  mark = performance.now();
  const paced = await load(thinkMs);
  phase(`${String(clients)} clients pausing ${String(thinkMs)} ms`, mark);
  mark = performance.now();
  const saturated = await load(0);
  phase(`${String(clients)} clients without pauses`, mark);

  // Baseline: the same queries as a CONTAINS scan in Cosmos DB, on a copy of the same store.
  await app.stop();
  const baselineDir = path.join(dataDir, 'baseline');
  await mkdir(baselineDir, { recursive: true });
  await copyFile(path.join(dataDir, 'lastmile.json'), path.join(baselineDir, 'lastmile.json'));
  const storage = await openStorage(
    {
      endpoint: undefined,
      key: undefined,
      databaseId: 'lastmile',
      endpointDiscovery: false,
      managedIdentityClientId: undefined,
    },
    { dataDir: baselineDir, logger: { info: () => undefined, error: () => undefined } },
  );
  const baseline: number[] = [];
  try {
    for (let index = 0; index < baselineQueries; index += 1) {
      const text = (queries[index % queries.length] ?? 'proposal').toLowerCase();
      const started = performance.now();
      await storage.prompts.containsSearch(demoTenantId, text, 10);
      baseline.push(performance.now() - started);
    }
  } finally {
    await storage.close();
  }
  baseline.sort((a, b) => a - b);

  process.stdout.write(
    `${JSON.stringify({
      bench: 'search',
      prompts: promptCount,
      clients,
      seconds: durationMs / 1000,
      thinkMs,
      requests: paced.latencies.length,
      failures: paced.failures + saturated.failures,
      withResults: paced.withResults,
      p50Ms: percentile(paced.latencies, 50),
      p95Ms: percentile(paced.latencies, 95),
      p99Ms: percentile(paced.latencies, 99),
      throughputPerS: Math.round(paced.latencies.length / (durationMs / 1000)),
      saturatedThroughputPerS: Math.round(saturated.latencies.length / (durationMs / 1000)),
      saturatedP50Ms: percentile(saturated.latencies, 50),
      saturatedP95Ms: percentile(saturated.latencies, 95),
      baselineP50Ms: percentile(baseline, 50),
      baselineP95Ms: percentile(baseline, 95),
      targetP95Ms: 50,
    })}\n`,
  );
} finally {
  await app.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
}
