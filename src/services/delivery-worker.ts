import type { Delivery } from '../contracts/deliveries.js';
import {
  classifySendFailure,
  retryDelayMs,
  type SendFailureFacts,
} from '../domain/delivery-policy.js';
import { isAppError } from '../domain/errors.js';
import { ThrottleShare } from '../domain/throttle-share.js';
import { TokenBucket } from '../domain/token-bucket.js';
import type { StoredDelivery } from './delivery-queue.js';

/** Why a send failed, in the terms `classifySendFailure` decides on. */
export class SendFailure extends Error implements SendFailureFacts {
  readonly status: number | undefined;
  /** From the connector's `Retry-After`, when it sent one. */
  readonly retryAfterMs: number | undefined;
  readonly timedOut: boolean;
  readonly networkError: boolean;
  /** No retry can help: nothing to render, or nowhere to send it. */
  readonly permanent: boolean;

  constructor(
    message: string,
    facts: {
      readonly status?: number | undefined;
      readonly retryAfterMs?: number | undefined;
      readonly timedOut?: boolean;
      readonly networkError?: boolean;
      readonly permanent?: boolean;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, facts.cause === undefined ? undefined : { cause: facts.cause });
    this.name = 'SendFailure';
    this.status = facts.status;
    this.retryAfterMs = facts.retryAfterMs;
    this.timedOut = facts.timedOut ?? false;
    this.networkError = facts.networkError ?? false;
    this.permanent = facts.permanent ?? false;
  }
}

export interface SendContext {
  /**
   * Waits for this tenant's rate before a request other than the message itself (creating a 1:1
   * chat): Teams counts every request against the tenant's limit.
   */
  pace(): Promise<void>;
}

/** Sends one delivery; throws `SendFailure` when it did not go. Must give up when `signal` aborts. */
export interface MessageSender {
  send(item: Delivery, signal: AbortSignal, context?: SendContext): Promise<{ activityId: string }>;
}

/** What became of one entry of a bulk replace. */
export type BulkOutcome =
  | { readonly ok: true; readonly stored: StoredDelivery }
  | {
      readonly ok: false;
      readonly kind: 'precondition-failed' | 'not-found' | 'throttled' | 'unavailable';
    };

export interface DeliveryWorkerPorts {
  readonly queue: {
    findClaimable(
      now: Date,
      limit: number,
      options?: { readonly excludeTenants?: readonly string[] },
    ): Promise<readonly StoredDelivery[]>;
    get(tenantId: string, id: string): Promise<StoredDelivery | undefined>;
    /** `precondition-failed` when the ETag no longer matches. */
    replace(item: Delivery, etag: string): Promise<StoredDelivery>;
    /** Many conditional replaces in bulk requests; one outcome per entry, in order. */
    replaceMany(
      entries: readonly { readonly item: Delivery; readonly etag: string }[],
    ): Promise<readonly BulkOutcome[]>;
  };
  readonly heartbeats: {
    beat(instanceId: string, now: Date): Promise<void>;
    countLive(now: Date, withinMs: number): Promise<number>;
    retire(instanceId: string): Promise<void>;
  };
  readonly sender: MessageSender;
}

/** The parts of `DeliverySettings` (src/config.ts) the worker uses. */
export interface DeliveryWorkerSettings {
  readonly ratePerTenant: number;
  readonly ratePerConversation: number;
  readonly maxAttempts: number;
  readonly leaseMs: number;
  readonly sendTimeoutMs: number;
}

export interface DeliveryWorkerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface DeliveryWorkerOptions {
  /** Unique per running process: it owns leases and heartbeats. */
  readonly instanceId: string;
  readonly settings: DeliveryWorkerSettings;
  readonly now: () => Date;
  readonly random: () => number;
  /**
   * Items held claimed at most; more are claimed when half have gone. Default: one second of this
   * instance's share of a tenant's rate, at least 100, so a busy queue costs few claim queries.
   */
  readonly batchSize?: number;
  /** How often an idle worker looks for work (default 1 s). */
  readonly pollIntervalMs?: number;
  /** Sends in flight at once (default 64). */
  readonly maxInFlight?: number;
  /** How often the worker beats and recounts live instances (default 5 s). */
  readonly heartbeatIntervalMs?: number;
  readonly logger?: DeliveryWorkerLogger;
}

export interface DeliveryRunCounts {
  readonly claimed: number;
  readonly sent: number;
  readonly retried: number;
  readonly dead: number;
}

interface Lease {
  readonly item: Delivery;
  readonly etag: string;
  readonly leaseEndMs: number;
}

interface PendingOutcome {
  readonly next: Delivery;
  readonly lease: Lease;
  readonly resolve: (written: boolean) => void;
}

type Outcome =
  | { readonly ok: true; readonly activityId: string }
  | { readonly ok: false; readonly failure: SendFailure };

/** Start a send this early when the tenant's next token is close, so the pipe never runs dry. */
const lookaheadMs = 25;
/** A paused conversation's items wait in memory this long at most; longer pauses go back to the store. */
const releaseAfterPauseMs = 2_000;
/** A retry due within this long stays with the worker that has it, under a renewed lease. */
const keepThrottledMs = 2_000;
/** A tenant's claimed items should last this long at its rate, no longer (leases, fairness). */
const holdSeconds = 2;
const minDefaultBatch = 100;
const maxDefaultBatch = 1_000;
const outcomeWriteAttempts = 5;
/**
 * Outcomes are gathered this long at most before one bulk write. It widens the one duplicate
 * window (a crash after the connector's acknowledgement, before the write) by as much.
 */
const outcomeBatchMs = 10;
const outcomeBatchSize = 100;
/** Above this share of throttled requests (over `throttleWindowMs`) a tenant is over its limit. */
const refundBelowThrottledShare = 0.25;
const throttleWindowMs = 5_000;

const silentLogger: DeliveryWorkerLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function conversationKeyOf(item: Delivery): string {
  return item.recipient.kind === 'person'
    ? `${item.tenantId}/person/${item.recipient.userId}`
    : `${item.tenantId}/conversation/${item.recipient.conversationId}`;
}

function itemKeyOf(item: Delivery): string {
  return `${item.tenantId}/${item.id}`;
}

function asSendFailure(error: unknown): SendFailure {
  if (error instanceof SendFailure) return error;
  // Anything else (the store behind a lookup, a renderer bug) is not the connector's verdict.
  const message = error instanceof Error ? error.message : String(error);
  return new SendFailure(message, { cause: error });
}

/**
 * Sends what the `deliveries` queue holds, sharing it with the workers of other instances.
 *
 * - **Claims**: an item is leased by replacing it with `IfMatch` (state `leased`, `availableAt` =
 *   lease end); an expired lease makes it claimable again, so a crashed instance's items return.
 * - **Exactly once**: before sending, the worker re-reads the item (or renews the lease) and sends
 *   only if its ETag is still the lease's and the lease outlives the send timeout; right after the
 *   connector acknowledges, it writes `sent` with `IfMatch`. The one duplicate window is a crash
 *   (or a store outage outlasting the lease) between that acknowledgement and that write, and a
 *   send that timed out on our side after Teams had accepted it.
 * - **Rates**: per tenant and per conversation token buckets, each at the configured rate divided
 *   by the live instances (heartbeat documents). Every request is paced, throttled ones included,
 *   because Teams counts requests. A conversation that answers 429 pauses until its retry time.
 * - **Failures**: `classifySendFailure` decides; retries back off with full jitter and honour
 *   `Retry-After`; after `maxAttempts` the item is dead with the reason in `lastError`.
 */
export class DeliveryWorker {
  private readonly pollIntervalMs: number;
  private readonly maxInFlight: number;
  private readonly heartbeatIntervalMs: number;
  private readonly safetyMs: number;
  private readonly logger: DeliveryWorkerLogger;

  private readonly backlog: Lease[] = [];
  private readonly heldItems = new Set<string>();
  private readonly heldByTenant = new Map<string, number>();
  private readonly tenantBuckets = new Map<string, TokenBucket>();
  private readonly conversationBuckets = new Map<string, TokenBucket>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();
  private ownRetryTimes: number[] = [];
  private inFlight = 0;
  private liveInstances = 1;
  private nextHeartbeatMs = 0;
  private counts = { claimed: 0, sent: 0, retried: 0, dead: 0 };

  private running = false;
  private accepting = true;
  private loop: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private pumpTimer: NodeJS.Timeout | undefined;
  private pumpTimerAtMs = Number.POSITIVE_INFINITY;
  private wakeLoop: (() => void) | undefined;
  private wakeOnRoom = false;
  private drainWaiters: (() => void)[] = [];
  private readonly outcomeBatch: PendingOutcome[] = [];
  private readonly throttleShares = new Map<string, ThrottleShare>();
  private outcomeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ports: DeliveryWorkerPorts,
    private readonly options: DeliveryWorkerOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 64);
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5_000;
    this.logger = options.logger ?? silentLogger;
    const { leaseMs, sendTimeoutMs } = options.settings;
    this.safetyMs = Math.min(5_000, Math.floor(leaseMs / 4));
    if (leaseMs < sendTimeoutMs + this.safetyMs + lookaheadMs) {
      throw new RangeError(
        `The delivery lease (${String(leaseMs)} ms) must outlast the send timeout ` +
          `(${String(sendTimeoutMs)} ms) with a margin of ${String(this.safetyMs + lookaheadMs)} ms`,
      );
    }
  }

  /** Claims and sends until `stop()`: at once while there is work, every poll interval when idle. */
  start(): void {
    if (this.running || this.stopping !== undefined) return;
    this.running = true;
    this.loop = this.runLoop();
  }

  /**
   * Stops claiming, hands back claimed items not yet being sent (queued again, due now), lets the
   * sends in flight finish and records them, and removes this instance's heartbeat.
   */
  async stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  /** One claim and everything it claimed sent or settled; for tests and one-off runs. */
  async runOnce(): Promise<DeliveryRunCounts> {
    if (this.running) throw new Error('runOnce() is for a worker that has not been started');
    const before = { ...this.counts };
    await this.refreshInstances(true);
    await this.claim();
    this.pump();
    await this.drained();
    return {
      claimed: this.counts.claimed - before.claimed,
      sent: this.counts.sent - before.sent,
      retried: this.counts.retried - before.retried,
      dead: this.counts.dead - before.dead,
    };
  }

  /** Totals since the worker was made. */
  get totals(): DeliveryRunCounts {
    return { ...this.counts };
  }

  private async shutDown(): Promise<void> {
    this.running = false;
    this.accepting = false;
    this.wakeLoop?.();
    await this.loop;
    this.clearPumpTimer();
    const unsent = this.backlog.splice(0);
    const releaseAt = this.nowMs();
    await Promise.all(unsent.map((lease) => this.release(lease, releaseAt)));
    await this.drained();
    try {
      await this.ports.heartbeats.retire(this.options.instanceId);
    } catch (error) {
      this.logger.warn({ err: error }, 'delivery worker: removing the heartbeat failed');
    }
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      let more = false;
      try {
        await this.refreshInstances(false);
        if (this.roomToClaim() > 0) more = await this.claim();
      } catch (error) {
        this.logger.error({ err: error }, 'delivery worker: claiming failed');
      }
      this.pump();
      if (!this.running) break;
      if (more && this.roomToClaim() > 0) continue;
      // A full page means more is waiting: claim again as soon as there is room. Otherwise the
      // queue is drained for now: look again at the poll interval, or when one of our own retries
      // falls due.
      await (more ? this.idle(this.pollIntervalMs, true) : this.idle(this.untilNextLook(), false));
    }
  }

  private get batchSize(): number {
    if (this.options.batchSize !== undefined) return Math.max(1, this.options.batchSize);
    return Math.min(maxDefaultBatch, Math.max(minDefaultBatch, Math.ceil(this.tenantRate())));
  }

  private roomToClaim(): number {
    const room = this.batchSize - this.backlog.length;
    return room >= Math.ceil(this.batchSize / 2) ? room : 0;
  }

  private untilNextLook(): number {
    const now = this.nowMs();
    this.ownRetryTimes = this.ownRetryTimes.filter((at) => at > now);
    const nextRetry = Math.min(...this.ownRetryTimes, Number.POSITIVE_INFINITY);
    return Math.max(0, Math.min(this.pollIntervalMs, nextRetry - now + 1));
  }

  private idle(ms: number, wakeOnRoom: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeLoop = undefined;
        this.wakeOnRoom = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeLoop = done;
      this.wakeOnRoom = wakeOnRoom;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Instances and rates

  private async refreshInstances(force: boolean): Promise<void> {
    const now = this.options.now();
    if (!force && now.getTime() < this.nextHeartbeatMs) return;
    this.nextHeartbeatMs = now.getTime() + this.heartbeatIntervalMs;
    try {
      await this.ports.heartbeats.beat(this.options.instanceId, now);
      const live = await this.ports.heartbeats.countLive(now, this.heartbeatIntervalMs * 3);
      this.setLiveInstances(Math.max(1, live));
    } catch (error) {
      // Keep the last known share: a store hiccup should not double every instance's rate.
      this.logger.warn({ err: error }, 'delivery worker: heartbeat failed');
    }
    this.forgetIdleBuckets(now.getTime());
  }

  private setLiveInstances(live: number): void {
    if (live === this.liveInstances) return;
    this.liveInstances = live;
    const now = this.nowMs();
    for (const bucket of this.tenantBuckets.values()) bucket.setRate(this.tenantRate(), now);
    for (const bucket of this.conversationBuckets.values()) {
      bucket.setRate(this.conversationRate(), now);
    }
  }

  private tenantRate(): number {
    return this.options.settings.ratePerTenant / this.liveInstances;
  }

  private conversationRate(): number {
    return this.options.settings.ratePerConversation / this.liveInstances;
  }

  /** How many of a tenant's items this instance holds at most: `holdSeconds` of its rate. */
  private tenantCap(): number {
    return Math.max(1, Math.ceil(this.tenantRate() * holdSeconds));
  }

  private tenantBucket(tenantId: string, nowMs: number): TokenBucket {
    let bucket = this.tenantBuckets.get(tenantId);
    if (bucket === undefined) {
      // Full to start, as token buckets are: a worker may send one second's share at once.
      const rate = this.tenantRate();
      bucket = new TokenBucket({ ratePerSecond: rate, nowMs, initialTokens: rate });
      this.tenantBuckets.set(tenantId, bucket);
    }
    return bucket;
  }

  private conversationBucket(key: string, nowMs: number): TokenBucket {
    let bucket = this.conversationBuckets.get(key);
    if (bucket === undefined) {
      // One token to start: a conversation's first message need not wait.
      bucket = new TokenBucket({ ratePerSecond: this.conversationRate(), nowMs, initialTokens: 1 });
      this.conversationBuckets.set(key, bucket);
    }
    return bucket;
  }

  /** A full bucket is the same as a new one; dropping them keeps memory to active conversations. */
  private forgetIdleBuckets(nowMs: number): void {
    for (const [key, bucket] of this.conversationBuckets) {
      if (bucket.isFull(nowMs)) this.conversationBuckets.delete(key);
    }
    for (const [key, until] of this.pausedUntil) {
      if (until <= nowMs) this.pausedUntil.delete(key);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Claiming

  /** Leases up to a batch; true when the store had at least as many claimable as were asked for. */
  private async claim(): Promise<boolean> {
    const room = this.batchSize - this.backlog.length;
    if (room <= 0) return true;
    const now = this.options.now();
    const cap = this.tenantCap();
    const excludeTenants = [...this.heldByTenant]
      .filter(([, held]) => held >= cap)
      .map(([tenantId]) => tenantId);
    // A wider window than we take, so instances racing for the head of the queue pick apart.
    const limit = room * Math.max(2, this.liveInstances);
    const candidates = [
      ...(await this.ports.queue.findClaimable(
        now,
        limit,
        excludeTenants.length > 0 ? { excludeTenants } : {},
      )),
    ];
    this.shuffle(candidates);
    const chosen: StoredDelivery[] = [];
    const chosenHeld = new Map<string, number>();
    for (const candidate of candidates) {
      if (chosen.length >= room) break;
      if (this.heldItems.has(itemKeyOf(candidate.value))) continue;
      const tenantId = candidate.value.tenantId;
      const held = (this.heldByTenant.get(tenantId) ?? 0) + (chosenHeld.get(tenantId) ?? 0);
      if (held >= cap) continue;
      chosenHeld.set(tenantId, (chosenHeld.get(tenantId) ?? 0) + 1);
      chosen.push(candidate);
    }
    // One bulk request leases the lot; each item is ours only if its ETag still matched.
    const leased = chosen.length === 0 || !this.accepting ? [] : await this.leaseMany(chosen);
    for (const lease of leased) {
      if (!this.accepting) {
        // stop() began while this claim was in the air: hand it straight back.
        this.track(this.releaseClaimed(lease));
        continue;
      }
      this.hold(lease);
      this.backlog.push(lease);
      this.counts.claimed += 1;
    }
    return candidates.length >= limit;
  }

  private async leaseMany(candidates: readonly StoredDelivery[]): Promise<Lease[]> {
    const now = this.nowMs();
    const leaseEndMs = now + this.options.settings.leaseMs;
    const entries = candidates.map((candidate) => ({
      item: {
        ...candidate.value,
        state: 'leased' as const,
        leaseOwner: this.options.instanceId,
        availableAt: new Date(leaseEndMs).toISOString(),
        updatedAt: new Date(now).toISOString(),
      },
      etag: candidate.etag,
    }));
    let outcomes: readonly BulkOutcome[];
    try {
      outcomes = await this.ports.queue.replaceMany(entries);
    } catch (error) {
      this.logger.warn({ err: error }, 'delivery worker: a bulk claim failed');
      return [];
    }
    const leases: Lease[] = [];
    outcomes.forEach((outcome) => {
      // Anything but a write is another instance's win (or a busy store): not ours this time.
      if (outcome.ok)
        leases.push({ item: outcome.stored.value, etag: outcome.stored.etag, leaseEndMs });
    });
    return leases;
  }

  private shuffle(items: unknown[]): void {
    for (let index = items.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.options.random() * (index + 1));
      [items[index], items[other]] = [items[other], items[index]];
    }
  }

  private hold(lease: Lease): void {
    this.heldItems.add(itemKeyOf(lease.item));
    const tenantId = lease.item.tenantId;
    this.heldByTenant.set(tenantId, (this.heldByTenant.get(tenantId) ?? 0) + 1);
  }

  private letGo(lease: Lease): void {
    if (!this.heldItems.delete(itemKeyOf(lease.item))) return;
    const tenantId = lease.item.tenantId;
    const held = (this.heldByTenant.get(tenantId) ?? 1) - 1;
    if (held <= 0) this.heldByTenant.delete(tenantId);
    else this.heldByTenant.set(tenantId, held);
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  /** Starts every claimed item whose conversation and tenant allow a send now. */
  private pump(): void {
    this.clearPumpTimer();
    if (!this.accepting) return;
    const now = this.nowMs();
    const blockedTenants = new Set<string>();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (let index = 0; index < this.backlog.length && this.inFlight < this.maxInFlight;) {
      const lease = this.backlog[index];
      if (lease === undefined) break;
      const tenantId = lease.item.tenantId;
      if (blockedTenants.has(tenantId)) {
        index += 1;
        continue;
      }
      const conversation = conversationKeyOf(lease.item);
      const pausedUntil = this.pausedUntil.get(conversation) ?? 0;
      if (pausedUntil > now) {
        if (pausedUntil - now > releaseAfterPauseMs) {
          this.backlog.splice(index, 1);
          this.track(this.releaseClaimed(lease, pausedUntil));
        } else {
          wakeAt = Math.min(wakeAt, pausedUntil);
          index += 1;
        }
        continue;
      }
      const conversationBucket = this.conversationBucket(conversation, now);
      const conversationDelay = conversationBucket.delayMs(now);
      if (conversationDelay > 0) {
        wakeAt = Math.min(wakeAt, now + conversationDelay);
        index += 1;
        continue;
      }
      const tenantBucket = this.tenantBucket(tenantId, now);
      const tenantDelay = tenantBucket.delayMs(now);
      if (tenantDelay > lookaheadMs) {
        blockedTenants.add(tenantId);
        wakeAt = Math.min(wakeAt, now + tenantDelay - lookaheadMs);
        index += 1;
        continue;
      }
      conversationBucket.reserve(now);
      const sendAtMs = now + tenantBucket.reserve(now);
      this.backlog.splice(index, 1);
      this.inFlight += 1;
      this.track(
        this.deliver(lease, sendAtMs)
          .catch((error: unknown) => {
            this.logger.error({ err: error, id: lease.item.id }, 'delivery worker: a send failed');
            return undefined;
          })
          .then((kept) => {
            this.inFlight -= 1;
            this.letGo(lease);
            // A quick retry stays here: back in line, sent when its conversation may take it.
            if (kept !== undefined) {
              this.hold(kept);
              if (this.accepting) this.backlog.push(kept);
              else this.track(this.releaseClaimed(kept));
            }
            this.afterProgress();
          }),
      );
    }
    if (Number.isFinite(wakeAt)) this.schedulePump(wakeAt - now);
  }

  private schedulePump(delayMs: number): void {
    const at = this.nowMs() + delayMs;
    if (this.pumpTimer !== undefined && this.pumpTimerAtMs <= at) return;
    this.clearPumpTimer();
    this.pumpTimerAtMs = at;
    this.pumpTimer = setTimeout(
      () => {
        this.pumpTimer = undefined;
        this.pumpTimerAtMs = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(1, delayMs),
    );
  }

  private clearPumpTimer(): void {
    if (this.pumpTimer !== undefined) clearTimeout(this.pumpTimer);
    this.pumpTimer = undefined;
    this.pumpTimerAtMs = Number.POSITIVE_INFINITY;
  }

  private afterProgress(): void {
    this.pump();
    if (this.wakeOnRoom && this.roomToClaim() > 0) this.wakeLoop?.();
    if (this.backlog.length === 0 && this.inFlight === 0 && this.pending.size === 0) {
      const waiters = this.drainWaiters.splice(0);
      for (const resolve of waiters) resolve();
    }
  }

  private async deliver(claimed: Lease, sendAtMs: number): Promise<Lease | undefined> {
    const lease = await this.confirm(claimed, Math.max(0, sendAtMs - this.nowMs()));
    if (lease === undefined) return undefined;
    await sleep(sendAtMs - this.nowMs());
    const outcome = await this.attempt(lease);
    return this.record(lease, outcome);
  }

  /**
   * Checks, just before sending, that the lease leaves enough time for the send to finish (or time
   * out) before anyone else may claim the item. Renews a lease that is running short; the renewal,
   * conditional on the lease's ETag, is itself the check that the item is still ours.
   */
  private async confirm(lease: Lease, waitMs: number): Promise<Lease | undefined> {
    const needed = this.options.settings.sendTimeoutMs + this.safetyMs + waitMs;
    if (lease.leaseEndMs - this.nowMs() < needed) return this.renew(lease);
    // Within its lease the item is ours: no other worker may claim it before `availableAt`, and
    // the lease was taken with the item's ETag, so no read is needed before sending.
    return lease;
  }

  private async renew(lease: Lease): Promise<Lease | undefined> {
    const now = this.nowMs();
    const leaseEndMs = now + this.options.settings.leaseMs;
    try {
      const written = await this.ports.queue.replace(
        {
          ...lease.item,
          availableAt: new Date(leaseEndMs).toISOString(),
          updatedAt: new Date(now).toISOString(),
        },
        lease.etag,
      );
      return { item: written.value, etag: written.etag, leaseEndMs };
    } catch (error) {
      if (isAppError(error, 'precondition-failed') || isAppError(error, 'not-found')) {
        this.logger.info({ id: lease.item.id }, 'delivery worker: the lease was lost; not sending');
        return undefined;
      }
      throw error;
    }
  }

  private async attempt(lease: Lease): Promise<Outcome> {
    const tenantId = lease.item.tenantId;
    const context: SendContext = {
      pace: () => {
        const now = this.nowMs();
        return sleep(this.tenantBucket(tenantId, now).reserve(now));
      },
    };
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new DOMException('The send timed out', 'TimeoutError'));
    }, this.options.settings.sendTimeoutMs);
    try {
      const { activityId } = await this.ports.sender.send(lease.item, controller.signal, context);
      return { ok: true, activityId };
    } catch (error) {
      const failure = asSendFailure(error);
      // A sender that gives up because our deadline passed has timed out, whatever it threw.
      return controller.signal.aborted && !failure.timedOut && failure.status === undefined
        ? { ok: false, failure: new SendFailure(failure.message, { timedOut: true, cause: error }) }
        : { ok: false, failure };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A 429 for one conversation gives the tenant its token back: the message was refused, not
   * delivered, and its conversation now waits out Retry-After. When many of a tenant's requests
   * are refused, the tenant itself is over Teams' limit: then the token stays spent, so the sender
   * slows to the configured rate of requests.
   */
  private refundIfIsolated(tenantId: string, nowMs: number): void {
    if (this.throttleShare(tenantId).share(nowMs) < refundBelowThrottledShare) {
      this.tenantBucket(tenantId, nowMs).refund(nowMs);
    }
  }

  private throttleShare(tenantId: string): ThrottleShare {
    let share = this.throttleShares.get(tenantId);
    if (share === undefined) {
      share = new ThrottleShare(throttleWindowMs);
      this.throttleShares.set(tenantId, share);
    }
    return share;
  }

  /** Writes what became of a send; returns the lease when the item stays for a quick retry. */
  private async record(lease: Lease, outcome: Outcome): Promise<Lease | undefined> {
    const nowMs = this.nowMs();
    this.throttleShare(lease.item.tenantId).record(
      nowMs,
      !outcome.ok && outcome.failure.status === 429,
    );
    const at = new Date(nowMs).toISOString();
    const attempts = lease.item.attempts + 1;
    const { leaseOwner: _leaseOwner, lastError: _lastError, ...base } = lease.item;

    if (outcome.ok) {
      const sent: Delivery = {
        ...base,
        state: 'sent',
        attempts,
        ...(outcome.activityId === '' ? {} : { activityId: outcome.activityId.slice(0, 500) }),
        sentAt: at,
        updatedAt: at,
      };
      if (await this.writeOutcome(sent, lease)) {
        this.counts.sent += 1;
      } else {
        this.logger.error(
          { id: lease.item.id, tenantId: lease.item.tenantId },
          'delivery worker: delivered, but recording it failed; it may be delivered again',
        );
      }
      return;
    }

    const { failure } = outcome;
    if (failure.status === 429) this.refundIfIsolated(lease.item.tenantId, nowMs);
    let decision = classifySendFailure(failure);
    // Only a person's 1:1 chat can be made anew; a meeting or channel chat that is gone is gone.
    if (decision === 'new-conversation' && lease.item.recipient.kind !== 'person')
      decision = 'dead';
    let reason = this.describe(failure);
    if (decision !== 'dead' && attempts >= this.options.settings.maxAttempts) {
      decision = 'dead';
      reason = `${reason} (gave up after ${String(attempts)} attempts)`;
    }
    const lastError = reason.slice(0, 1000);

    if (decision === 'dead') {
      const dead: Delivery = {
        ...base,
        state: 'dead',
        attempts,
        lastError,
        availableAt: at,
        deadAt: at,
        updatedAt: at,
      };
      if (await this.writeOutcome(dead, lease)) this.counts.dead += 1;
      this.logger.warn({ id: lease.item.id, lastError }, 'delivery worker: dead-lettered');
      return;
    }

    const delay =
      decision === 'new-conversation'
        ? 0
        : retryDelayMs(attempts, failure.retryAfterMs, this.options.random);
    const retryAtMs = nowMs + delay;
    if (failure.status === 429) {
      const key = conversationKeyOf(lease.item);
      this.pausedUntil.set(key, Math.max(this.pausedUntil.get(key) ?? 0, retryAtMs));
    }
    if (failure.status === 429 && delay <= keepThrottledMs && this.accepting) {
      // A short Retry-After: keep the item, under a renewed lease, and send it again from memory
      // when its conversation may take it, rather than hand it back and claim it again.
      const leaseEndMs = nowMs + this.options.settings.leaseMs;
      const kept = await this.keepLeased(
        {
          ...base,
          state: 'leased',
          attempts,
          lastError,
          leaseOwner: this.options.instanceId,
          availableAt: new Date(leaseEndMs).toISOString(),
          updatedAt: at,
        },
        lease,
        leaseEndMs,
      );
      if (kept !== undefined) {
        this.counts.retried += 1;
        return kept;
      }
    }
    const queued: Delivery = {
      ...base,
      state: 'queued',
      attempts,
      lastError,
      availableAt: new Date(retryAtMs).toISOString(),
      updatedAt: at,
    };
    if (await this.writeOutcome(queued, lease)) {
      this.counts.retried += 1;
      this.ownRetryTimes.push(retryAtMs);
    }
  }

  /** Renews the lease on an item to try again shortly; undefined when it could not be renewed. */
  private async keepLeased(
    next: Delivery,
    lease: Lease,
    leaseEndMs: number,
  ): Promise<Lease | undefined> {
    try {
      const written = await this.ports.queue.replace(next, lease.etag);
      return { item: written.value, etag: written.etag, leaseEndMs };
    } catch (error) {
      if (!isAppError(error, 'precondition-failed') && !isAppError(error, 'not-found')) {
        this.logger.warn({ err: error, id: next.id }, 'delivery worker: keeping an item failed');
      }
      return undefined;
    }
  }

  private describe(failure: SendFailure): string {
    if (failure.timedOut) {
      return `Timed out after ${String(this.options.settings.sendTimeoutMs)} ms: ${failure.message}`;
    }
    if (failure.status !== undefined) return `HTTP ${String(failure.status)}: ${failure.message}`;
    return failure.message;
  }

  /**
   * Writes an outcome with the lease's ETag. Outcomes that finish together go in one bulk request
   * (gathered for at most `outcomeBatchMs`), so the store sees a request per batch rather than
   * per message; an entry the bulk could not write is retried on its own. False when it could not
   * be written.
   */
  private writeOutcome(next: Delivery, lease: Lease): Promise<boolean> {
    return new Promise((resolve) => {
      this.outcomeBatch.push({ next, lease, resolve });
      if (this.outcomeBatch.length >= outcomeBatchSize) this.flushOutcomes();
      else this.outcomeTimer ??= setTimeout(() => this.flushOutcomes(), outcomeBatchMs);
    });
  }

  private flushOutcomes(): void {
    if (this.outcomeTimer !== undefined) clearTimeout(this.outcomeTimer);
    this.outcomeTimer = undefined;
    const batch = this.outcomeBatch.splice(0);
    if (batch.length === 0) return;
    this.track(this.writeOutcomes(batch));
  }

  private async writeOutcomes(batch: readonly PendingOutcome[]): Promise<void> {
    let outcomes: readonly BulkOutcome[] = [];
    try {
      outcomes = await this.ports.queue.replaceMany(
        batch.map(({ next, lease }) => ({ item: next, etag: lease.etag })),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'delivery worker: a bulk outcome write failed');
    }
    await Promise.all(
      batch.map(async ({ next, lease, resolve }, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok === true) {
          resolve(true);
          return;
        }
        if (outcome?.kind === 'precondition-failed' || outcome?.kind === 'not-found') {
          this.logger.warn(
            { id: next.id, state: next.state },
            'delivery worker: the item changed hands before its outcome was written',
          );
          resolve(false);
          return;
        }
        resolve(await this.writeOutcomeAlone(next, lease));
      }),
    );
  }

  /**
   * Writes one outcome with the lease's ETag, retrying a store that is briefly unavailable for as
   * long as the lease protects the item. False when it could not be written.
   */
  private async writeOutcomeAlone(next: Delivery, lease: Lease): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.ports.queue.replace(next, lease.etag);
        return true;
      } catch (error) {
        if (isAppError(error, 'precondition-failed') || isAppError(error, 'not-found')) {
          this.logger.warn(
            { id: next.id, state: next.state },
            'delivery worker: the item changed hands before its outcome was written',
          );
          return false;
        }
        const backoffMs = 100 * 2 ** (attempt - 1);
        if (attempt >= outcomeWriteAttempts || this.nowMs() + backoffMs >= lease.leaseEndMs) {
          this.logger.error(
            { err: error, id: next.id },
            'delivery worker: writing an outcome failed',
          );
          return false;
        }
        await sleep(backoffMs);
      }
    }
  }

  /** Hands a claimed item back to the queue, due at `availableAtMs` (now by default). */
  private async release(lease: Lease, availableAtMs?: number): Promise<void> {
    const now = this.nowMs();
    const { leaseOwner: _leaseOwner, ...base } = lease.item;
    try {
      await this.ports.queue.replace(
        {
          ...base,
          state: 'queued',
          availableAt: new Date(Math.max(now, availableAtMs ?? now)).toISOString(),
          updatedAt: new Date(now).toISOString(),
        },
        lease.etag,
      );
      if (availableAtMs !== undefined && availableAtMs > now)
        this.ownRetryTimes.push(availableAtMs);
    } catch (error) {
      // Lost or unwritable: either way the lease ends on its own and the item comes back then.
      if (!isAppError(error, 'precondition-failed')) {
        this.logger.warn({ err: error, id: lease.item.id }, 'delivery worker: a release failed');
      }
    } finally {
      this.letGo(lease);
    }
  }

  private async releaseClaimed(lease: Lease, availableAtMs?: number): Promise<void> {
    await this.release(lease, availableAtMs);
    this.afterProgress();
  }

  private track(task: Promise<void>): void {
    this.pending.add(task);
    const settled = (): void => {
      this.pending.delete(task);
      this.afterProgress();
    };
    task.then(settled, settled);
  }

  private drained(): Promise<void> {
    if (this.backlog.length === 0 && this.inFlight === 0 && this.pending.size === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.drainWaiters.push(resolve);
    });
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }
}
