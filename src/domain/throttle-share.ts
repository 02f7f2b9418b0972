/**
 * The share of recent requests the other side throttled, over a sliding window of whole slices.
 * A few refusals of single conversations are normal; a high share means the tenant as a whole is
 * over its limit, and the sender must slow down rather than merely retry.
 */
export class ThrottleShare {
  private readonly slices = new Map<number, { requests: number; throttled: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly sliceMs = 250,
  ) {}

  record(nowMs: number, throttled: boolean): void {
    const slice = Math.floor(nowMs / this.sliceMs);
    const counts = this.slices.get(slice) ?? { requests: 0, throttled: 0 };
    counts.requests += 1;
    if (throttled) counts.throttled += 1;
    this.slices.set(slice, counts);
    this.forget(slice);
  }

  /** Throttled requests over all requests in the window; 0 when there were none. */
  share(nowMs: number): number {
    this.forget(Math.floor(nowMs / this.sliceMs));
    let requests = 0;
    let throttled = 0;
    for (const counts of this.slices.values()) {
      requests += counts.requests;
      throttled += counts.throttled;
    }
    return requests === 0 ? 0 : throttled / requests;
  }

  private forget(currentSlice: number): void {
    const oldest = currentSlice - Math.ceil(this.windowMs / this.sliceMs) + 1;
    for (const slice of this.slices.keys()) if (slice < oldest) this.slices.delete(slice);
  }
}
