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

interface SchedulerLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/**
 * Puts each set-up learner's weekly pulse on the delivery queue, due on their lesson day. Every
 * instance may run it: delivery ids are deterministic (`pulse:<userId>:<week>`), so the queue
 * holds one pulse per person and week however many runs see it.
 */
export class PulseScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly ports: PulseSchedulerPorts,
    private readonly options: {
      readonly now: () => Date;
      readonly intervalMs: number;
      readonly logger?: SchedulerLogger | undefined;
    },
  ) {}

  async runOnce(): Promise<PulseSchedulerRun> {
    const now = this.options.now();
    const totals = {
      tenants: 0,
      learners: 0,
      enqueued: 0,
      alreadyQueued: 0,
      alreadyAnswered: 0,
      nothingToAsk: 0,
    };
    for (const tenantId of await this.ports.tenants.listTenantIds()) {
      if ((await this.ports.program.programStart(tenantId)) === undefined) continue;
      const run = await this.ports.pulse.enqueueWeekly(tenantId, now);
      totals.tenants += 1;
      totals.learners += run.learners;
      totals.enqueued += run.enqueued;
      totals.alreadyQueued += run.alreadyQueued;
      totals.alreadyAnswered += run.alreadyAnswered;
      totals.nothingToAsk += run.nothingToAsk;
    }
    return totals;
  }

  start(): void {
    if (this.timer !== undefined) return;
    const tick = (): void => {
      this.running = this.runOnce()
        .then((run) => {
          if (run.enqueued > 0) this.options.logger?.info({ ...run }, 'weekly pulses enqueued');
        })
        .catch((error: unknown) => {
          this.options.logger?.error({ err: error }, 'the pulse scheduler run failed');
        });
    };
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
