import type { Container } from '@azure/cosmos';
import {
  type Department,
  departmentSchema,
  type JobFamily,
  jobFamilySchema,
  type ProgramSettings,
  programSettingsSchema,
} from '../contracts/program.js';
import { z } from 'zod';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository, type Versioned } from './repository.js';
import { type RetryPolicy, withThrottleRetry } from './throttle-retry.js';

const listLimit = 1000;

/** Marks a one-off set-up step (such as a demo seed) as done for a tenant. */
const seedMarkerSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  type: z.literal('seedMarker'),
  doneAt: z.iso.datetime(),
});
type SeedMarker = z.infer<typeof seedMarkerSchema>;

/** A tenant's program set-up: settings, departments and job families, in the `program` container. */
export class ProgramRepository {
  private readonly departments: CosmosRepository<Department>;
  private readonly jobFamilies: CosmosRepository<JobFamily>;
  private readonly settings: CosmosRepository<ProgramSettings>;
  private readonly markers: CosmosRepository<SeedMarker>;
  private readonly container: Container;

  constructor(container: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    this.container = container;
    const common = {
      name: 'program',
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    this.departments = new CosmosRepository(container, {
      ...common,
      type: 'department',
      schema: departmentSchema,
      partitionKeyOf: (document) => document.tenantId,
    });
    this.jobFamilies = new CosmosRepository(container, {
      ...common,
      type: 'jobFamily',
      schema: jobFamilySchema,
      partitionKeyOf: (document) => document.tenantId,
    });
    this.markers = new CosmosRepository(container, {
      ...common,
      type: 'seedMarker',
      schema: seedMarkerSchema,
      partitionKeyOf: (document) => document.tenantId,
    });
    this.settings = new CosmosRepository(container, {
      ...common,
      type: 'settings',
      schema: programSettingsSchema,
      partitionKeyOf: (document) => document.tenantId,
    });
  }

  /**
   * The tenants that have a program: the one cross-tenant read, for background work (the weekly
   * lesson scheduler) that serves every tenant. It returns ids only, never a tenant's data.
   */
  async listTenantIds(): Promise<string[]> {
    const iterator = this.container.items.query<string>(
      "SELECT VALUE c.tenantId FROM c WHERE c.type = 'settings' AND c.id = 'settings'",
    );
    const { resources } = await withThrottleRetry(() => iterator.fetchAll());
    return [...new Set(resources.filter((id) => typeof id === 'string'))].sort();
  }

  async hasMarker(tenantId: string, name: string): Promise<boolean> {
    return (await this.markers.find({ tenantId }, `seed:${name}`)) !== undefined;
  }

  async setMarker(tenantId: string, name: string, at: Date): Promise<void> {
    await this.markers.upsert({
      id: `seed:${name}`,
      tenantId,
      type: 'seedMarker',
      doneAt: at.toISOString(),
    });
  }

  async getSettings(tenantId: string): Promise<Versioned<ProgramSettings> | undefined> {
    return this.settings.find({ tenantId }, 'settings');
  }

  async createSettings(settings: ProgramSettings): Promise<Versioned<ProgramSettings>> {
    return this.settings.create(settings);
  }

  async replaceSettings(
    settings: ProgramSettings,
    etag: string,
  ): Promise<Versioned<ProgramSettings>> {
    return this.settings.replace(settings, etag);
  }

  async departmentExists(tenantId: string, departmentId: string): Promise<boolean> {
    return (await this.departments.find({ tenantId }, departmentId)) !== undefined;
  }

  async listDepartments(tenantId: string): Promise<Department[]> {
    const found = await this.departments.queryAll({ tenantId }, { orderBy: 'c.name' }, listLimit);
    return found.map((item) => item.value);
  }

  async listJobFamilies(tenantId: string): Promise<JobFamily[]> {
    const found = await this.jobFamilies.queryAll({ tenantId }, { orderBy: 'c.name' }, listLimit);
    return found.map((item) => item.value);
  }

  async createDepartments(departments: readonly Department[]): Promise<{ created: number }> {
    return this.departments.createMany(departments);
  }

  async createJobFamilies(jobFamilies: readonly JobFamily[]): Promise<{ created: number }> {
    return this.jobFamilies.createMany(jobFamilies);
  }
}
