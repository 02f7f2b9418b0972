import { PeriodicRun, type PeriodicSchedulerOptions, sumOverTenants } from './periodic-run.js';
import type { PulseRun, PulseService } from './pulse-service.js';

export interface PulseSchedulerPorts {
  readonly tenants: { listTenantIds(): Promise<string[]> };
  /** Pulses go out once a program has a start date: before that there is nothing to measure. */
  readonly program: { programStart(tenantId: string): Promise<string | undefined> };
  readonly pulse: Pick<PulseService, 'enqueueWeekly'>;
}

export interface PulseSchedulerRun extends PulseRun {
  readonly tenants: number;
}

/**
 * Puts each set-up learner's weekly pulse on the delivery queue, due on their lesson day. Every
 * instance may run it: delivery ids are deterministic (`pulse:<userId>:<week>`), so the queue
 * holds one pulse per person and week however many runs see it.
 */
export class PulseScheduler {
  private readonly loop: PeriodicRun<PulseSchedulerRun>;

  constructor(
    private readonly ports: PulseSchedulerPorts,
    private readonly options: PeriodicSchedulerOptions,
  ) {
    this.loop = new PeriodicRun(() => this.runOnce(), {
      intervalMs: options.intervalMs,
      logger: options.logger,
      enqueuedMessage: 'weekly pulses enqueued',
      failedMessage: 'the pulse scheduler run failed',
    });
  }

  async runOnce(): Promise<PulseSchedulerRun> {
    const now = this.options.now();
    const zero: PulseRun = {
      learners: 0,
      enqueued: 0,
      alreadyQueued: 0,
      alreadyAnswered: 0,
      nothingToAsk: 0,
    };
    return sumOverTenants(await this.ports.tenants.listTenantIds(), zero, async (tenantId) => {
      if ((await this.ports.program.programStart(tenantId)) === undefined) return undefined;
      return this.ports.pulse.enqueueWeekly(tenantId, now);
    });
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}
