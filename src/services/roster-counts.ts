import type { DepartmentRoster } from '../contracts/adoption.js';
import type { Person } from '../contracts/people.js';
import type { Department } from '../contracts/program.js';

export interface RosterCountPorts {
  readonly program: { listDepartments(tenantId: string): Promise<Department[]> };
  readonly people: {
    countDepartment(
      tenantId: string,
      departmentId: string,
    ): Promise<{ people: number; eligible: number }>;
    listLeads(tenantId: string, departmentId: string): Promise<Person[]>;
  };
  readonly activity: {
    saveDepartmentRosters(rosters: readonly DepartmentRoster[]): Promise<void>;
    listDepartmentRosters(tenantId: string, partitionKey: string): Promise<DepartmentRoster[]>;
  };
}

/** The partition of a tenant's roster headcounts in the `rollups` container. */
export function rosterPartitionKey(tenantId: string): string {
  return `${tenantId}:roster`;
}

/**
 * The eligible headcount and the leads of each department, counted when the roster changes (an
 * import, a team sync, the demo seed) and stored beside the weekly rollups, so a scoreboard read
 * never reads people.
 */
export class RosterCounts {
  constructor(
    private readonly ports: RosterCountPorts,
    private readonly now: () => Date,
  ) {}

  async refresh(tenantId: string): Promise<DepartmentRoster[]> {
    const departments = await this.ports.program.listDepartments(tenantId);
    const updatedAt = this.now().toISOString();
    const pk = rosterPartitionKey(tenantId);
    const rosters = await Promise.all(
      departments.map(async (department): Promise<DepartmentRoster> => {
        const [counts, leads] = await Promise.all([
          this.ports.people.countDepartment(tenantId, department.id),
          this.ports.people.listLeads(tenantId, department.id),
        ]);
        return {
          id: `roster:${department.id}`,
          tenantId,
          pk,
          type: 'departmentRoster',
          departmentId: department.id,
          ...counts,
          leads: leads.map((lead) => ({ id: lead.id, name: lead.displayName })),
          updatedAt,
        };
      }),
    );
    await this.ports.activity.saveDepartmentRosters(rosters);
    return rosters;
  }

  async list(tenantId: string): Promise<DepartmentRoster[]> {
    return this.ports.activity.listDepartmentRosters(tenantId, rosterPartitionKey(tenantId));
  }
}
