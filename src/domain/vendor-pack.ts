import type { Flag, Improvement } from '../contracts/feedback.js';
import { toCsv } from './csv.js';

/**
 * What goes to the AI vendor: flags escalated to them and improvements pushed to them, with the
 * people's names left out on request (the vendor needs the problem, not who had it).
 */
export interface VendorPack {
  readonly flags: readonly {
    readonly id: string;
    readonly category: string;
    readonly output: string;
    readonly expected: string;
    readonly vendor: string;
    readonly reference: string;
    readonly escalatedOn: string;
    readonly note: string;
    readonly promptId: string;
    readonly raisedBy: string;
    readonly raisedAt: string;
  }[];
  readonly improvements: readonly {
    readonly id: string;
    readonly title: string;
    readonly detail: string;
    readonly vendor: string;
    readonly note: string;
    readonly suggestedBy: string;
    readonly suggestedAt: string;
  }[];
}

export const redactedName = '(name withheld)';

export function buildVendorPack(
  flags: readonly Flag[],
  improvements: readonly Improvement[],
  options: { readonly redactNames: boolean },
): VendorPack {
  const name = (value: string | undefined): string =>
    options.redactNames ? redactedName : (value ?? '');
  return {
    flags: flags.flatMap((flag) => {
      const resolution = flag.resolution;
      if (resolution?.action !== 'escalated-to-vendor') return [];
      return [
        {
          id: flag.id,
          category: flag.category,
          output: flag.outputText,
          expected: flag.expected,
          vendor: resolution.vendor,
          reference: resolution.reference,
          escalatedOn: resolution.escalatedOn ?? flag.resolvedAt?.slice(0, 10) ?? '',
          note: resolution.note ?? '',
          promptId: flag.promptId ?? '',
          raisedBy: name(flag.flaggedByName),
          raisedAt: flag.createdAt,
        },
      ];
    }),
    improvements: improvements
      .filter((improvement) => improvement.status === 'pushed-to-vendor')
      .map((improvement) => ({
        id: improvement.id,
        title: improvement.title,
        detail: improvement.detail,
        vendor: improvement.vendor ?? '',
        note: improvement.statusNote ?? '',
        suggestedBy: name(improvement.suggestedByName),
        suggestedAt: improvement.createdAt,
      })),
  };
}

const csvHeader = [
  'kind',
  'id',
  'category',
  'title_or_output',
  'expected_or_detail',
  'vendor',
  'reference',
  'date',
  'note',
  'prompt_id',
  'raised_by',
  'raised_at',
] as const;

/** One CSV for both kinds, a row each, told apart by `kind`. */
export function vendorPackCsv(pack: VendorPack): string {
  return toCsv(csvHeader, [
    ...pack.flags.map((flag) => [
      'flag',
      flag.id,
      flag.category,
      flag.output,
      flag.expected,
      flag.vendor,
      flag.reference,
      flag.escalatedOn,
      flag.note,
      flag.promptId,
      flag.raisedBy,
      flag.raisedAt,
    ]),
    ...pack.improvements.map((improvement) => [
      'improvement',
      improvement.id,
      '',
      improvement.title,
      improvement.detail,
      improvement.vendor,
      '',
      improvement.suggestedAt.slice(0, 10),
      improvement.note,
      '',
      improvement.suggestedBy,
      improvement.suggestedAt,
    ]),
  ]);
}
