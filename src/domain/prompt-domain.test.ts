import { describe, expect, it } from 'vitest';
import type { Identity } from '../contracts/identity.js';
import { CsvError, parseCsv, toCsv } from './csv.js';
import { canSee, checkTransition, nextStatuses } from './prompt-lifecycle.js';
import { diffLines } from './text-diff.js';

const owner: Identity = { tenantId: 't', userId: 'owner', roles: ['member'] };
const stranger: Identity = { tenantId: 't', userId: 'someone', roles: ['member'] };
const champion: Identity = { tenantId: 't', userId: 'champ', roles: ['member', 'champion'] };

describe('the prompt lifecycle', () => {
  const mine = (status: 'draft' | 'in-review' | 'published' | 'retired') => ({
    ownerId: 'owner',
    createdBy: 'owner',
    status,
  });

  it('should let the owner submit a draft but not publish it alone', () => {
    expect(checkTransition(owner, mine('draft'), 'in-review')).toEqual({ allowed: true });
    expect(checkTransition(owner, mine('draft'), 'published')).toMatchObject({
      allowed: false,
      kind: 'invalid',
    });
  });

  it('should not let proposers publish their own proposal, but a champion can', () => {
    expect(nextStatuses(owner, mine('in-review'))).toEqual(['draft']);
    expect(nextStatuses(champion, mine('in-review'))).toEqual(['published', 'draft']);
    expect(checkTransition(stranger, mine('in-review'), 'published')).toMatchObject({
      allowed: false,
      kind: 'forbidden',
    });
  });

  it('should let an owner review a proposal someone else made for them', () => {
    expect(nextStatuses(owner, { ...mine('in-review'), createdBy: 'someone' })).toEqual([
      'published',
      'draft',
    ]);
  });

  it('should let owners and champions retire and restore published prompts', () => {
    expect(nextStatuses(owner, mine('published'))).toEqual(['retired', 'in-review']);
    expect(nextStatuses(champion, mine('retired'))).toEqual(['published']);
    expect(nextStatuses(stranger, mine('published'))).toEqual([]);
  });

  it('should show unpublished prompts only to their owner and curators', () => {
    expect(canSee(owner, mine('in-review'))).toBe(true);
    expect(canSee(champion, mine('in-review'))).toBe(true);
    expect(canSee(stranger, mine('in-review'))).toBe(false);
    expect(canSee(stranger, mine('published'))).toBe(true);
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
