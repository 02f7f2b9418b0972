import { describe, expect, it } from 'vitest';
import {
  copilotImportSummary,
  csvImportSummary,
  keyStatus,
  unlistedRejections,
} from './usage-data-text.js';

describe('usage data texts', () => {
  it('should sum up a CSV import and say how many rejections the list leaves out', () => {
    const result = {
      rows: 1200,
      accepted: 1,
      duplicates: 0,
      rejectedTotal: 502,
      rejected: Array.from({ length: 500 }, (_, index) => ({ line: index + 2, reason: 'x' })),
    };
    expect(csvImportSummary(result)).toBe(
      'Read 1,200 rows: 1 event recorded, 0 already recorded before, 502 rejected.',
    );
    expect(unlistedRejections(result)).toBe('…and 2 more rejected rows.');
    expect(unlistedRejections({ ...result, rejectedTotal: 500 })).toBeUndefined();
  });

  it('should sum up a Copilot import with its refresh date', () => {
    expect(
      copilotImportSummary({
        period: 'D7',
        reportRefreshDate: '2026-03-01',
        pages: 1,
        users: 1,
        concealed: 1,
        events: 3,
        accepted: 2,
        duplicates: 1,
        rejected: 0,
        rejectedExamples: [],
      }),
    ).toBe(
      'Read 1 page of the report (refreshed 2026-03-01): 1 person, 3 usage events; 2 recorded, 1 already recorded before, 0 rejected, 1 concealed name skipped.',
    );
  });

  it('should tell a revoked key from an active one', () => {
    expect(keyStatus({})).toBe('active');
    expect(keyStatus({ revokedAt: '2026-03-01T00:00:00Z' })).toBe('revoked');
  });
});
