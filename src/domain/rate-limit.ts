/** Whether a request may go now, and if not, when to try again. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

/**
 * Per-key token buckets: each key may make `perMinute` requests a minute on average, and a burst
 * of a quarter of that (at least 5) after a quiet spell. Memory is bounded: beyond `maxKeys`, idle
 * keys (full buckets) are forgotten first, then the longest-unused ones.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerMs: number;
  readonly capacity: number;

  constructor(
    readonly perMinute: number,
    private readonly maxKeys = 100_000,
  ) {
    if (!Number.isFinite(perMinute) || perMinute <= 0) {
      throw new RangeError(`A rate limit must be a positive number a minute, not ${perMinute}`);
    }
    this.ratePerMs = perMinute / 60_000;
    this.capacity = Math.max(5, Math.ceil(perMinute / 4));
  }

  take(key: string, nowMs: number): RateDecision {
    const bucket = this.refilled(key, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / this.ratePerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, nowMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      this.makeRoom(nowMs);
      bucket = { tokens: this.capacity, updatedAtMs: nowMs };
    } else {
      // Re-inserting keeps the map in least-recently-used order for `makeRoom`.
      this.buckets.delete(key);
      const elapsed = Math.max(0, nowMs - bucket.updatedAtMs);
      bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.ratePerMs);
      bucket.updatedAtMs = nowMs;
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  private makeRoom(nowMs: number): void {
    if (this.buckets.size < this.maxKeys) return;
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + (nowMs - bucket.updatedAtMs) * this.ratePerMs;
      if (tokens >= this.capacity) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
