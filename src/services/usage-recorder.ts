import type { Person } from '../contracts/people.js';
import { unassignedDepartmentId } from '../contracts/activity.js';
import type { UsageIngest } from './usage-ingest.js';

export interface UsagePorts {
  readonly people: {
    findById(tenantId: string, id: string): Promise<{ value: Person } | undefined>;
  };
  readonly ingest: Pick<UsageIngest, 'record'>;
}

export interface UsageInput {
  readonly tenantId: string;
  readonly userId: string;
  readonly departmentId?: string | undefined;
  readonly source: 'prompt-insert' | 'prompt-copy';
  /** The source's own id for the event (a Teams activity id, ...). */
  readonly sourceEventId: string;
  readonly occurredAt: Date;
  readonly promptId?: string | undefined;
}

/**
 * Usage the app sees itself (a prompt inserted or copied) joins the one usage stream. The person's
 * department and eligibility come from the roster; someone not on it is recorded but not counted
 * against any department's eligible users.
 */
export class UsageRecorder {
  constructor(private readonly ports: UsagePorts) {}

  async record(input: UsageInput, _now: Date): Promise<{ recorded: boolean }> {
    const person = (await this.ports.people.findById(input.tenantId, input.userId))?.value ?? {
      id: input.userId,
      departmentId: input.departmentId ?? unassignedDepartmentId,
      eligible: false,
    };
    const [created] = await this.ports.ingest.record([
      {
        tenantId: input.tenantId,
        eventId: `usage:${input.source}:${input.sourceEventId}`.slice(0, 250),
        person,
        source: input.source,
        occurredAt: input.occurredAt,
        promptId: input.promptId,
      },
    ]);
    return { recorded: created === true };
  }
}
