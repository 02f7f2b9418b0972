// Storage throughput on the embedded Cosmos server through the real repositories:
// bulk creates, point reads, ETag replaces, tenant-scoped queries, and a flush of the local data file.
import { rm } from 'node:fs/promises';
import { buildDemoTenant } from '../src/domain/demo-tenant.js';
import { openStorage } from '../src/storage/storage.js';
import { makeDataDir } from '../tests/support/app.js';

const quiet = { info: () => undefined, error: () => undefined };

function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2),
  );
}

const dataDir = await makeDataDir();
const storage = await openStorage(
  {
    endpoint: undefined,
    key: undefined,
    databaseId: 'lastmile',
    endpointDiscovery: false,
    managedIdentityClientId: undefined,
  },
  { dataDir, logger: quiet },
);
try {
  const people = buildDemoTenant(new Date()).people.map((person) => ({
    ...person,
    tenantId: 'bench',
  }));

  let started = performance.now();
  await storage.people.createMany(people);
  const bulkMs = performance.now() - started;

  const readLatencies: number[] = [];
  started = performance.now();
  for (let round = 0; round < 3; round += 1) {
    for (const person of people) {
      const one = performance.now();
      await storage.people.findById('bench', person.id);
      readLatencies.push(performance.now() - one);
    }
  }
  const readMs = performance.now() - started;

  started = performance.now();
  const replaces = 300;
  for (let index = 0; index < replaces; index += 1) {
    const person = people[index];
    if (person === undefined) break;
    const current = await storage.people.findById('bench', person.id);
    if (current !== undefined)
      await storage.people.replace(
        { ...current.value, eligible: !current.value.eligible },
        current.etag,
      );
  }
  const replaceMs = performance.now() - started;

  const searchLatencies: number[] = [];
  for (const text of [
    'ada',
    'patel',
    'person-1',
    'zz',
    'mia',
    'chen',
    'person-80',
    'garcia',
    'lin',
    'o',
  ]) {
    const one = performance.now();
    await storage.people.search('bench', { text, limit: 20 });
    searchLatencies.push(performance.now() - one);
  }

  // A write just before the flush makes it save the data file (people container dirty) now.
  const last = await storage.people.findById('bench', people[0]?.id ?? '');
  if (last !== undefined) await storage.people.replace(last.value, last.etag);
  started = performance.now();
  await storage.flush();
  const flushMs = performance.now() - started;

  process.stdout.write(
    `${JSON.stringify({
      bench: 'storage',
      documents: people.length,
      bulkCreatePerSecond: perSecond(people.length, bulkMs),
      pointReadPerSecond: perSecond(readLatencies.length, readMs),
      pointReadP95Ms: percentile(readLatencies, 95),
      replaceWithEtagPerSecond: perSecond(replaces * 2, replaceMs),
      rosterSearchP95Ms: percentile(searchLatencies, 95),
      flushDataFileMs: Number(flushMs.toFixed(1)),
    })}\n`,
  );
} finally {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
}
