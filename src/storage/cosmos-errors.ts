import { AppError } from '../domain/errors.js';

interface CosmosErrorShape {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly retryAfterInMs?: unknown;
  readonly retryAfterInMilliseconds?: unknown;
  readonly headers?: Record<string, unknown>;
}

function shapeOf(error: unknown): CosmosErrorShape | undefined {
  return typeof error === 'object' && error !== null ? (error as CosmosErrorShape) : undefined;
}

/** The HTTP status of an `@azure/cosmos` error, when it has one. */
export function cosmosStatusOf(error: unknown): number | undefined {
  const shape = shapeOf(error);
  if (typeof shape?.code === 'number') return shape.code;
  if (typeof shape?.statusCode === 'number') return shape.statusCode;
  return undefined;
}

/**
 * How long Cosmos DB asked us to wait: `x-ms-retry-after-ms` (or the SDK's parsed copy of it),
 * else a standard `retry-after` in seconds.
 */
export function retryAfterMsOf(error: unknown): number | undefined {
  const shape = shapeOf(error);
  for (const value of [shape?.retryAfterInMs, shape?.retryAfterInMilliseconds]) {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  const headers = shape?.headers ?? {};
  const ms = Number(headers['x-ms-retry-after-ms']);
  if (headers['x-ms-retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  return undefined;
}

/** Maps a Cosmos DB failure to the app's typed errors; unknown failures become `unavailable`. */
export function toAppError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const status = cosmosStatusOf(error);
  switch (status) {
    case 404:
      return new AppError('not-found', `${what} was not found`, { cause: error });
    case 409:
      return new AppError('conflict', `${what} already exists`, { cause: error });
    case 412:
      return new AppError('precondition-failed', `${what} was changed by someone else`, {
        cause: error,
      });
    case 429: {
      const retryAfterMs = retryAfterMsOf(error);
      return new AppError('throttled', 'The store is busy; try again shortly', {
        cause: error,
        retryAfterSeconds: Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000)),
      });
    }
    case 400:
      return new AppError('invalid', `The store rejected ${what}`, { cause: error });
    default:
      // Mostly passing faults (a dropped connection, a 503): worth sending again shortly.
      return new AppError('unavailable', 'The store is unavailable; try again shortly', {
        cause: error,
        retryAfterSeconds: 1,
      });
  }
}
