import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('should allow a burst of a quarter minute, then refuse with the seconds until the next token', () => {
    const limiter = new RateLimiter(60);
    const burst = Array.from({ length: 15 }, () => limiter.take('a', 0));
    expect(burst.every((decision) => decision.allowed)).toBe(true);
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 1_000).allowed).toBe(true);
  });

  it('should keep keys apart', () => {
    const limiter = new RateLimiter(4);
    for (let index = 0; index < 5; index += 1) limiter.take('busy', 0);
    expect(limiter.take('busy', 0)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(limiter.take('quiet', 0).allowed).toBe(true);
  });

  it('should hold the average rate over a long run', () => {
    const limiter = new RateLimiter(120);
    let allowed = 0;
    // Ten requests a second for ten minutes against a limit of two a second.
    for (let ms = 0; ms < 600_000; ms += 100) if (limiter.take('k', ms).allowed) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(1_200);
    expect(allowed).toBeLessThanOrEqual(1_200 + limiter.capacity);
  });

  it('should forget idle keys first when it holds too many', () => {
    const limiter = new RateLimiter(60, 3);
    limiter.take('idle', 0);
    for (let index = 0; index < 10; index += 1) {
      limiter.take('busy-1', 59_000);
      limiter.take('busy-2', 59_000);
    }
    limiter.take('new', 60_000);
    expect(limiter.size).toBe(3);
    // `idle` had refilled and was dropped; `busy-1` kept its spent tokens (5, plus 1 a second).
    let allowed = 0;
    while (limiter.take('busy-1', 60_000).allowed && allowed < 20) allowed += 1;
    expect(allowed).toBe(6);
  });

  it('should refuse a limit that is not a positive number', () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError);
    expect(() => new RateLimiter(Number.NaN)).toThrow(RangeError);
  });
});
