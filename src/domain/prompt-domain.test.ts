import { describe, expect, it } from 'vitest';
import type { Identity } from '../contracts/identity.js';
import { CsvError, parseCsv, toCsv } from './csv.js';
import { canSee, checkTransition, nextStatuses } from './prompt-lifecycle.js';
import { diffLines } from './text-diff.js';

const owner: Identity = { tenantId: 't', userId: 'owner', roles: ['member'] };
const stranger: Identity = { tenantId: 't', userId: 'someone', roles: ['member'] };
const champion: Identity = { tenantId: 't', userId: 'champ', roles: ['member', 'champion'] };

describe('the prompt lifecycle', () => {
  it('should let the owner submit a draft but not publish it alone', () => {
    const draft = { ownerId: 'owner', status: 'draft' as const };
    expect(checkTransition(owner, draft, 'in-review')).toEqual({ allowed: true });
    expect(checkTransition(owner, draft, 'published')).toMatchObject({
      allowed: false,
      kind: 'invalid',
    });
  });

  it('should let the owner or a champion review, and nobody else', () => {
    const proposal = { ownerId: 'owner', status: 'in-review' as const };
    expect(nextStatuses(owner, proposal)).toEqual(['published', 'draft']);
    expect(nextStatuses(champion, proposal)).toEqual(['published', 'draft']);
    expect(checkTransition(stranger, proposal, 'published')).toMatchObject({
      allowed: false,
      kind: 'forbidden',
    });
  });

  it('should retire and restore published prompts', () => {
    expect(nextStatuses(champion, { ownerId: 'x', status: 'published' })).toEqual([
      'retired',
      'in-review',
    ]);
    expect(nextStatuses(champion, { ownerId: 'x', status: 'retired' })).toEqual(['published']);
  });

  it('should show unpublished prompts only to their owner and curators', () => {
    const proposal = { ownerId: 'owner', status: 'in-review' as const };
    expect(canSee(owner, proposal)).toBe(true);
    expect(canSee(champion, proposal)).toBe(true);
    expect(canSee(stranger, proposal)).toBe(false);
    expect(canSee(stranger, { ...proposal, status: 'published' })).toBe(true);
  });
});

describe('diffLines', () => {
  it('should keep shared lines and mark removed and added ones in order', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('should report no changes for equal texts', () => {
    expect(diffLines('x\ny', 'x\ny').every((line) => line.kind === 'same')).toBe(true);
  });
});

describe('CSV', () => {
  it('should round-trip commas, quotes, line breaks and unicode', () => {
    const rows = [['a,b', 'say "hi"', 'two\nlines', 'café ✓']];
    const text = toCsv(['one', 'two', 'three', 'four'], rows);
    expect(parseCsv(text, { maxRows: 10 })).toEqual([['one', 'two', 'three', 'four'], ...rows]);
  });

  it('should defuse cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2'], ['@a']])).toBe(
      'x\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+1\r\n\'-2\r\n\'@a\r\n',
    );
  });

  it('should reject unterminated and stray quotes with the line', () => {
    expect(() => parseCsv('a,"b\nc', { maxRows: 10 })).toThrow(CsvError);
    expect(() => parseCsv('a,b"c"\n', { maxRows: 10 })).toThrow(/quote may only open/);
  });

  it('should refuse more rows than allowed', () => {
    expect(() => parseCsv('a\nb\nc\n', { maxRows: 2 })).toThrow(/More than 2 rows/);
  });

  it('should skip a byte order mark and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\nc,d', { maxRows: 10 })).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
