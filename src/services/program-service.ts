import type { PeoplePage, PeopleQuery, Person } from '../contracts/people.js';
import type {
  Department,
  JobFamily,
  ProgramOverview,
  ProgramSettings,
} from '../contracts/program.js';

export interface ProgramPorts {
  readonly program: {
    getSettings(tenantId: string): Promise<{ value: ProgramSettings } | undefined>;
    listDepartments(tenantId: string): Promise<Department[]>;
    listJobFamilies(tenantId: string): Promise<JobFamily[]>;
  };
  readonly people: {
    count(tenantId: string): Promise<number>;
    search(
      tenantId: string,
      query: { text?: string | undefined; limit: number; continuationToken?: string | undefined },
    ): Promise<{ items: { value: Person }[]; continuationToken?: string }>;
  };
}

/** Read side of a tenant's program set-up and roster. */
export class ProgramService {
  constructor(private readonly ports: ProgramPorts) {}

  async overview(tenantId: string): Promise<ProgramOverview> {
    const [settings, departments, jobFamilies, headcount] = await Promise.all([
      this.ports.program.getSettings(tenantId),
      this.ports.program.listDepartments(tenantId),
      this.ports.program.listJobFamilies(tenantId),
      this.ports.people.count(tenantId),
    ]);
    const overview: ProgramOverview = {
      departments: departments.map(({ id, name }) => ({ id, name })),
      jobFamilies: jobFamilies.map(({ id, name, description }) => ({ id, name, description })),
      headcount,
    };
    if (settings === undefined) return overview;
    const { tenantId: _tenant, type: _type, ...publicSettings } = settings.value;
    return { ...overview, settings: publicSettings };
  }

  async searchRoster(tenantId: string, query: PeopleQuery): Promise<PeoplePage> {
    const page = await this.ports.people.search(tenantId, {
      text: query.q,
      limit: query.limit,
      continuationToken: query.continuationToken,
    });
    const items = page.items.map(({ value }) => ({
      id: value.id,
      upn: value.upn,
      displayName: value.displayName,
      departmentId: value.departmentId,
      jobFamilyId: value.jobFamilyId,
      role: value.role,
    }));
    return page.continuationToken === undefined
      ? { items }
      : { items, continuationToken: page.continuationToken };
  }
}
