import { describe, expect, it } from 'vitest';
import { changedFieldsText, diffRows, diffSummary } from './diff-rows.js';

describe('diffRows', () => {
  it('should mark added and removed lines with a text prefix and a label, not only colour', () => {
    const rows = diffRows([
      { kind: 'same', text: 'Dear {{client}},' },
      { kind: 'removed', text: 'Old line' },
      { kind: 'added', text: 'New line' },
    ]);
    expect(rows.map((row) => [row.prefix, row.label, row.text])).toEqual([
      [' ', 'Unchanged', 'Dear {{client}},'],
      ['\u2212', 'Removed', 'Old line'],
      ['+', 'Added', 'New line'],
    ]);
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);
  });
});

describe('diffSummary', () => {
  it('should count the added and removed lines', () => {
    expect(
      diffSummary([
        { kind: 'added', text: 'a' },
        { kind: 'added', text: 'b' },
        { kind: 'removed', text: 'c' },
      ]),
    ).toBe('2 lines added, 1 removed.');
    expect(diffSummary([{ kind: 'removed', text: 'c' }])).toBe('1 line removed.');
    expect(diffSummary([{ kind: 'same', text: 'c' }])).toBe('The text did not change.');
  });
});

describe('changedFieldsText', () => {
  it('should name the changed fields in words', () => {
    expect(changedFieldsText(['title', 'body', 'tags'])).toBe('Changed: title, text, and tags.');
    expect(changedFieldsText([])).toBe('Nothing changed between these versions.');
  });
});
