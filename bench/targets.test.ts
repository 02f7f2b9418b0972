import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTarget, figures } from './targets.js';

const folder = import.meta.dirname;
const benches = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/u, ''));

describe('checkTarget', () => {
  it('should meet an at-most target at the limit and miss it above', () => {
    const target = { kind: 'at-most', value: 50, source: 'issue 4' } as const;
    expect(checkTarget(target, 50)).toBe('met');
    expect(checkTarget(target, 12.5)).toBe('met');
    expect(checkTarget(target, 50.1)).toBe('missed');
  });

  it('should meet an at-least target at the limit and miss it below', () => {
    const target = { kind: 'at-least', value: 0.9, source: 'issue 5' } as const;
    expect(checkTarget(target, 0.9)).toBe('met');
    expect(checkTarget(target, 0.95)).toBe('met');
    expect(checkTarget(target, 0.899)).toBe('missed');
  });

  it('should meet an exact target only with the same value and type', () => {
    expect(checkTarget({ kind: 'exactly', value: 0, source: 'issue 5' }, 0)).toBe('met');
    expect(checkTarget({ kind: 'exactly', value: 0, source: 'issue 5' }, 1)).toBe('missed');
    expect(checkTarget({ kind: 'exactly', value: true, source: 'issue 7' }, true)).toBe('met');
    expect(checkTarget({ kind: 'exactly', value: true, source: 'issue 7' }, false)).toBe('missed');
    expect(checkTarget({ kind: 'at-most', value: 1, source: 'issue 7' }, true)).toBe('missed');
  });

  it('should call a missing, null or non-numeric figure no result rather than a miss', () => {
    const target = { kind: 'at-most', value: 50, source: 'issue 4' } as const;
    expect(checkTarget(target, undefined)).toBe('no result');
    // JSON turns Infinity and NaN into null.
    expect(checkTarget(target, null)).toBe('no result');
    expect(checkTarget(target, '12')).toBe('no result');
    expect(checkTarget(undefined, undefined)).toBe('no result');
  });

  it('should say no target for a measured figure without one', () => {
    expect(checkTarget(undefined, 2_300)).toBe('no target');
  });
});

describe('the listed figures', () => {
  it('should list figures for every benchmark and only for benchmarks that exist', () => {
    expect(benches.length).toBeGreaterThan(0);
    expect(new Set(figures.map((figure) => figure.bench))).toEqual(new Set(benches));
  });

  it('should name only keys that the benchmark prints', () => {
    for (const figure of figures) {
      const source = readFileSync(path.join(folder, `${figure.bench}.bench.ts`), 'utf8');
      // The keys are written in the object the benchmark prints, as `key:` or shorthand `key,`.
      for (const key of [figure.key, figure.outOf].filter((k) => k !== undefined)) {
        expect(source, `${figure.bench}.${key}`).toMatch(new RegExp(`\\b${key}\\b\\s*[:,]`, 'u'));
      }
    }
  });

  it('should give each target a source in the design or an issue', () => {
    for (const figure of figures) {
      if (figure.target === undefined) continue;
      expect(figure.target.source, figure.key).toMatch(/^(issue \d+|DESIGN\.md)/u);
    }
  });

  it('should hold each benchmark to at least one target', () => {
    const held = new Set(figures.filter((f) => f.target !== undefined).map((f) => f.bench));
    // The storage figures are reported for comparison: no issue or design section set one.
    expect([...benches].filter((bench) => !held.has(bench))).toEqual(['storage']);
  });

  it('should not list a figure twice', () => {
    const keys = figures.map((figure) => `${figure.bench}.${figure.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
