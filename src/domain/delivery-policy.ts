/**
 * What the delivery worker does after a failed send to the Bot Connector, following Teams' guidance
 * for bots: retry 429, 412, 502 and 504 (and 500, 503 and timeouts) with exponential backoff and
 * full jitter, honouring `Retry-After`; give up at once on what a retry cannot fix.
 */

export type SendFailureDecision = 'retry' | 'new-conversation' | 'dead';

export interface SendFailureFacts {
  readonly status?: number | undefined;
  readonly timedOut?: boolean | undefined;
  readonly networkError?: boolean | undefined;
  /** The sender knows no retry can help (nothing to render, nowhere to send it). */
  readonly permanent?: boolean | undefined;
}

const retryableStatuses = new Set([408, 412, 429, 500, 502, 503, 504]);

export function classifySendFailure(failure: SendFailureFacts): SendFailureDecision {
  if (failure.permanent === true) return 'dead';
  if (failure.timedOut === true || failure.networkError === true) return 'retry';
  const status = failure.status;
  if (status === undefined) return 'retry';
  if (retryableStatuses.has(status)) return 'retry';
  // The stored 1:1 conversation is gone (the person removed the app, or it expired): make a new one.
  if (status === 404) return 'new-conversation';
  // 401 means our token was refused; a fresh token on the next attempt usually fixes it.
  if (status === 401) return 'retry';
  // 400 (a message Teams refuses), 403 (the bot was blocked or removed) and the rest of 4xx will
  // fail the same way every time.
  if (status >= 400 && status < 500) return 'dead';
  return 'retry';
}

export const retryBaseDelayMs = 1_000;
export const retryMaxDelayMs = 5 * 60_000;
const retryAfterJitterMs = 500;

/**
 * The wait before attempt `attempt + 1`, after `attempt` failed attempts (1 for the first failure).
 * When the server said `Retry-After`, that, plus up to a tenth more (at most 500 ms) so items
 * throttled together do not come back together: the server knows when it will take the message.
 * Otherwise a uniformly random delay up to `base · 2^(attempt-1)`, capped at 5 minutes ("full
 * jitter").
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const draw = Math.min(1, Math.max(0, random()));
  if (retryAfterMs !== undefined) {
    return retryAfterMs + Math.floor(draw * Math.min(retryAfterJitterMs, retryAfterMs / 10));
  }
  const exponent = Math.max(0, Math.min(30, attempt - 1));
  const ceiling = Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** exponent);
  return Math.floor(draw * ceiling);
}

/**
 * `Retry-After` as milliseconds from `now`: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * A date in the past means "now" (0); anything unreadable is ignored.
 */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(?:\.\d+)?$/u.test(value)) return Math.round(Number(value) * 1000);
  // Only HTTP dates: `Date.parse` would also read bare numbers or odd strings as dates.
  if (!/^[A-Za-z]{3,9},? /u.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
