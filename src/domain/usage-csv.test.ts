import { describe, expect, it } from 'vitest';
import { isAppError } from './errors.js';
import { parseUsageCsv } from './usage-csv.js';

describe('reading a usage CSV', () => {
  it('should turn each row into an event with only the cells that have text, by line', () => {
    const csv = [
      'Occurred At,UPN,id,Tool,notes',
      '2026-03-02T09:30:00Z,ada@contoso.com,e-1,ChatGPT,first',
      '',
      '2026-03-02,,e-2,,"two',
      'lines"',
      '2026-03-03T10:00:00+01:00,ben@contoso.com,e-3,Claude,',
    ].join('\r\n');
    const parsed = parseUsageCsv(csv);
    expect(parsed.rowCount).toBe(3);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        event: {
          id: 'e-1',
          upn: 'ada@contoso.com',
          occurredAt: '2026-03-02T09:30:00Z',
          source: 'csv',
          tool: 'ChatGPT',
        },
      },
      { line: 4, event: { id: 'e-2', occurredAt: '2026-03-02T12:00:00Z', source: 'csv' } },
      {
        line: 6,
        event: {
          id: 'e-3',
          upn: 'ben@contoso.com',
          occurredAt: '2026-03-03T10:00:00+01:00',
          source: 'csv',
          tool: 'Claude',
        },
      },
    ]);
  });

  it('should take the source from its column and the user from userId', () => {
    const parsed = parseUsageCsv(
      '\uFEFFid,user_id,timestamp,source\nx,u-1,2026-03-02T09:00:00Z,ChatGPT\n',
    );
    expect(parsed.rows[0]?.event).toEqual({
      id: 'x',
      userId: 'u-1',
      occurredAt: '2026-03-02T09:00:00Z',
      source: 'ChatGPT',
    });
  });

  it('should reject a row that is not valid CSV by its line and keep the others', () => {
    const parsed = parseUsageCsv('id,upn,occurredAt\na,"x"y,2026-03-02\nb,b@c.d,2026-03-02\n');
    expect(parsed.rejected).toEqual([
      { line: 2, reason: 'not valid CSV: A quoted field must end at a comma or a line break' },
    ]);
    expect(parsed.rows.map((row) => row.line)).toEqual([3]);
  });

  it('should refuse a file without a header, an id, a time or a user column', () => {
    for (const [csv, field] of [
      ['', 'csv'],
      ['upn,occurredAt\na@b.c,2026-03-02', 'id'],
      ['id,upn\n1,a@b.c', 'occurredAt'],
      ['id,occurredAt,tool\n1,2026-03-02,x', 'upn'],
      ['id,id,upn,occurredAt\n', 'id'],
    ] as const) {
      expect(() => parseUsageCsv(csv), csv).toThrow(
        expect.toSatisfy(
          (error: unknown) => isAppError(error, 'invalid') && error.fieldErrors[0]?.field === field,
        ),
      );
    }
  });

  it('should refuse a file with more rows than it takes', () => {
    const csv = [
      'id,upn,occurredAt',
      'a,a@b.c,2026-03-02',
      'b,a@b.c,2026-03-02',
      'c,a@b.c,2026-03-02',
    ].join('\n');
    expect(parseUsageCsv(csv, 3).rowCount).toBe(3);
    expect(() => parseUsageCsv(csv, 2)).toThrow(/more than 2 rows/);
  });
});
