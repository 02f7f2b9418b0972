// The scoreboard at 100,000 people × 26 weeks: `GET /api/scoreboard?weeks=26` p95, the Cosmos DB
// requests and request charge per call (which grow with departments × weeks, not people), and the
// same figures computed by scanning the raw events as the baseline, checked equal.
// Prints {"bench":"scoreboard","people","weeks","p95Ms","requestsPerCall","baselineP95Ms","equal",...}.
import { rm } from 'node:fs/promises';
import { pino } from 'pino';
import type { Scoreboard } from '../src/contracts/adoption.js';
import { addWeeks, isoWeekOf, weekStart } from '../src/domain/iso-week.js';
import { percentage } from '../src/domain/scoreboard-maths.js';
import { startLastmile } from '../src/main.js';
import { type ResolvedUsage, UsageIngest } from '../src/services/usage-ingest.js';
import { openStorage } from '../src/storage/storage.js';
import { makeDataDir } from '../tests/support/app.js';
import { startStoreThread } from './store-thread.js';
import {
  benchChampionUpn,
  benchConfig,
  benchTenantId,
  createBenchTenant,
  percentile,
} from './bench-tenant.js';

const peopleCount = Number(process.env['BENCH_PEOPLE'] ?? 100_000);
const departmentCount = 12;
const weekCount = 26;
const calls = 100;
const baselineCalls = 3;

const now = new Date();
const dataDir = await makeDataDir();
const config = benchConfig(dataDir);
const store = await startStoreThread();
const storage = await openStorage(config.cosmos, {
  dataDir,
  logger: pino({ level: 'silent' }),
  persist: false,
  embeddedEndpointFor: () => store.endpoint,
});
const setupStarted = performance.now();
const progress = (what: string): void => {
  process.stderr.write(
    `scoreboard bench: ${what} at ${String(Math.round((performance.now() - setupStarted) / 1000))} s\n`,
  );
};
const tenant = await createBenchTenant(storage, {
  people: peopleCount,
  departments: departmentCount,
  now,
});

progress('roster written');
// 26 weeks of use, rising from about 4% to about 12% of people a week, one event per active
// person-week, written through the ingest path (events, weekly markers, rollup increments).
const weeks = Array.from({ length: weekCount }, (_, index) =>
  addWeeks(isoWeekOf(now), index - weekCount + 1),
);
const ingest = new UsageIngest(storage, {
  now: () => now,
  rosterSnapshotMs: 60_000,
  clock: Date.now,
});
let events = 0;
for (const [weekIndex, week] of weeks.entries()) {
  const rate = 0.04 + (0.08 * weekIndex) / (weekCount - 1);
  const monday = weekStart(week).getTime();
  const usages: ResolvedUsage[] = [];
  tenant.people.forEach((person, index) => {
    // A fixed, well-spread pick: the same people each run.
    if (((index * 2_654_435_761 + weekIndex * 40_503) % 1_000_003) / 1_000_003 >= rate) return;
    usages.push({
      tenantId: benchTenantId,
      eventId: `usage:bench:${person.id}:${week}`,
      person,
      source: 'api',
      occurredAt: new Date(Math.min(now.getTime() - 60_000, monday + (index % 5) * 86_400_000)),
    });
  });
  for (let start = 0; start < usages.length; start += 2_000) {
    await ingest.record(usages.slice(start, start + 2_000));
  }
  events += usages.length;
  progress(`week ${String(weekIndex + 1)} of ${String(weekCount)} written`);
}
const setupS = (performance.now() - setupStarted) / 1000;

const app = await startLastmile(config, { storage });
progress('app started');
const headers = { 'x-dev-tenant': benchTenantId, 'x-dev-user': benchChampionUpn };
async function fetchBoard(weekSpan: number): Promise<Scoreboard> {
  const response = await fetch(`${app.url}/api/scoreboard?weeks=${String(weekSpan)}`, { headers });
  if (response.status !== 200) throw new Error(`scoreboard answered ${String(response.status)}`);
  return (await response.json()) as Scoreboard;
}

await fetchBoard(weekCount);
progress('first scoreboard read');
const latencies: number[] = [];
const meterBefore = { ...storage.meter };
let board: Scoreboard | undefined;
for (let call = 0; call < calls; call += 1) {
  const started = performance.now();
  board = await fetchBoard(weekCount);
  latencies.push(performance.now() - started);
}
const requestsPerCall = (storage.meter.requests - meterBefore.requests) / calls;
const chargePerCall = (storage.meter.requestCharge - meterBefore.requestCharge) / calls;

// The same read at other spans: requests follow the weeks shown.
const requestsByWeeks: Record<string, number> = {};
for (const span of [4, 13, 26]) {
  const before = storage.meter.requests;
  await fetchBoard(span);
  requestsByWeeks[String(span)] = storage.meter.requests - before;
}
await app.close();
progress('scoreboard reads done');

// The baseline: every raw event of the 26 weeks, joined with the roster for eligibility.
const baselineLatencies: number[] = [];
let baseline: Map<string, number[]> | undefined;
for (let call = 0; call < baselineCalls; call += 1) {
  const started = performance.now();
  const roster = new Map(
    (await storage.people.listAll(benchTenantId, peopleCount + 10)).map((person) => [
      person.id,
      person,
    ]),
  );
  const active = new Map<string, number[]>();
  const rows = await storage.activity.scanEvents(benchTenantId, weeks);
  const seen = new Set<string>();
  for (const row of rows) {
    const weekIndex = weeks.indexOf(row.week);
    const person = roster.get(row.userId);
    const key = `${row.week}|${row.userId}`;
    if (person === undefined || !person.eligible || seen.has(key) || weekIndex < 0) continue;
    seen.add(key);
    const series = active.get(person.departmentId) ?? new Array<number>(weekCount).fill(0);
    series[weekIndex] = (series[weekIndex] ?? 0) + 1;
    active.set(person.departmentId, series);
  }
  baselineLatencies.push(performance.now() - started);
  baseline = active;
}
const rosterCounts = await storage.activity.listDepartmentRosters(
  benchTenantId,
  `${benchTenantId}:roster`,
);
const eligible = new Map(rosterCounts.map((roster) => [roster.departmentId, roster.eligible]));
const equal =
  board !== undefined &&
  baseline !== undefined &&
  board.departments.length === departmentCount &&
  board.departments.every((department) => {
    const counted = baseline?.get(department.id) ?? new Array<number>(weekCount).fill(0);
    const total = eligible.get(department.id) ?? 0;
    return (
      JSON.stringify(department.active) === JSON.stringify(counted) &&
      JSON.stringify(department.wauPct) ===
        JSON.stringify(counted.map((count) => percentage(count, total)))
    );
  });

await storage.close();
await store.stop();
await rm(dataDir, { recursive: true, force: true });

process.stdout.write(
  `${JSON.stringify({
    bench: 'scoreboard',
    people: peopleCount,
    weeks: weekCount,
    departments: departmentCount,
    events,
    p95Ms: percentile(latencies, 95),
    p50Ms: percentile(latencies, 50),
    requestsPerCall,
    requestChargePerCall: Number(chargePerCall.toFixed(1)),
    requestsByWeeks,
    baselineP95Ms: percentile(baselineLatencies, 95),
    equal,
    setupS: Number(setupS.toFixed(1)),
  })}\n`,
);
process.exit(equal ? 0 : 1);
