import { describe, expect, it } from 'vitest';
import { classifySendFailure, parseRetryAfter, retryDelayMs } from './delivery-policy.js';

describe('classifySendFailure', () => {
  it.each([429, 412, 500, 502, 503, 504, 408])('should retry a %i', (status) => {
    expect(classifySendFailure({ status })).toBe('retry');
  });

  it('should retry a timeout and a network error', () => {
    expect(classifySendFailure({ timedOut: true })).toBe('retry');
    expect(classifySendFailure({ networkError: true })).toBe('retry');
  });

  it.each([400, 403, 405, 413])('should dead-letter a %i at once', (status) => {
    expect(classifySendFailure({ status })).toBe('dead');
  });

  it('should ask for a new conversation on a 404', () => {
    expect(classifySendFailure({ status: 404 })).toBe('new-conversation');
  });

  it('should dead-letter what the sender marks permanent, whatever the status', () => {
    expect(classifySendFailure({ permanent: true })).toBe('dead');
    expect(classifySendFailure({ status: 503, permanent: true })).toBe('dead');
  });
});

describe('retryDelayMs', () => {
  it('should double the ceiling with each attempt', () => {
    const top = (): number => 1;
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, top))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('should draw the delay uniformly below the ceiling (full jitter)', () => {
    expect(retryDelayMs(3, undefined, () => 0)).toBe(0);
    expect(retryDelayMs(3, undefined, () => 0.25)).toBe(1000);
  });

  it('should never wait more than five minutes without a Retry-After', () => {
    expect(retryDelayMs(40, undefined, () => 1)).toBe(300_000);
    expect(retryDelayMs(1000, undefined, () => 0.999_999)).toBeLessThanOrEqual(300_000);
  });

  it('should follow Retry-After, with at most a tenth (and 500 ms) of jitter on top', () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(1000);
    expect(retryDelayMs(1, 1000, () => 0.5)).toBe(1050);
    expect(retryDelayMs(4, 1000, () => 1)).toBe(1100);
    expect(retryDelayMs(1, 600_000, () => 1)).toBe(600_500);
    expect(retryDelayMs(3, 0, () => 1)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-26T09:00:00.000Z');

  it('should read delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('should read an HTTP date as the time until it', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
  });

  it('should treat a date in the past as no wait', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 08:59:00 GMT', now)).toBe(0);
  });

  it('should ignore a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('2026-11-26', now)).toBeUndefined();
  });
});
