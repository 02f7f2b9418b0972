/**
 * A token bucket that hands out reservations: `reserve` takes a token now and says how long to
 * wait before using it, so callers queue up behind one another without polling. The bucket holds
 * at most one second of its rate (at least one token), so an idle sender may burst that much.
 *
 * It starts empty unless told otherwise: a fresh bucket cannot know what was sent just before it
 * existed (by this process before a restart, or by another instance whose share it now takes), so
 * it earns its burst rather than assuming it.
 */
export class TokenBucket {
  private rate: number;
  private tokens: number;
  private updatedAtMs: number;

  constructor(options: {
    readonly ratePerSecond: number;
    readonly nowMs: number;
    readonly initialTokens?: number;
  }) {
    this.rate = TokenBucket.checkedRate(options.ratePerSecond);
    this.updatedAtMs = options.nowMs;
    this.tokens = Math.min(this.capacity, Math.max(0, options.initialTokens ?? 0));
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  /** One second of rate, and at least one token so that slow rates still send. */
  get capacity(): number {
    return Math.max(1, this.rate);
  }

  /** Takes a token; returns the milliseconds to wait before the send it pays for may go (0 = now). */
  reserve(nowMs: number): number {
    this.refill(nowMs);
    this.tokens -= 1;
    return this.waitFor(0);
  }

  /** Gives back a token whose request the other side refused without acting on it. */
  refund(nowMs: number): void {
    this.refill(nowMs);
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }

  /** How long a reservation made now would wait, without making one. */
  delayMs(nowMs: number): number {
    this.refill(nowMs);
    return this.waitFor(1);
  }

  /** Whether the bucket is full, i.e. indistinguishable from one that has been idle forever. */
  isFull(nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= this.capacity;
  }

  /**
   * Changes the rate, e.g. when instances join or leave. Tokens earned so far are kept at the old
   * rate (when `nowMs` is given) and trimmed to the new capacity; debts stay owed.
   */
  setRate(ratePerSecond: number, nowMs?: number): void {
    if (nowMs !== undefined) this.refill(nowMs);
    this.rate = TokenBucket.checkedRate(ratePerSecond);
    this.tokens = Math.min(this.tokens, this.capacity);
  }

  private waitFor(needed: number): number {
    const missing = needed - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.rate) * 1000);
  }

  private refill(nowMs: number): void {
    // A clock that steps back earns nothing rather than going into debt.
    if (nowMs <= this.updatedAtMs) return;
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((nowMs - this.updatedAtMs) / 1000) * this.rate,
    );
    this.updatedAtMs = nowMs;
  }

  private static checkedRate(rate: number): number {
    if (!Number.isFinite(rate) || rate <= 0) {
      throw new RangeError(`A token bucket needs a positive rate, not ${String(rate)}`);
    }
    return rate;
  }
}
