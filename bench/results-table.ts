// The benchmark table: from each benchmark's JSON line to the Markdown that bench/results.md and
// the README's "How fast" section show. Pure, so the table's wording and marks are tested alone.
import { checkTarget, type Figure, type Target, type Unit, type Verdict } from './targets.js';

export const blockStart = '<!-- bench:start -->';
export const blockEnd = '<!-- bench:end -->';

export interface BenchRun {
  readonly name: string;
  /** The process's exit code; null when it was ended by a signal. */
  readonly exitCode: number | null;
  /** The last JSON object the benchmark printed, if any. */
  readonly figures: Readonly<Record<string, unknown>> | undefined;
  readonly durationMs: number;
}

export interface Machine {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly memoryBytes: number;
  /** The operating system, distribution and kernel, as one phrase. */
  readonly os: string;
  readonly node: string;
}

export interface RunContext {
  readonly machine: Machine;
  readonly startedAt: Date;
  /** The short commit id, with a note when the work tree had changes. */
  readonly commit: string;
  readonly durationMs: number;
  /** The one-minute load average when the run started: other work on the machine skews timings. */
  readonly loadAverage: number;
  /** `BENCH_*` settings that changed the benchmarks' defaults, as `NAME=value`. */
  readonly overrides: readonly string[];
}

/** A benchmark failed when it exited other than 0 or printed no figures. */
export function benchFailed(run: BenchRun): boolean {
  return run.exitCode !== 0 || run.figures === undefined;
}

/** The last line of the output that is a JSON object: the benchmark's figures. */
export function lastJsonLine(output: string): Record<string, unknown> | undefined {
  const lines = output.split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]?.trim() ?? '';
    if (!line.startsWith('{')) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return parsed as Record<string, unknown>;
      }
    } catch {
      // A line that only looks like JSON (a log line, a torn write) is not the figures.
    }
  }
  return undefined;
}

const decimals = (value: number, most: number): string =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: most }).format(value);

export function formatValue(unit: Unit, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'no result';
  if (typeof unit === 'object') return `${decimals(value, 0)} ${unit.perSecond}/s`;
  switch (unit) {
    case 'ms':
      return `${decimals(value, Math.abs(value) < 1 ? 2 : 1)} ms`;
    case 'ms-as-s':
      return `${decimals(value / 1000, 1)} s`;
    case 's':
      return `${decimals(value, 1)} s`;
    case 'share':
      return `${decimals(value * 100, 1)}%`;
    case 'count':
    case 'yes-no':
      return decimals(value, 1);
  }
}

export function formatTarget(unit: Unit, target: Target | undefined): string {
  if (target === undefined) return '—';
  const value = formatValue(unit, target.value);
  if (target.kind === 'at-most') return `≤ ${value}`;
  if (target.kind === 'at-least') return `≥ ${value}`;
  return value;
}

const marks: Record<Verdict, string> = {
  met: '✅ met',
  missed: '❌ missed',
  'no result': '❌ no result',
  'no target': '',
};

export interface Row {
  readonly bench: string;
  readonly figure: Figure | undefined;
  readonly value: unknown;
  /** The total the value is a part of, for a figure with `outOf`. */
  readonly total?: unknown;
  readonly verdict: Verdict;
}

/** A row per listed figure of each benchmark that ran, in the order of the list. */
export function tableRows(listed: readonly Figure[], runs: readonly BenchRun[]): Row[] {
  const place = (run: BenchRun): number => {
    const at = listed.findIndex((figure) => figure.bench === run.name);
    return at === -1 ? listed.length : at;
  };
  return [...runs]
    .sort((a, b) => place(a) - place(b))
    .flatMap((run): Row[] => {
      const own = listed.filter((figure) => figure.bench === run.name);
      if (own.length === 0) {
        return [{ bench: run.name, figure: undefined, value: undefined, verdict: 'no target' }];
      }
      return own.map((figure) => {
        const value = run.figures?.[figure.key];
        const verdict = checkTarget(figure.target, value);
        return figure.outOf === undefined
          ? { bench: run.name, figure, value, verdict }
          : { bench: run.name, figure, value, total: run.figures?.[figure.outOf], verdict };
      });
    });
}

const cells = (values: readonly string[]): string => `| ${values.join(' | ')} |`;

export function renderTable(rows: readonly Row[]): string {
  const lines = [
    cells(['benchmark', 'figure', 'result', 'target', 'target set in', 'verdict']),
    cells(['---', '---', '---', '---', '---', '---']),
  ];
  rows.forEach((row, index) => {
    const name = rows[index - 1]?.bench === row.bench ? '' : `\`${row.bench}\``;
    const { figure } = row;
    if (figure === undefined) {
      lines.push(cells([name, 'no figures listed in `bench/targets.ts`', '', '', '', '']));
      return;
    }
    const result = formatValue(figure.unit, row.value);
    const total = figure.outOf === undefined ? undefined : formatValue(figure.unit, row.total);
    lines.push(
      cells([
        name,
        figure.label,
        total === undefined || result === 'no result' ? result : `${result} of ${total}`,
        formatTarget(figure.unit, figure.target),
        figure.target?.source ?? '—',
        figure.target === undefined ? '' : marks[row.verdict],
      ]),
    );
  });
  return lines.join('\n');
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${String(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${String(minutes)} min` : `${String(minutes)} min ${String(rest)} s`;
}

export function describeMachine(machine: Machine): string {
  const memoryGiB = decimals(machine.memoryBytes / 2 ** 30, 1);
  return `${String(machine.cpuCount)} × ${machine.cpuModel}, ${memoryGiB} GiB memory, ${machine.os}, Node ${machine.node}`;
}

function failure(run: BenchRun): string {
  if (run.exitCode === null) return `\`${run.name}\` was stopped before it finished`;
  if (run.exitCode !== 0) return `\`${run.name}\` exited with code ${String(run.exitCode)}`;
  return `\`${run.name}\` printed no figures`;
}

/** The block both files show: the machine and the run, the table, and any benchmark that failed. */
export function renderResults(
  context: RunContext,
  listed: readonly Figure[],
  runs: readonly BenchRun[],
): string {
  const rows = tableRows(listed, runs);
  const targets = rows.filter((row) => row.figure?.target !== undefined);
  const met = targets.filter((row) => row.verdict === 'met').length;
  const at = context.startedAt.toISOString();
  const times = runs.map((run) => `${run.name} ${formatDuration(run.durationMs)}`).join(', ');
  const lines = [
    `- **Machine:** ${describeMachine(context.machine)}`,
    `- **Run:** ${at.slice(0, 10)} ${at.slice(11, 16)} UTC, commit ${context.commit}, load average ${decimals(context.loadAverage, 1)} at the start, ${formatDuration(context.durationMs)} in all (${times})`,
  ];
  if (context.overrides.length > 0) {
    lines.push(
      `- **Changed from the defaults:** ${context.overrides.map((o) => `\`${o}\``).join(', ')}`,
    );
  }
  lines.push(`- **Targets met:** ${String(met)} of ${String(targets.length)}`);
  const failed = runs.filter(benchFailed);
  if (failed.length > 0) lines.push(`- **Failed:** ${failed.map(failure).join('; ')}`);
  return [lines.join('\n'), renderTable(rows)].join('\n\n');
}

export function renderResultsFile(block: string): string {
  return [
    '# Benchmark results',
    '',
    '`npm run bench` writes this file, and the same table into the README, after running every',
    'benchmark; edits by hand are overwritten. The targets and where each was set are in',
    '`bench/targets.ts`.',
    '',
    blockStart,
    '',
    block.trim(),
    '',
    blockEnd,
    '',
  ].join('\n');
}

function markerPositions(document: string): { start: number; end: number } {
  const start = document.indexOf(blockStart);
  const end = document.indexOf(blockEnd);
  const once = (marker: string, at: number): boolean =>
    at >= 0 && document.indexOf(marker, at + marker.length) === -1;
  if (!once(blockStart, start) || !once(blockEnd, end) || end < start) {
    throw new Error(`Expected ${blockStart} and then ${blockEnd}, each exactly once`);
  }
  return { start: start + blockStart.length, end };
}

/** The document with what lies between the markers replaced by the block; the rest unchanged. */
export function replaceMarkedBlock(document: string, block: string): string {
  const { start, end } = markerPositions(document);
  return `${document.slice(0, start)}\n\n${block.trim()}\n\n${document.slice(end)}`;
}

export function markedBlock(document: string): string {
  const { start, end } = markerPositions(document);
  return document.slice(start, end).trim();
}
