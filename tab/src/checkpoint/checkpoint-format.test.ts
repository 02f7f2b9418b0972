import { describe, expect, it } from 'vitest';
import {
  formatBaseline,
  formatChangePct,
  formatMinutes,
  keyLabel,
  sortedDiagnosis,
  subjectText,
  wauChangeText,
  type Diagnosis,
} from './checkpoint-format.js';

const finding = (kind: Diagnosis['kind'], id: string): Diagnosis => ({
  kind,
  subject: { kind: 'department', id, name: id },
  finding: `${kind} finding`,
  lookAt: 'somewhere',
});

describe('checkpoint formats', () => {
  it('should show task minutes as minutes, then hours and minutes', () => {
    expect(formatMinutes(42.4)).toBe('42 min');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(undefined)).toBe('—');
  });

  it('should show the mapped estimate as the baseline, marked, until answers give one', () => {
    expect(formatBaseline({ mappedBaselineMinutes: 25 })).toBe('25 min (mapped)');
    expect(formatBaseline({ baselineMinutes: 40, mappedBaselineMinutes: 25 })).toBe('40 min');
    expect(formatBaseline({})).toBe('—');
  });

  it('should sign a change and say when there were too few answers', () => {
    expect(formatChangePct(-23.4)).toBe('−23%');
    expect(formatChangePct(5)).toBe('+5%');
    expect(formatChangePct(0.2)).toBe('No change');
    expect(formatChangePct(undefined)).toBe('Too few answers');
  });

  it('should give the change in points between start and now', () => {
    expect(wauChangeText(22, 71)).toBe('+49 pts');
    expect(wauChangeText(undefined, 71)).toBe('—');
  });

  it('should turn outcome and status keys into words', () => {
    expect(keyLabel('pushed-to-vendor')).toBe('Pushed to vendor');
    expect(keyLabel('new')).toBe('New');
  });
});

describe('sortedDiagnosis', () => {
  it('should put what needs work before what is on track, keeping the server order', () => {
    const sorted = sortedDiagnosis([
      finding('on-track', 'a'),
      finding('training', 'b'),
      finding('prompt', 'c'),
    ]);
    expect(sorted.map((item) => item.subject.id)).toEqual(['b', 'c', 'a']);
    expect(subjectText(sorted[0]?.subject ?? finding('training', 'x').subject)).toBe(
      'Department: b',
    );
  });
});
