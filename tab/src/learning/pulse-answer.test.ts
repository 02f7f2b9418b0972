import { describe, expect, it } from 'vitest';
import { answerText, checkMinutes, maxMinutes } from './pulse-answer.js';

describe('checkMinutes', () => {
  it('should accept whole minutes from 1 to the most the API takes, with spaces around', () => {
    expect(checkMinutes(' 45 ')).toEqual({ ok: true, minutes: 45 });
    expect(checkMinutes('1')).toEqual({ ok: true, minutes: 1 });
    expect(checkMinutes(String(maxMinutes))).toEqual({ ok: true, minutes: maxMinutes });
  });

  it('should refuse empty, fractional, negative and out-of-range minutes with a sentence', () => {
    for (const text of ['', '12.5', '-3', 'soon']) {
      expect(checkMinutes(text)).toEqual({
        ok: false,
        message: 'Enter the minutes it took as a whole number.',
      });
    }
    for (const text of ['0', String(maxMinutes + 1)]) {
      expect(checkMinutes(text)).toEqual({
        ok: false,
        message: `Enter a number of minutes from 1 to ${String(maxMinutes)}.`,
      });
    }
  });
});

describe('answerText', () => {
  it('should say what was recorded in words', () => {
    expect(answerText({ minutes: 1, aiHelped: true })).toBe('1 minute, and AI helped');
    expect(answerText({ minutes: 90, aiHelped: false })).toBe('90 minutes, and AI did not help');
  });
});
