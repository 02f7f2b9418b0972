import type { IsoWeek } from '../contracts/activity.js';
import type { RetentionRun, RetentionStatus } from '../contracts/data-rights.js';
import { retentionKeepFromWeek } from '../domain/data-retention.js';
import { AppError } from '../domain/errors.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Caller } from './caller.js';
import { PeriodicRun, type PeriodicSchedulerOptions, sumOverTenants } from './periodic-run.js';

export interface RetentionPorts {
  readonly tenants: { listTenantIds(): Promise<string[]> };
  readonly events: {
    retentionWatermark(tenantId: string): Promise<IsoWeek | undefined>;
    raiseRetentionWatermark(tenantId: string, week: IsoWeek, at: Date): Promise<void>;
    purgeRawEvents(tenantId: string, before: IsoWeek): Promise<number>;
  };
}

export interface RetentionOptions extends PeriodicSchedulerOptions {
  /** Raw usage events are kept this many days (whole ISO weeks, rounded to keep more). */
  readonly retentionDays: number;
}

/**
 * Removes raw usage events of weeks older than the retention, in every tenant, and keeps the
 * department rollups and weekly markers: the scoreboard reads only those, so its figures stay.
 * Before removing anything it raises the tenant's watermark, which tells the recompute that the
 * weeks before it no longer hold all their events. Every instance may run it: deletes of
 * documents already gone are no-ops.
 */
export class RawEventRetention {
  private readonly loop: PeriodicRun<RetentionRun & { readonly enqueued: number }>;

  constructor(
    private readonly ports: RetentionPorts,
    private readonly options: RetentionOptions,
  ) {
    this.loop = new PeriodicRun(
      async () => {
        const run = await this.runOnce();
        return { ...run, enqueued: run.deleted };
      },
      {
        intervalMs: options.intervalMs,
        logger: options.logger,
        enqueuedMessage: 'raw usage events removed by retention',
        failedMessage: 'the raw event retention run failed',
      },
    );
  }

  /** One run over every tenant with a program. */
  async runOnce(): Promise<RetentionRun> {
    const now = this.options.now();
    const keepFromWeek = retentionKeepFromWeek(now, this.options.retentionDays);
    const tenantIds = await this.ports.tenants.listTenantIds();
    const sums = await sumOverTenants(tenantIds, { deleted: 0 }, async (tenantId) => ({
      deleted: await this.purge(tenantId, keepFromWeek, now),
    }));
    return { retentionDays: this.options.retentionDays, keepFromWeek, ...sums };
  }

  /** `POST /api/data-rights/retention-runs`: the caller's tenant now, rather than at the next run. */
  async runFor(caller: Caller): Promise<RetentionRun> {
    const tenantId = adminTenantOf(caller);
    const now = this.options.now();
    const keepFromWeek = retentionKeepFromWeek(now, this.options.retentionDays);
    const deleted = await this.purge(tenantId, keepFromWeek, now);
    return { retentionDays: this.options.retentionDays, keepFromWeek, tenants: 1, deleted };
  }

  async statusFor(caller: Caller): Promise<RetentionStatus> {
    const tenantId = adminTenantOf(caller);
    const purgedBefore = await this.ports.events.retentionWatermark(tenantId);
    return {
      retentionDays: this.options.retentionDays,
      keepFromWeek: retentionKeepFromWeek(this.options.now(), this.options.retentionDays),
      ...(purgedBefore === undefined ? {} : { purgedBefore }),
    };
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  private async purge(tenantId: string, keepFromWeek: IsoWeek, now: Date): Promise<number> {
    await this.ports.events.raiseRetentionWatermark(tenantId, keepFromWeek, now);
    return this.ports.events.purgeRawEvents(tenantId, keepFromWeek);
  }
}

function adminTenantOf(caller: Caller): string {
  if (!hasAnyRole(caller.identity.roles, ['admin'])) {
    throw new AppError('forbidden', 'Data retention is for admins');
  }
  return caller.identity.tenantId;
}
