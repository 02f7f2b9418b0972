import { maxUsageEventsPerBatch } from '../contracts/adoption.js';
import { maxListedRejections, type UsageCsvImportResult } from '../contracts/usage-data.js';
import { parseUsageCsv } from '../domain/usage-csv.js';
import type { UsageIngestPort } from './usage-ingest-port.js';

/**
 * `POST /api/usage-events/import`: a usage CSV into the usage stream, through the same ingest as the
 * API, 1,000 rows at a time. Good rows are recorded (once, by id) even when others are rejected;
 * each rejected row is reported with its line, so the file can be fixed and sent again as a whole.
 */
export class UsageCsvImport {
  constructor(private readonly ports: { readonly usage: UsageIngestPort }) {}

  async import(tenantId: string, csv: string): Promise<UsageCsvImportResult> {
    const parsed = parseUsageCsv(csv);
    const rejected = [...parsed.rejected];
    let accepted = 0;
    let duplicates = 0;
    for (let start = 0; start < parsed.rows.length; start += maxUsageEventsPerBatch) {
      const chunk = parsed.rows.slice(start, start + maxUsageEventsPerBatch);
      const result = await this.ports.usage.ingest(
        tenantId,
        chunk.map((row) => row.event),
      );
      accepted += result.accepted;
      duplicates += result.duplicates;
      for (const rejection of result.rejected) {
        rejected.push({ line: chunk[rejection.index]?.line ?? 0, reason: rejection.reason });
      }
    }
    rejected.sort((a, b) => a.line - b.line);
    return {
      rows: parsed.rowCount,
      accepted,
      duplicates,
      rejectedTotal: rejected.length,
      rejected: rejected.slice(0, maxListedRejections),
    };
  }
}
