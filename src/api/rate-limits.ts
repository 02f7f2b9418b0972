import type { Request, RequestHandler } from 'express';
import type { RateLimitSettings } from '../config.js';
import { AppError } from '../domain/errors.js';
import { RateLimiter } from '../domain/rate-limit.js';
import { callerOf } from './identity-middleware.js';

/** Which limit a request counts against, and under which key; `undefined` when none applies. */
function classify(req: Request, tenantId: string, userId: string): [string, string] | undefined {
  if (req.method === 'POST' && req.path.startsWith('/usage-events')) {
    return ['ingest', tenantId];
  }
  if (req.method === 'GET' && req.path === '/prompts' && req.query['q'] !== undefined) {
    return ['search', `${tenantId}/${userId}`];
  }
  if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
    return ['writes', `${tenantId}/${userId}`];
  }
  return undefined;
}

/**
 * Per-instance rate limits on the authenticated API: library searches and writes per person, usage
 * ingest per tenant. Over the limit is a 429 problem with `Retry-After`. With several instances
 * each keeps its own count, so the limit a client meets is at most that many times higher.
 */
export function rateLimits(settings: RateLimitSettings, now: () => number): RequestHandler {
  const limiters = {
    search: new RateLimiter(settings.searchPerMinute),
    writes: new RateLimiter(settings.writesPerMinute),
    ingest: new RateLimiter(settings.ingestPerMinute),
  } as const;
  return (req, res, next) => {
    if (!settings.enabled) {
      next();
      return;
    }
    const { tenantId, userId } = callerOf(res);
    const limit = classify(req, tenantId, userId);
    if (limit === undefined) {
      next();
      return;
    }
    const [name, key] = limit as [keyof typeof limiters, string];
    const decision = limiters[name].take(key, now());
    if (!decision.allowed) {
      throw new AppError(
        'throttled',
        `Too many requests (${name}: ${String(limiters[name].perMinute)} a minute); try again in ${String(decision.retryAfterSeconds)} s`,
        { retryAfterSeconds: decision.retryAfterSeconds },
      );
    }
    next();
  };
}
