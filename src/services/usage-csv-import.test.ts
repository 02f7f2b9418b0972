import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../contracts/adoption.js';
import { UsageCsvImport } from './usage-csv-import.js';
import type { UsageIngestPort } from './usage-ingest-port.js';

/** The ingest's contract in memory: idempotent by id; rejects events without a upn. */
class RecordingIngest implements UsageIngestPort {
  readonly batchSizes: number[] = [];
  private readonly ids = new Set<string>();

  async ingest(_tenantId: string, events: readonly unknown[]): Promise<IngestResult> {
    this.batchSizes.push(events.length);
    const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
    events.forEach((raw, index) => {
      const event = raw as { id: string; upn?: string };
      if (event.upn === undefined) result.rejected.push({ index, reason: 'upn: is required' });
      else if (this.ids.has(event.id)) result.duplicates += 1;
      else {
        this.ids.add(event.id);
        result.accepted += 1;
      }
    });
    return result;
  }
}

describe('UsageCsvImport', () => {
  it('should ingest 1,000 rows at a time and report each rejected row by its line', async () => {
    const rows = Array.from({ length: 2100 }, (_, index) =>
      index % 700 === 5
        ? `e-${String(index)},,2026-03-02T09:00:00Z`
        : `e-${String(index)},p${String(index)}@contoso.com,2026-03-02T09:00:00Z`,
    );
    const csv = ['id,upn,occurredAt', ...rows, 'bad,"x"y,2026-03-02'].join('\n');
    const ingest = new RecordingIngest();
    const importer = new UsageCsvImport({ usage: ingest });

    const result = await importer.import('contoso', csv);
    expect(ingest.batchSizes).toEqual([1000, 1000, 100]);
    expect(result).toEqual({
      rows: 2101,
      accepted: 2097,
      duplicates: 0,
      rejectedTotal: 4,
      rejected: [
        { line: 7, reason: 'upn: is required' },
        { line: 707, reason: 'upn: is required' },
        { line: 1407, reason: 'upn: is required' },
        { line: 2102, reason: 'not valid CSV: A quoted field must end at a comma or a line break' },
      ],
    });

    const again = await importer.import('contoso', csv);
    expect(again).toMatchObject({ accepted: 0, duplicates: 2097, rejectedTotal: 4 });
  });
});
