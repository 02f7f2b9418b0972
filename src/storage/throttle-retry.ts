import { cosmosStatusOf, retryAfterMsOf } from './cosmos-errors.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 50,
  maxDelayMs: 5_000,
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
  random: Math.random,
};

/**
 * Runs `operation`, retrying when Cosmos DB answers 429: after the server's `retry-after` when it
 * gives one, else after exponential backoff with full jitter. Other failures are not retried here.
 */
export async function withThrottleRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (cosmosStatusOf(error) !== 429 || attempt >= policy.maxAttempts) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.min(
        policy.maxDelayMs,
        retryAfterMsOf(error) ?? Math.round(policy.random() * backoff),
      );
      await policy.sleep(delay);
    }
  }
}
