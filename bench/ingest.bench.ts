// Sustained usage ingest through `POST /api/usage-events` into the embedded store, with a tenth of
// the batches replayed at the same time, then a recompute of the rollups from the raw events.
// Prints {"bench":"ingest","events","eventsPerS","lost","doubleCounted",...}.
import { rm } from 'node:fs/promises';
import { pino } from 'pino';
import { addWeeks, isoWeekOf, weekStart } from '../src/domain/iso-week.js';
import { startLastmile } from '../src/main.js';
import { RollupRecompute } from '../src/services/rollup-recompute.js';
import { openStorage } from '../src/storage/storage.js';
import { makeDataDir } from '../tests/support/app.js';
import { benchChampionUpn, benchConfig, benchTenantId, createBenchTenant } from './bench-tenant.js';

const peopleCount = 20_000;
const weekCount = 13;
const targetEvents = 100_000;
const batchSize = 1_000;
const concurrency = 4;
const replayShare = 0.1;
const deadlineMs = 10 * 60_000;

const now = new Date();
const dataDir = await makeDataDir();
const config = benchConfig(dataDir);
const storage = await openStorage(config.cosmos, { dataDir, logger: pino({ level: 'silent' }) });
const tenant = await createBenchTenant(storage, { people: peopleCount, departments: 10, now });
const app = await startLastmile(config, { storage });

// Events: people active in some weeks, once or twice each; what the rollups must then say.
const weeks = Array.from({ length: weekCount }, (_, index) =>
  addWeeks(isoWeekOf(now), index - weekCount + 1),
);
const events: { id: string; userId: string; occurredAt: string; source: string }[] = [];
const expected = new Map<string, Set<string>>();
let seed = 7;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
for (let round = 0; events.length < targetEvents; round += 1) {
  const person = tenant.people[round % tenant.people.length];
  const week = weeks[Math.floor(random() * weeks.length)];
  if (person === undefined || week === undefined) break;
  const at = Math.min(
    now.getTime() - 60_000,
    weekStart(week).getTime() + Math.floor(random() * 5 * 86_400_000),
  );
  events.push({
    id: `bench-${String(round)}`,
    userId: person.id,
    occurredAt: new Date(at).toISOString(),
    source: random() < 0.5 ? 'copilot' : 'api',
  });
  if (person.eligible) {
    const key = `${isoWeekOf(new Date(at))}|${person.departmentId}`;
    const active = expected.get(key) ?? new Set<string>();
    active.add(person.id);
    expected.set(key, active);
  }
}

const batches: (typeof events)[] = [];
for (let start = 0; start < events.length; start += batchSize) {
  batches.push(events.slice(start, start + batchSize));
}
const replays = batches.filter((_, index) => index % Math.round(1 / replayShare) === 3);
const work = [...batches, ...replays];
let accepted = 0;
let duplicates = 0;
let rejected = 0;
let failedRequests = 0;
let next = 0;
const started = performance.now();
async function sender(): Promise<void> {
  while (next < work.length && performance.now() - started < deadlineMs) {
    const batch = work[next];
    next += 1;
    if (batch === undefined) continue;
    const response = await fetch(`${app.url}/api/usage-events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-dev-tenant': benchTenantId,
        'x-dev-user': benchChampionUpn,
      },
      body: JSON.stringify({ events: batch }),
    });
    if (response.status !== 202) {
      failedRequests += 1;
      continue;
    }
    const result = (await response.json()) as {
      accepted: number;
      duplicates: number;
      rejected: unknown[];
    };
    accepted += result.accepted;
    duplicates += result.duplicates;
    rejected += result.rejected.length;
  }
}
await Promise.all(Array.from({ length: concurrency }, sender));
const durationS = (performance.now() - started) / 1000;

// Each department-week on the scoreboard must hold exactly the people the events name.
const board = (await (
  await fetch(`${app.url}/api/scoreboard?weeks=${String(weekCount)}`, {
    headers: { 'x-dev-tenant': benchTenantId, 'x-dev-user': benchChampionUpn },
  })
).json()) as {
  weeks: string[];
  departments: { id: string; active?: number[] }[];
};
let doubleCounted = 0;
let undercounted = 0;
for (const department of board.departments) {
  board.weeks.forEach((week, index) => {
    const want = expected.get(`${week}|${department.id}`)?.size ?? 0;
    const have = department.active?.[index] ?? 0;
    if (have > want) doubleCounted += have - want;
    if (have < want) undercounted += want - have;
  });
}
await app.close();
const recomputeStarted = performance.now();
const report = await new RollupRecompute(storage).run([benchTenantId], {
  now,
  weeks: weekCount,
  repair: false,
});
const recomputeS = (performance.now() - recomputeStarted) / 1000;
await storage.close();
await rm(dataDir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify({
    bench: 'ingest',
    events: events.length,
    eventsPerS: Math.round(events.length / durationS),
    lost: events.length - report.events + undercounted,
    doubleCounted,
    replayedEvents: replays.length * batchSize,
    accepted,
    duplicates,
    rejected,
    failedRequests,
    durationS: Number(durationS.toFixed(1)),
    recomputeDifferences: report.differences.length,
    recomputeS: Number(recomputeS.toFixed(1)),
    people: peopleCount,
    weeks: weekCount,
  })}\n`,
);
process.exit(report.events === events.length && doubleCounted === 0 && undercounted === 0 ? 0 : 1);
