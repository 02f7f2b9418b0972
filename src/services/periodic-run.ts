export interface PeriodicRunLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** How a scheduler built on `PeriodicRun` is set up. */
export interface PeriodicSchedulerOptions {
  readonly now: () => Date;
  readonly intervalMs: number;
  readonly logger?: PeriodicRunLogger | undefined;
}

/** A scheduler run's counts: every field is a number that adds up across tenants. */
type Counts<T> = { readonly [K in keyof T]: number };

/**
 * Runs `run` now and then every `intervalMs`, one run's result at a time, logging runs that
 * enqueued something and runs that failed. The timer is unref'd so it never holds the process open;
 * `stop` waits for the run in flight, so a shutdown does not cut a run short.
 */
export class PeriodicRun<TRun extends { readonly enqueued: number }> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly run: () => Promise<TRun>,
    private readonly options: {
      readonly intervalMs: number;
      readonly logger?: PeriodicRunLogger | undefined;
      readonly enqueuedMessage: string;
      readonly failedMessage: string;
    },
  ) {}

  start(): void {
    if (this.timer !== undefined) return;
    const { logger, enqueuedMessage, failedMessage } = this.options;
    const tick = (): void => {
      this.running = this.run()
        .then((run) => {
          if (run.enqueued > 0) logger?.info({ ...run }, enqueuedMessage);
        })
        .catch((error: unknown) => {
          logger?.error({ err: error }, failedMessage);
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

/**
 * Runs `runTenant` for each tenant in turn and adds up the counts named in `zero`. A tenant whose
 * run returns `undefined` was skipped and is not counted in `tenants`.
 */
export async function sumOverTenants<T extends Counts<T>>(
  tenantIds: readonly string[],
  zero: T,
  runTenant: (tenantId: string) => Promise<T | undefined>,
): Promise<T & { readonly tenants: number }> {
  const keys = Object.keys(zero) as (keyof T)[];
  const sums = { ...zero } as Record<keyof T, number>;
  let tenants = 0;
  for (const tenantId of tenantIds) {
    const run = await runTenant(tenantId);
    if (run === undefined) continue;
    tenants += 1;
    for (const key of keys) sums[key] += run[key];
  }
  return { tenants, ...sums } as T & { readonly tenants: number };
}
