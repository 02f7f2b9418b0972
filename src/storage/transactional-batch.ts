import type { Container, OperationInput, OperationResponse } from '@azure/cosmos';
import { AppError } from '../domain/errors.js';
import { toAppError } from './cosmos-errors.js';
import { type RetryPolicy, withThrottleRetry } from './throttle-retry.js';

/** What a transactional batch did: every operation, or none and the one that stopped it. */
export type BatchOutcome =
  | { readonly ok: true; readonly results: readonly OperationResponse[] }
  | { readonly ok: false; readonly failedIndex: number; readonly statusCode: number };

/** Cosmos DB's limit on the operations of one transactional batch. */
export const maxBatchOperations = 100;

/**
 * Runs operations on one logical partition all-or-nothing (Cosmos DB transactional batch). A batch
 * the service refused as a whole (throttled, unavailable) is retried on the usual policy and then
 * thrown as an `AppError`; a batch stopped by one operation (409, 404, 412) is returned for the
 * caller to adjust and run again.
 */
export async function runTransactionalBatch(
  container: Container,
  partitionKey: string,
  operations: readonly OperationInput[],
  what: string,
  retry: RetryPolicy,
): Promise<BatchOutcome> {
  if (operations.length > maxBatchOperations) {
    throw new Error(`A transactional batch holds at most ${String(maxBatchOperations)} operations`);
  }
  // The SDK retries a throttled batch itself and rethrows what is left as a plain error, which
  // becomes `unavailable` (503 to the client, who may send the same events again).
  const response = await withThrottleRetry(
    () => container.items.batch([...operations], partitionKey),
    retry,
  ).catch((error: unknown) => {
    throw toAppError(error, what);
  });
  const results = response.result ?? [];
  const failedIndex = results.findIndex(
    (result) => result.statusCode >= 400 && result.statusCode !== 424,
  );
  if (failedIndex >= 0) {
    const statusCode = results[failedIndex]?.statusCode ?? 0;
    if (statusCode === 429) {
      throw new AppError('throttled', 'The store is busy; try again shortly');
    }
    return { ok: false, failedIndex, statusCode };
  }
  if (results.length !== operations.length || results.some((result) => result.statusCode >= 400)) {
    throw new AppError('unavailable', `${what}: the store answered an incomplete batch`);
  }
  return { ok: true, results };
}
