import { describe, expect, it } from 'vitest';
import { type RetryPolicy, withThrottleRetry } from './throttle-retry.js';

function recordingPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { slept: number[] } {
  const slept: number[] = [];
  return {
    maxAttempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 0.5,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    slept,
    ...overrides,
  };
}

const throttled = (headers: Record<string, string> = {}): Error =>
  Object.assign(new Error('Request rate is large'), { code: 429, headers });

describe('withThrottleRetry', () => {
  it('should wait as long as x-ms-retry-after-ms says before retrying', async () => {
    const policy = recordingPolicy();
    let calls = 0;
    const result = await withThrottleRetry(() => {
      calls += 1;
      return calls < 3
        ? Promise.reject(throttled({ 'x-ms-retry-after-ms': '250' }))
        : Promise.resolve('done');
    }, policy);
    expect(result).toBe('done');
    expect(policy.slept).toEqual([250, 250]);
  });

  it('should honour a retry-after in seconds', async () => {
    const policy = recordingPolicy();
    let calls = 0;
    await withThrottleRetry(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(throttled({ 'retry-after': '0.5' })) : Promise.resolve(1);
    }, policy);
    expect(policy.slept).toEqual([500]);
  });

  it('should back off exponentially with jitter when no delay is given', async () => {
    const policy = recordingPolicy({ maxAttempts: 4 });
    await expect(
      withThrottleRetry(() => Promise.reject(throttled()), policy),
    ).rejects.toMatchObject({
      code: 429,
    });
    expect(policy.slept).toEqual([50, 100, 200]);
  });

  it('should not retry other failures', async () => {
    const policy = recordingPolicy();
    let calls = 0;
    await expect(
      withThrottleRetry(() => {
        calls += 1;
        return Promise.reject(Object.assign(new Error('gone'), { code: 404 }));
      }, policy),
    ).rejects.toThrow('gone');
    expect(calls).toBe(1);
    expect(policy.slept).toEqual([]);
  });

  it('should cap a long retry-after at the policy maximum', async () => {
    const policy = recordingPolicy();
    let calls = 0;
    await withThrottleRetry(() => {
      calls += 1;
      return calls === 1
        ? Promise.reject(throttled({ 'x-ms-retry-after-ms': '60000' }))
        : Promise.resolve(1);
    }, policy);
    expect(policy.slept).toEqual([1000]);
  });
});
