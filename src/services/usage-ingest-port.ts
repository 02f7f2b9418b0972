import type { IngestResult } from '../contracts/adoption.js';

/**
 * The usage stream's ingest as the imports need it (`UsageIngest` in usage-ingest.ts): checks
 * each event, resolves its person on the roster, skips ids it has seen, at most 1,000 per call.
 */
export interface UsageIngestPort {
  ingest(tenantId: string, events: readonly unknown[]): Promise<IngestResult>;
}
