import { randomUUID } from 'node:crypto';
import type { IsoWeek } from '../contracts/activity.js';
import type { AuditEntry, AuditPage } from '../contracts/audit.js';
import type { Role } from '../contracts/identity.js';
import { AppError } from '../domain/errors.js';
import { isoWeekOf, weekPartitionKey, weeksEndingWith } from '../domain/iso-week.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Caller } from './caller.js';

export interface AuditPorts {
  readonly audit: {
    record(entry: AuditEntry): Promise<void>;
    listWeeks(tenantId: string, weeks: readonly IsoWeek[]): Promise<AuditEntry[]>;
  };
}

/** What the API layer knows about a change once it has succeeded. */
export interface AuditedChange {
  readonly caller: Caller;
  readonly via: AuditEntry['via'];
  readonly action: string;
  readonly targetId?: string | undefined;
  readonly status: number;
}

/** Whose changes are audited: the people who steer the program, and the keys that feed it. */
const auditedRoles: readonly Role[] = ['admin', 'champion'];

/** The audit trail of admins' and champions' changes; admins read it. */
export class AuditService {
  constructor(
    private readonly ports: AuditPorts,
    private readonly now: () => Date,
  ) {}

  /** Whether a change by this caller belongs in the trail. */
  audits(caller: Caller, via: AuditEntry['via']): boolean {
    return via === 'apiKey' || hasAnyRole(caller.identity.roles, auditedRoles);
  }

  async record(change: AuditedChange): Promise<void> {
    const { identity } = change.caller;
    const at = this.now();
    const week = isoWeekOf(at);
    await this.ports.audit.record({
      id: `audit:${at.toISOString()}:${randomUUID()}`,
      tenantId: identity.tenantId,
      pk: weekPartitionKey(identity.tenantId, week),
      type: 'auditEntry',
      week,
      at: at.toISOString(),
      actorId: identity.userId,
      ...(identity.displayName === undefined
        ? {}
        : { actorName: identity.displayName.slice(0, 200) }),
      actorRoles: [...identity.roles],
      via: change.via,
      action: change.action.slice(0, 200),
      ...(change.targetId === undefined ? {} : { targetId: change.targetId.slice(0, 300) }),
      status: change.status,
    });
  }

  /** The last `weeks` weeks of the caller's tenant, newest first. Admins only. */
  async list(caller: Caller, weeks: number): Promise<AuditPage> {
    if (!hasAnyRole(caller.identity.roles, ['admin'])) {
      throw new AppError('forbidden', 'The audit log is for admins');
    }
    const span = weeksEndingWith(isoWeekOf(this.now()), weeks);
    const entries = await this.ports.audit.listWeeks(caller.identity.tenantId, span);
    return {
      weeks: span,
      entries: entries.map(({ pk: _pk, type: _type, tenantId: _tenantId, ...view }) => view),
    };
  }
}
