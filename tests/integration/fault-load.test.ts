// Issue 8, faults: the whole app under concurrent load while a proxy between it and the embedded
// Cosmos server throttles (429 with x-ms-retry-after-ms), refuses (503), hangs and drops
// connections before or after the store did the work. Clients retry as real ones do. Afterwards,
// with the faults off: every acknowledged write is there, every failure was a 503 or 429 problem,
// and the rollups equal a recompute of the raw events. Prints one JSON line of figures.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoWeek } from '../../src/contracts/activity.js';
import { buildDemoTenant, demoTenantId } from '../../src/domain/demo-tenant.js';
import { weekPartitionKey, weekStart } from '../../src/domain/iso-week.js';
import { RollupRecompute, type RecomputeReport } from '../../src/services/rollup-recompute.js';
import { ingestedEventId } from '../../src/services/usage-ingest.js';
import { ActivityRepository } from '../../src/storage/activity-repository.js';
import { createCosmosClient } from '../../src/storage/cosmos-connection.js';
import { PeopleRepository } from '../../src/storage/people-repository.js';
import { localDataFileName, openStorage } from '../../src/storage/storage.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  type FaultProxy,
  localStoreSettings,
  quietStorageLogger,
  seededRandom,
  startFaultProxy,
} from '../support/cosmos.js';
import {
  type ClientFigures,
  quietWeek,
  retryingClient,
  type UsageEventBody,
  usageBatch,
} from '../support/usage-load.js';

const clients = 6;
const operationsPerClient = 60;
const loadDeadlineMs = 25_000;
const batchSize = 25;
const stormClients = 4;
const weeksBack = 20;
const faultPlan = {
  seed: 8,
  // 12% of document, query and batch requests fail, one way or another.
  rates: {
    throttle: 0.04,
    unavailable: 0.03,
    hang: 0.01,
    dropBeforeForward: 0.02,
    dropAfterForward: 0.02,
  },
  retryAfterMs: 40,
  hangMs: 1_500,
};

interface Acknowledged {
  /** Client event id → person, for every event of an acknowledged batch. */
  readonly events: Map<string, string>;
  readonly prompts: string[];
  readonly flags: string[];
}

function idOf(text: string): string {
  const id = (JSON.parse(text) as { id?: unknown }).id;
  if (typeof id !== 'string') throw new Error(`no id in ${text}`);
  return id;
}

function recomputeOf(endpoint: string, week: IsoWeek): Promise<RecomputeReport> {
  const client = createCosmosClient({ kind: 'embedded', endpoint });
  const database = client.database(localStoreSettings.databaseId);
  const recompute = new RollupRecompute({
    activity: new ActivityRepository(
      database.container('activity'),
      database.container('rollups'),
      {},
    ),
    people: new PeopleRepository(database.container('people'), {}),
  });
  return recompute
    .run([demoTenantId], {
      now: new Date(weekStart(week).getTime() + 3 * 86_400_000),
      weeks: 1,
      repair: false,
    })
    .finally(() => client.dispose());
}

describe('the app under store faults and concurrent load', () => {
  const now = new Date();
  const week = quietWeek(now, weeksBack);
  const roster = buildDemoTenant(now).people;
  const eligible = new Set(roster.filter((person) => person.eligible).map((person) => person.id));
  const acknowledged: Acknowledged = { events: new Map(), prompts: [], flags: [] };
  const clientFigures: ClientFigures[] = [];
  let app: TestApp;
  let proxy: FaultProxy | undefined;
  let serverEndpoint = '';
  let sentEvents = 0;
  let batchesSent = 0;
  let batchesReplayed = 0;
  let loadMs = 0;
  let recomputed: RecomputeReport | undefined;
  let recomputedAfterRestart: RecomputeReport | undefined;
  let lostCount = 0;
  let lostAfterRestart: number | undefined;

  beforeAll(async () => {
    app = await startTestApp(
      { LASTMILE_RATE_LIMITS: 'off' },
      {
        embeddedEndpointFor: async (endpoint) => {
          serverEndpoint = endpoint;
          proxy = await startFaultProxy(endpoint);
          return proxy.endpoint;
        },
      },
    );
    if (proxy === undefined) throw new Error('the app did not reach the store through the proxy');
    const faults = proxy;
    faults.injectFaults(faultPlan);

    const outbox: UsageEventBody[][] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, clientIndex) => {
        const random = seededRandom(100 + clientIndex);
        const client = retryingClient(app.url, { maxAttempts: 4, maxWaitMs: 1_000, random });
        clientFigures.push(client.figures);
        for (let operation = 0; operation < operationsPerClient; operation += 1) {
          if (performance.now() - started > loadDeadlineMs) break;
          const pick = random();
          const tag = `${String(clientIndex)}-${String(operation)}`;
          if (pick < 0.6) {
            const events = usageBatch({
              prefix: `fault-load-${tag}`,
              size: batchSize,
              people: roster,
              week,
              random,
            });
            batchesSent += 1;
            sentEvents += events.length;
            const sent = await client.send('/api/usage-events', {
              method: 'POST',
              body: { events },
            });
            if (sent.acknowledged) {
              for (const event of events) acknowledged.events.set(event.id, event.userId);
            } else {
              // A real sender keeps what was not acknowledged and sends it again later.
              outbox.push(events);
            }
          } else if (pick < 0.8) {
            const sent = await client.send('/api/prompts', {
              method: 'POST',
              body: {
                title: `Fault load prompt ${tag}`,
                body: 'Summarise the attached client brief in five plain bullet points.',
                submit: false,
              },
            });
            if (sent.acknowledged && sent.answer !== undefined) {
              acknowledged.prompts.push(idOf(sent.answer.text));
            }
          } else {
            const sent = await client.send('/api/flags', {
              method: 'POST',
              body: {
                category: 'wrong',
                expected: `The right figures for case ${tag}`,
                outputText: 'The summary quoted last year’s figures.',
              },
            });
            if (sent.acknowledged && sent.answer !== undefined) {
              acknowledged.flags.push(idOf(sent.answer.text));
            }
          }
        }
      }),
    );
    loadMs = performance.now() - started;

    // A throttling storm: the store answers almost everything 429, longer than the app's own
    // retries last, so the app must pass the 429 on with a Retry-After.
    faults.injectFaults({ seed: 9, rates: { throttle: 0.97 }, retryAfterMs: 20 });
    await Promise.all(
      Array.from({ length: stormClients }, async (_, clientIndex) => {
        const client = retryingClient(app.url, {
          maxAttempts: 2,
          maxWaitMs: 200,
          random: seededRandom(200 + clientIndex),
        });
        clientFigures.push(client.figures);
        const sent = await client.send('/api/prompts', {
          method: 'POST',
          body: {
            title: `Throttled prompt ${String(clientIndex)}`,
            body: 'Draft a polite reply that declines the meeting and offers two other times.',
            submit: false,
          },
        });
        if (sent.acknowledged && sent.answer !== undefined) {
          acknowledged.prompts.push(idOf(sent.answer.text));
        }
      }),
    );
    faults.stopFaults();

    const replayer = retryingClient(app.url, {
      maxAttempts: 3,
      maxWaitMs: 500,
      random: seededRandom(99),
    });
    clientFigures.push(replayer.figures);
    for (const events of outbox) {
      batchesReplayed += 1;
      const sent = await replayer.send('/api/usage-events', { method: 'POST', body: { events } });
      if (sent.acknowledged) {
        for (const event of events) acknowledged.events.set(event.id, event.userId);
      }
    }
  }, 110_000);

  afterAll(async () => {
    const counts = proxy?.counts();
    const sum = (pick: (figures: ClientFigures) => number) =>
      clientFigures.reduce((total, figures) => total + pick(figures), 0);
    const statuses: Record<string, number> = {};
    for (const figures of clientFigures) {
      for (const [status, count] of Object.entries(figures.statuses)) {
        statuses[status] = (statuses[status] ?? 0) + count;
      }
    }
    console.log(
      JSON.stringify({
        test: 'fault-load',
        clients,
        loadS: Number((loadMs / 1000).toFixed(1)),
        httpRequests: sum((figures) => figures.requests),
        clientRetries: sum((figures) => figures.retries),
        clientNetworkErrors: sum((figures) => figures.networkErrors),
        statuses,
        unavailableWithRetryAfter: sum((figures) => figures.unavailableWithRetryAfter),
        badAnswers: sum((figures) => figures.badAnswers.length),
        storeRequests: counts?.received,
        storeRequestsForwarded: counts?.forwarded,
        storeRequestsByClass: counts?.byClass,
        faultsInjected: counts?.injected,
        batchesSent,
        batchesReplayedAfterFaults: batchesReplayed,
        eventsSent: sentEvents,
        acknowledged: {
          events: acknowledged.events.size,
          prompts: acknowledged.prompts.length,
          flags: acknowledged.flags.length,
        },
        lost: lostCount,
        lostAfterRestart,
        rollupDifferences: recomputed?.differences.length,
        rollupDifferencesAfterRestart: recomputedAfterRestart?.differences.length,
        missingMarkersAfterRestart: recomputedAfterRestart?.missingMarkers,
      }),
    );
    await app.dispose();
    await proxy?.close();
  });

  it('should answer every failure with a 503 or 429 problem, never a 500 or a stack trace', () => {
    const badAnswers = clientFigures.flatMap((figures) => figures.badAnswers);
    expect(badAnswers).toEqual([]);
    const failures = clientFigures.reduce(
      (total, figures) => total + (figures.statuses['503'] ?? 0) + (figures.statuses['429'] ?? 0),
      0,
    );
    // Faults that never reached a client would prove nothing.
    expect(failures).toBeGreaterThan(0);
    expect(clientFigures.some((figures) => (figures.statuses['429'] ?? 0) > 0)).toBe(true);
    expect(clientFigures.some((figures) => (figures.statuses['500'] ?? 0) > 0)).toBe(false);
  });

  it('should keep every acknowledged prompt, flag and usage event', async () => {
    expect(acknowledged.prompts.length + acknowledged.flags.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const id of acknowledged.prompts) {
      const response = await fetch(`${app.url}/api/prompts/${id}`);
      if (response.status !== 200) missing.push(`prompt ${id}: ${String(response.status)}`);
    }
    for (const id of acknowledged.flags) {
      const response = await fetch(`${app.url}/api/flags/${id}`);
      if (response.status !== 200) missing.push(`flag ${id}: ${String(response.status)}`);
    }
    // Every batch was acknowledged in the end (the outbox was sent again without faults).
    expect(acknowledged.events.size).toBe(sentEvents);
    const client = createCosmosClient({ kind: 'embedded', endpoint: serverEndpoint });
    try {
      const database = client.database(localStoreSettings.databaseId);
      const activity = new ActivityRepository(
        database.container('activity'),
        database.container('rollups'),
        {},
      );
      const stored = await activity.listEvents(
        demoTenantId,
        weekPartitionKey(demoTenantId, week),
        100_000,
      );
      const storedIds = new Set(stored.map((event) => event.id));
      for (const id of acknowledged.events.keys()) {
        if (!storedIds.has(ingestedEventId(id))) missing.push(`usage event ${id}`);
      }
      // The week was quiet: nothing there but the test's events, each once.
      expect(stored.length).toBe(acknowledged.events.size);
    } finally {
      client.dispose();
    }
    lostCount = missing.length;
    expect(missing).toEqual([]);
  });

  it('should keep the rollups equal to a recompute of the raw events', async () => {
    recomputed = await recomputeOf(serverEndpoint, week);
    expect(recomputed.events).toBe(acknowledged.events.size);
    expect(recomputed.differences).toEqual([]);
    expect(recomputed.missingMarkers).toBe(0);
  });

  it('should count on the scoreboard exactly the eligible people acknowledged', async () => {
    const people = new Set([...acknowledged.events.values()].filter((id) => eligible.has(id)));
    const response = await fetch(`${app.url}/api/scoreboard?weeks=${String(weeksBack + 1)}`);
    expect(response.status).toBe(200);
    const board = (await response.json()) as { weeks: string[]; overall: { active: number[] } };
    const index = board.weeks.indexOf(week);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(board.overall.active[index]).toBe(people.size);
  });

  it('should keep every acknowledged write in the data file after a clean stop', async () => {
    await app.close();
    const file = path.join(app.dataDir, localDataFileName);
    const contents = JSON.parse(await readFile(file, 'utf8')) as {
      containers: Record<string, { id: string }[]>;
    };
    const idsOf = (container: string) =>
      new Set((contents.containers[container] ?? []).map((document) => document.id));
    const activity = idsOf('activity');
    const prompts = idsOf('prompts');
    const feedback = idsOf('feedback');
    const missing = [
      ...[...acknowledged.events.keys()]
        .filter((id) => !activity.has(ingestedEventId(id)))
        .map((id) => `usage event ${id}`),
      ...acknowledged.prompts.filter((id) => !prompts.has(id)).map((id) => `prompt ${id}`),
      ...acknowledged.flags.filter((id) => !feedback.has(id)).map((id) => `flag ${id}`),
    ];
    lostAfterRestart = missing.length;
    expect(missing).toEqual([]);
  });

  it('should keep the rollups equal to a recompute after a restart from the data file', async () => {
    await app.close();
    const reopened = await openStorage(localStoreSettings, {
      dataDir: app.dataDir,
      logger: quietStorageLogger,
    });
    try {
      recomputedAfterRestart = await new RollupRecompute(reopened).run([demoTenantId], {
        now: new Date(weekStart(week).getTime() + 3 * 86_400_000),
        weeks: 1,
        repair: false,
      });
    } finally {
      await reopened.close();
    }
    expect(recomputedAfterRestart.differences).toEqual([]);
    // A person counted but not marked would be counted again by their next event.
    expect(recomputedAfterRestart.missingMarkers).toBe(0);
  });
});
