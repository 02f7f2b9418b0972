import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

/** When each of `count` reservations made at `nowMs` may go. */
function schedule(bucket: TokenBucket, count: number, nowMs: number): number[] {
  return Array.from({ length: count }, () => nowMs + bucket.reserve(nowMs));
}

describe('TokenBucket', () => {
  it('should start empty and pace reservations at its rate', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, nowMs: 0 });
    expect(schedule(bucket, 3, 0)).toEqual([100, 200, 300]);
  });

  it('should let a full bucket burst one second of its rate, then pace the rest', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, nowMs: 0 });
    const sendAt = schedule(bucket, 12, 5000);
    expect(sendAt.slice(0, 10)).toEqual(Array(10).fill(5000));
    expect(sendAt.slice(10)).toEqual([5100, 5200]);
  });

  it('should send 60 reservations at 30 per second within two seconds of an empty start', () => {
    const bucket = new TokenBucket({ ratePerSecond: 30, nowMs: 0 });
    const last = Math.max(...schedule(bucket, 60, 0));
    expect(last).toBe(2000);
  });

  it('should report the wait without reserving', () => {
    const bucket = new TokenBucket({ ratePerSecond: 4, nowMs: 0, initialTokens: 1 });
    expect(bucket.delayMs(0)).toBe(0);
    expect(bucket.delayMs(0)).toBe(0);
    expect(bucket.reserve(0)).toBe(0);
    expect(bucket.delayMs(0)).toBe(250);
    expect(bucket.delayMs(250)).toBe(0);
  });

  it('should keep at least one token of capacity for rates below one per second', () => {
    const bucket = new TokenBucket({ ratePerSecond: 0.5, nowMs: 0 });
    expect(bucket.capacity).toBe(1);
    expect(schedule(bucket, 2, 10_000)).toEqual([10_000, 12_000]);
  });

  it('should pace at the new rate after setRate and trim the burst to it', () => {
    const bucket = new TokenBucket({ ratePerSecond: 20, nowMs: 0 });
    bucket.setRate(10, 10_000);
    expect(bucket.isFull(10_000)).toBe(true);
    const sendAt = schedule(bucket, 11, 10_000);
    expect(sendAt.filter((at) => at === 10_000)).toHaveLength(10);
    expect(sendAt[10]).toBe(10_100);
  });

  it('should not earn tokens when the clock steps back', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, nowMs: 1000 });
    expect(bucket.reserve(500)).toBe(100);
  });

  it('should refuse a rate that is not positive', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, nowMs: 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 5, nowMs: 0 }).setRate(Number.NaN)).toThrow(
      RangeError,
    );
  });
});
