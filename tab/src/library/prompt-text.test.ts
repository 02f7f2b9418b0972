import { describe, expect, it } from 'vitest';
import { formatDateTime, namesFor, snippet, usageText } from './prompt-text.js';

describe('snippet', () => {
  it('should keep a short body whole, with its whitespace collapsed', () => {
    expect(snippet('Write a\n\n  summary.')).toBe('Write a summary.');
  });

  it('should cut a long body at a word and mark the cut', () => {
    const text = snippet('alpha beta gamma delta epsilon', 18);
    expect(text).toBe('alpha beta gamma…');
  });
});

describe('usageText', () => {
  it('should say how often a prompt was used in words', () => {
    expect(usageText(0)).toBe('Not used yet');
    expect(usageText(1)).toBe('Used once');
    expect(usageText(1200)).toBe('Used 1,200 times');
  });
});

describe('formatDateTime', () => {
  it('should leave a value that is not a date as it is', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
    expect(formatDateTime('2026-03-02T10:00:00Z', 'en-GB')).toContain('2026');
  });
});

describe('namesFor', () => {
  it('should name known ids and keep unknown ones', () => {
    expect(namesFor(['a', 'z'], [{ id: 'a', name: 'Alpha' }])).toEqual(['Alpha', 'z']);
  });
});
