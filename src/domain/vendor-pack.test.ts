import { describe, expect, it } from 'vitest';
import type { Flag, Improvement } from '../contracts/feedback.js';
import { parseCsv } from './csv.js';
import { buildVendorPack, redactedName, vendorPackCsv } from './vendor-pack.js';

const base = {
  tenantId: 't',
  type: 'flag' as const,
  source: 'message-action' as const,
  category: 'wrong' as const,
  expected: 'The real figure',
  outputText: '=SUM(A1:A9) grew 400%',
  flaggedBy: 'u1',
  flaggedByName: 'Ada Lovelace',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
};
const escalated: Flag = {
  ...base,
  id: 'f1',
  state: 'resolved',
  resolvedAt: '2026-11-21T10:00:00.000Z',
  resolution: { action: 'escalated-to-vendor', vendor: 'Contoso AI', reference: 'CASE-1' },
};
const dismissed: Flag = {
  ...base,
  id: 'f2',
  state: 'resolved',
  resolution: { action: 'dismissed', note: 'As intended' },
};
const pushed: Improvement = {
  id: 'i1',
  tenantId: 't',
  type: 'improvement',
  title: 'Pull figures from the tracker',
  detail: '',
  suggestedBy: 'u2',
  suggestedByName: 'Grace Hopper',
  status: 'pushed-to-vendor',
  vendor: 'Contoso AI',
  createdAt: '2026-11-19T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

describe('the vendor pack', () => {
  it('should hold escalated flags and pushed improvements only', () => {
    const pack = buildVendorPack(
      [escalated, dismissed],
      [pushed, { ...pushed, id: 'i2', status: 'planned' }],
      {
        redactNames: false,
      },
    );
    expect(pack.flags.map((flag) => flag.id)).toEqual(['f1']);
    expect(pack.flags[0]).toMatchObject({
      vendor: 'Contoso AI',
      escalatedOn: '2026-11-21',
      raisedBy: 'Ada Lovelace',
    });
    expect(pack.improvements.map((improvement) => improvement.id)).toEqual(['i1']);
  });

  it('should withhold names on request, and keep a spreadsheet from running cells as formulas', () => {
    const pack = buildVendorPack([escalated], [pushed], { redactNames: true });
    const csv = vendorPackCsv(pack);
    expect(csv).not.toContain('Ada');
    expect(csv).not.toContain('Grace');
    const rows = parseCsv(csv, { maxRows: 10 });
    expect(rows[1]?.[10]).toBe(redactedName);
    expect(rows[1]?.[3]?.startsWith('=')).toBe(false);
  });
});
