import type { Person } from '../contracts/people.js';
import type { Department, JobFamily, ProgramSettings } from '../contracts/program.js';
import { buildDemoTenant, demoTenantId } from '../domain/demo-tenant.js';

export interface DemoSeedPorts {
  readonly people: {
    createMany(people: readonly Person[]): Promise<{ created: number }>;
  };
  readonly program: {
    getSettings(tenantId: string): Promise<unknown>;
    createSettings(settings: ProgramSettings): Promise<unknown>;
    createDepartments(departments: readonly Department[]): Promise<{ created: number }>;
    createJobFamilies(jobFamilies: readonly JobFamily[]): Promise<{ created: number }>;
  };
}

export interface DemoSeedResult {
  readonly seeded: boolean;
  readonly people: number;
}

/**
 * Seeds the demo tenant through the same repositories as real data. The settings document is written
 * last, as the mark of a complete seed; a seed interrupted before it is finished on the next start
 * (existing ids are skipped), and a seeded tenant is left alone.
 */
export async function seedDemoTenant(ports: DemoSeedPorts, now: Date): Promise<DemoSeedResult> {
  if ((await ports.program.getSettings(demoTenantId)) !== undefined) {
    return { seeded: false, people: 0 };
  }
  const tenant = buildDemoTenant(now);
  await ports.program.createDepartments(tenant.departments);
  await ports.program.createJobFamilies(tenant.jobFamilies);
  const { created } = await ports.people.createMany(tenant.people);
  await ports.program.createSettings(tenant.settings);
  return { seeded: true, people: created };
}
