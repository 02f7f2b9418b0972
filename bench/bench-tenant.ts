// A synthetic tenant for the adoption benchmarks, written through the real repositories: settings,
// departments, one job family, N people spread over the departments, and the roster headcounts.
import { type Config, loadConfig } from '../src/config.js';
import type { Person } from '../src/contracts/people.js';
import { RosterCounts } from '../src/services/roster-counts.js';
import type { Storage } from '../src/storage/storage.js';

export const benchTenantId = 'bench';
export const benchChampionUpn = 'champion@bench.example';

/** The app as the adoption benchmarks run it: loopback, silent, no demo data, no delivery worker. */
export function benchConfig(dataDir: string): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    LASTMILE_DATA_DIR: dataDir,
    LASTMILE_SEED_DEMO: 'false',
    LASTMILE_DELIVERY_WORKER: 'false',
    // Benchmarks measure what the app can take, not the per-person limits in front of it.
    LASTMILE_RATE_LIMITS: 'off',
  });
}

export interface BenchTenant {
  readonly people: readonly Person[];
  readonly departmentIds: readonly string[];
}

export async function createBenchTenant(
  storage: Storage,
  options: { readonly people: number; readonly departments: number; readonly now: Date },
): Promise<BenchTenant> {
  const at = options.now.toISOString();
  const departmentIds = Array.from(
    { length: options.departments },
    (_, index) => `department-${String(index + 1).padStart(2, '0')}`,
  );
  await storage.program.createDepartments(
    departmentIds.map((id, index) => ({
      id,
      tenantId: benchTenantId,
      type: 'department',
      name: `Department ${String(index + 1)}`,
      createdAt: at,
    })),
  );
  await storage.program.createJobFamilies([
    {
      id: 'staff',
      tenantId: benchTenantId,
      type: 'jobFamily',
      name: 'Staff',
      description: 'Everyone',
      createdAt: at,
    },
  ]);
  const people: Person[] = Array.from({ length: options.people }, (_, index) => ({
    id: `bench-person-${String(index)}`,
    tenantId: benchTenantId,
    type: 'person',
    upn: index === 0 ? benchChampionUpn : `person-${String(index)}@bench.example`,
    displayName: `Person ${String(index)}`,
    departmentId: departmentIds[index % departmentIds.length] ?? 'department-01',
    jobFamilyId: 'staff',
    role: index === 0 ? 'champion' : 'member',
    // One in twenty has no licence yet: on the roster, not eligible.
    eligible: index % 20 !== 19,
    createdAt: at,
    updatedAt: at,
  }));
  for (let start = 0; start < people.length; start += 5_000) {
    await storage.people.createMany(people.slice(start, start + 5_000));
  }
  await storage.program.createSettings({
    id: 'settings',
    tenantId: benchTenantId,
    type: 'settings',
    organisationName: 'Benchmark Ltd',
    programStart: new Date(options.now.getTime() - 30 * 7 * 86_400_000).toISOString().slice(0, 10),
    wauTargetPct: 70,
    minGroupSize: 5,
    createdAt: at,
    updatedAt: at,
  });
  await new RosterCounts(storage, () => options.now).refresh(benchTenantId);
  return { people, departmentIds };
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1),
  );
}
