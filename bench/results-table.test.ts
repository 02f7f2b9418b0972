import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blockEnd,
  blockStart,
  type BenchRun,
  formatDuration,
  formatTarget,
  formatValue,
  lastJsonLine,
  markedBlock,
  renderResults,
  renderResultsFile,
  renderTable,
  replaceMarkedBlock,
  type RunContext,
  tableRows,
} from './results-table.js';
import type { Figure } from './targets.js';

const listed: readonly Figure[] = [
  {
    bench: 'search',
    key: 'p95Ms',
    label: 'p95',
    unit: 'ms',
    target: { kind: 'at-most', value: 50, source: 'issue 4, acceptance 4' },
  },
  { bench: 'search', key: 'withResults', label: 'with results', unit: 'count', outOf: 'requests' },
  { bench: 'search', key: 'baselineP95Ms', label: 'baseline p95', unit: 'ms' },
  {
    bench: 'delivery',
    key: 'rateShare',
    label: 'rate share',
    unit: 'share',
    target: { kind: 'at-least', value: 0.9, source: 'issue 5, acceptance 3' },
  },
];

const run = (
  name: string,
  figures: BenchRun['figures'],
  exitCode: number | null = 0,
): BenchRun => ({
  name,
  exitCode,
  figures,
  durationMs: 61_400,
});

const context: RunContext = {
  machine: {
    cpuModel: 'Example CPU @ 2.20GHz',
    cpuCount: 2,
    memoryBytes: 8 * 2 ** 30,
    os: 'Debian GNU/Linux 12 (bookworm) (Linux 6.1.0)',
    node: 'v20.19.4',
  },
  startedAt: new Date('2026-05-01T10:22:33Z'),
  commit: '`33056e8`',
  durationMs: 460_000,
  loadAverage: 0.42,
  overrides: [],
};

describe('lastJsonLine', () => {
  it('should take the last JSON object line and skip log lines around it', () => {
    const output = [
      '{"bench":"search","p95Ms":1}',
      'search bench: done',
      '{"bench":"search","p95Ms":24.4}',
      '{ torn',
      '[1,2]',
      '',
    ].join('\n');
    expect(lastJsonLine(output)).toEqual({ bench: 'search', p95Ms: 24.4 });
  });

  it('should find nothing in output without a JSON object', () => {
    expect(lastJsonLine('starting\nTypeError: boom\n')).toBeUndefined();
    expect(lastJsonLine('')).toBeUndefined();
  });
});

describe('formatValue and formatTarget', () => {
  it('should show each unit as a reader expects', () => {
    expect(formatValue('ms', 24.44)).toBe('24.4 ms');
    expect(formatValue('ms', 0.614)).toBe('0.61 ms');
    expect(formatValue('ms-as-s', 27_240)).toBe('27.2 s');
    expect(formatValue('s', 21.12)).toBe('21.1 s');
    expect(formatValue('share', 0.947)).toBe('94.7%');
    expect(formatValue('count', 10_000)).toBe('10,000');
    expect(formatValue('yes-no', true)).toBe('yes');
    expect(formatValue({ perSecond: 'events' }, 4_127.4)).toBe('4,127 events/s');
    expect(formatValue('ms', null)).toBe('no result');
  });

  it('should show targets with their comparison in the figure unit', () => {
    expect(formatTarget('ms-as-s', { kind: 'at-most', value: 60_000, source: 'issue 3' })).toBe(
      '≤ 60 s',
    );
    expect(formatTarget('share', { kind: 'at-least', value: 0.9, source: 'issue 5' })).toBe(
      '≥ 90%',
    );
    expect(formatTarget('count', { kind: 'exactly', value: 0, source: 'issue 5' })).toBe('0');
    expect(formatTarget('ms', undefined)).toBe('—');
  });

  it('should show durations in minutes and seconds', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(461_000)).toBe('7 min 41 s');
  });
});

describe('renderTable', () => {
  it('should mark met and missed targets, leave figures without one unmarked, in list order', () => {
    const table = renderTable(
      tableRows(listed, [
        run('delivery', { rateShare: 0.85 }),
        run('search', { p95Ms: 24.4, withResults: 4_800, requests: 4_818, baselineP95Ms: 443 }),
      ]),
    );
    expect(table.split('\n')).toEqual([
      '| benchmark | figure | result | target | target set in | verdict |',
      '| --- | --- | --- | --- | --- | --- |',
      '| `search` | p95 | 24.4 ms | ≤ 50 ms | issue 4, acceptance 4 | ✅ met |',
      '|  | with results | 4,800 of 4,818 | — | — |  |',
      '|  | baseline p95 | 443 ms | — | — |  |',
      '| `delivery` | rate share | 85% | ≥ 90% | issue 5, acceptance 3 | ❌ missed |',
    ]);
  });

  it('should show no result for each figure of a benchmark that printed none', () => {
    const table = renderTable(tableRows(listed, [run('search', undefined, 1)]));
    expect(table).toContain(
      '| `search` | p95 | no result | ≤ 50 ms | issue 4, acceptance 4 | ❌ no result |',
    );
    expect(table).toContain('|  | baseline p95 | no result | — | — |  |');
  });

  it('should show a benchmark that has no listed figures rather than drop it', () => {
    const table = renderTable(tableRows(listed, [run('fresh', { anything: 1 })]));
    expect(table).toContain('| `fresh` | no figures listed in `bench/targets.ts` |');
  });
});

describe('renderResults', () => {
  it('should name the machine, the date, the commit, the run time and the targets met', () => {
    const block = renderResults(context, listed, [
      run('search', { p95Ms: 24.4, withResults: 1, requests: 1, baselineP95Ms: 443 }),
      run('delivery', { rateShare: 0.95 }),
    ]);
    expect(block).toContain(
      '- **Machine:** 2 × Example CPU @ 2.20GHz, 8 GiB memory, Debian GNU/Linux 12 (bookworm) (Linux 6.1.0), Node v20.19.4',
    );
    expect(block).toContain(
      '- **Run:** 2026-05-01 10:22 UTC, commit `33056e8`, load average 0.4 at the start, 7 min 40 s in all (search 1 min 1 s, delivery 1 min 1 s)',
    );
    expect(block).toContain('- **Targets met:** 2 of 2');
    expect(block).not.toContain('Failed');
    expect(block).not.toContain('Changed from the defaults');
  });

  it('should list the benchmarks that failed and the settings that changed the defaults', () => {
    const block = renderResults({ ...context, overrides: ['BENCH_SECONDS=5'] }, listed, [
      run('search', { p95Ms: 80 }, 1),
      run('delivery', undefined, null),
    ]);
    expect(block).toContain('- **Changed from the defaults:** `BENCH_SECONDS=5`');
    expect(block).toContain('- **Targets met:** 0 of 2');
    expect(block).toContain(
      '- **Failed:** `search` exited with code 1; `delivery` was stopped before it finished',
    );
  });
});

describe('replaceMarkedBlock', () => {
  const readme = `# Title\n\n## How fast\n\nProse.\n\n${blockStart}\n\nold table\n\n${blockEnd}\n\n## Next\n`;

  it('should replace only what lies between the markers', () => {
    expect(replaceMarkedBlock(readme, 'new table\n')).toBe(
      `# Title\n\n## How fast\n\nProse.\n\n${blockStart}\n\nnew table\n\n${blockEnd}\n\n## Next\n`,
    );
  });

  it('should give the same document when the same block is written twice', () => {
    const once = replaceMarkedBlock(readme, 'new table');
    expect(replaceMarkedBlock(once, 'new table')).toBe(once);
    expect(markedBlock(once)).toBe('new table');
  });

  it('should refuse a document with a marker missing, repeated or out of order', () => {
    expect(() => replaceMarkedBlock('# Title\n', 'x')).toThrow(/exactly once/u);
    expect(() => replaceMarkedBlock(`${readme}\n${blockStart}\n`, 'x')).toThrow(/exactly once/u);
    expect(() => replaceMarkedBlock(`${blockEnd}\n${blockStart}\n`, 'x')).toThrow(/exactly once/u);
  });
});

describe('the written files', () => {
  it('should show the same block in the README as in bench/results.md', () => {
    const root = path.dirname(import.meta.dirname);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const results = readFileSync(path.join(import.meta.dirname, 'results.md'), 'utf8');
    expect(markedBlock(readme)).toMatch(/^\| benchmark +\| figure +\|/mu);
    expect(markedBlock(readme)).toBe(markedBlock(results));
  });

  it('should put the block inside the results file', () => {
    expect(markedBlock(renderResultsFile('the block\n'))).toBe('the block');
  });
});
