// The figures the benchmark table shows and the targets they are held to, in one place. Each
// target names where it was agreed, so the table never shows a target that nobody set.

/** How a figure reads in the table. `ms-as-s` is a figure in milliseconds shown in seconds. */
export type Unit =
  'ms' | 's' | 'ms-as-s' | 'count' | 'share' | 'yes-no' | { readonly perSecond: string };

export type Target =
  | { readonly kind: 'at-most' | 'at-least'; readonly value: number; readonly source: string }
  | { readonly kind: 'exactly'; readonly value: number | boolean; readonly source: string };

export interface Figure {
  /** The benchmark, as in `bench/<bench>.bench.ts`. */
  readonly bench: string;
  /** The figure's key in the JSON line the benchmark prints. */
  readonly key: string;
  readonly label: string;
  readonly unit: Unit;
  /** The key of the total this figure is a part of, shown beside it: "4,818 of 4,818". */
  readonly outOf?: string;
  /** Figures without one are shown for comparison: capacity, baselines, durations. */
  readonly target?: Target;
}

export type Verdict = 'met' | 'missed' | 'no target' | 'no result';

const issue3 = 'issue 3, acceptance 2';
const issue4 = 'issue 4, acceptance 4';
const issue5 = 'issue 5, acceptance 3';
const issue7 = 'issue 7, acceptance 4';

export const figures: readonly Figure[] = [
  {
    bench: 'startup',
    key: 'firstStartWithDemoSeedMs',
    label: 'first start to `/healthz` 200, seeding the demo tenant (build already done)',
    unit: 'ms-as-s',
    target: { kind: 'at-most', value: 60_000, source: issue3 },
  },
  {
    bench: 'startup',
    key: 'warmRestartMs',
    label: 'warm restart to `/healthz` 200',
    unit: 'ms-as-s',
    target: { kind: 'at-most', value: 10_000, source: issue3 },
  },
  {
    bench: 'storage',
    key: 'pointReadPerSecond',
    label: 'point reads, one at a time',
    unit: { perSecond: 'reads' },
  },
  { bench: 'storage', key: 'pointReadP95Ms', label: 'point read p95', unit: 'ms' },
  {
    bench: 'storage',
    key: 'replaceWithEtagPerSecond',
    label: 'reads and replaces with `If-Match`',
    unit: { perSecond: 'requests' },
  },
  {
    bench: 'search',
    key: 'p95Ms',
    label: 'p95, 50 clients pausing 300 ms between queries, 10,000 prompts',
    unit: 'ms',
    target: { kind: 'at-most', value: 50, source: issue4 },
  },
  { bench: 'search', key: 'p99Ms', label: 'p99, same load', unit: 'ms' },
  {
    bench: 'search',
    key: 'throughputPerS',
    label: 'queries answered, same load',
    unit: { perSecond: 'queries' },
  },
  {
    bench: 'search',
    key: 'withResults',
    label: 'queries answered with results, same load',
    unit: 'count',
    outOf: 'requests',
  },
  { bench: 'search', key: 'saturatedP95Ms', label: 'p95, clients without pauses', unit: 'ms' },
  {
    bench: 'search',
    key: 'baselineP95Ms',
    label: 'p95 of a Cosmos DB `CONTAINS` query instead (baseline)',
    unit: 'ms',
  },
  {
    bench: 'delivery',
    key: 'delivered',
    label: 'weekly lessons delivered, of 10,000, 10% of sends answered 429',
    unit: 'count',
    target: { kind: 'exactly', value: 10_000, source: issue5 },
  },
  {
    bench: 'delivery',
    key: 'duplicates',
    label: 'lessons delivered twice',
    unit: 'count',
    target: { kind: 'exactly', value: 0, source: issue5 },
  },
  {
    bench: 'delivery',
    key: 'lost',
    label: 'lessons lost',
    unit: 'count',
    target: { kind: 'exactly', value: 0, source: issue5 },
  },
  {
    bench: 'delivery',
    key: 'rateShare',
    label: 'deliveries a second, as a share of the 500/s tenant rate (two instances)',
    unit: 'share',
    target: { kind: 'at-least', value: 0.9, source: issue5 },
  },
  {
    bench: 'delivery',
    key: 'durationS',
    label: 'first send to last delivery',
    unit: 's',
  },
  {
    bench: 'ingest',
    key: 'eventsPerS',
    label: 'usage events ingested over HTTP, 100,000 in batches of 1,000',
    unit: { perSecond: 'events' },
    target: { kind: 'at-least', value: 2_000, source: issue7 },
  },
  {
    bench: 'ingest',
    key: 'lost',
    label: 'events lost',
    unit: 'count',
    target: { kind: 'exactly', value: 0, source: issue7 },
  },
  {
    bench: 'ingest',
    key: 'doubleCounted',
    label: 'events counted twice, a tenth of the batches replayed',
    unit: 'count',
    target: { kind: 'exactly', value: 0, source: 'DESIGN.md, Storage: a replay is a no-op' },
  },
  {
    bench: 'ingest',
    key: 'recomputeDifferences',
    label: 'rollups that differ from a recompute from the raw events',
    unit: 'count',
    target: { kind: 'exactly', value: 0, source: 'issue 8: rollups equal a recompute' },
  },
  {
    bench: 'scoreboard',
    key: 'p95Ms',
    label: '`GET /api/scoreboard?weeks=26` p95 at 100,000 people',
    unit: 'ms',
    target: { kind: 'at-most', value: 100, source: issue7 },
  },
  {
    bench: 'scoreboard',
    key: 'requestsPerCall',
    label: 'Cosmos DB requests a call',
    unit: 'count',
  },
  {
    bench: 'scoreboard',
    key: 'equal',
    label: 'same figures as a scan of the raw events',
    unit: 'yes-no',
    target: { kind: 'exactly', value: true, source: 'issue 7: the baseline, checked equal' },
  },
  {
    bench: 'scoreboard',
    key: 'baselineP95Ms',
    label: 'p95 of that scan (baseline)',
    unit: 'ms-as-s',
  },
];

/** Whether a measured value meets its target; a value that is not a finite number or a boolean is no result. */
export function checkTarget(target: Target | undefined, value: unknown): Verdict {
  const measured =
    typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  if (!measured) return 'no result';
  if (target === undefined) return 'no target';
  switch (target.kind) {
    case 'at-most':
      return typeof value === 'number' && value <= target.value ? 'met' : 'missed';
    case 'at-least':
      return typeof value === 'number' && value >= target.value ? 'met' : 'missed';
    case 'exactly':
      return value === target.value ? 'met' : 'missed';
  }
}
