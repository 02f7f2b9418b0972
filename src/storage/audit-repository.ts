import type { Container } from '@azure/cosmos';
import type { IsoWeek } from '../contracts/activity.js';
import { type AuditEntry, auditEntrySchema } from '../contracts/audit.js';
import { weekPartitionKey } from '../domain/iso-week.js';
import type { WriteJournal } from './local-data-file.js';
import { CosmosRepository } from './repository.js';
import type { RetryPolicy } from './throttle-retry.js';

/** A week of a tenant's audit trail is small: admins' and champions' changes, not everyone's. */
const weekLimit = 50_000;

/** The audit trail (`activity`, partition `tenantId:isoWeek`, type `auditEntry`). */
export class AuditRepository {
  private readonly entries: CosmosRepository<AuditEntry>;

  constructor(activity: Container, options: { journal?: WriteJournal; retry?: RetryPolicy }) {
    this.entries = new CosmosRepository(activity, {
      name: 'activity',
      type: 'auditEntry',
      schema: auditEntrySchema,
      partitionKeyOf: (entry) => entry.pk,
      journal: options.journal,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.entries.createIfAbsent(entry);
  }

  /** A tenant's entries of the given weeks, newest first. */
  async listWeeks(tenantId: string, weeks: readonly IsoWeek[]): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (const week of weeks) {
      const partitionKey = weekPartitionKey(tenantId, week);
      const found = await this.entries.queryAll({ tenantId, partitionKey }, {}, weekLimit);
      entries.push(...found.map((entry) => entry.value));
    }
    return entries.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  }
}
