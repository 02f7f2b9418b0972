import type {
  FlagCategory,
  FlagListQuery,
  FlagResolution,
} from '../../../src/contracts/feedback.js';

export const categoryLabels: Readonly<Record<FlagCategory, string>> = {
  wrong: 'Wrong',
  biased: 'Biased',
  unhelpful: 'Unhelpful',
  unsafe: 'Unsafe',
  other: 'Other',
};

export const stateLabels = {
  open: 'Open',
  'in-review': 'In review',
  resolved: 'Resolved',
} as const;

export const actionLabels: Readonly<Record<FlagResolution['action'], string>> = {
  'prompt-adjusted': 'Prompt adjusted',
  'workflow-changed': 'Workflow changed',
  'escalated-to-vendor': 'Escalated to vendor',
  dismissed: 'Dismissed',
};

/** Hours under a day as hours, then whole days: "3 h", "2 d". */
export function formatAge(ageHours: number): string {
  return ageHours < 24 ? `${ageHours} h` : `${Math.floor(ageHours / 24)} d`;
}

/** The first line of the text, cut to `max` characters with an ellipsis. */
export function shorten(text: string, max = 80): string {
  const line = text.trim().split(/\r?\n/u)[0] ?? '';
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export function flagsPath(query: FlagListQuery): string {
  const params = new URLSearchParams();
  if (query.state) params.set('state', query.state);
  if (query.category) params.set('category', query.category);
  if (query.reviewer) params.set('reviewer', query.reviewer);
  params.set('sort', query.sort);
  return `/api/flags?${params.toString()}`;
}

/** The Flags page's two views: flags on AI output, and suggested workflow improvements. */
export type FlagsPageView = 'flags' | 'improvements';

/** The view a deep link names (`#/flags?view=improvements`); flags otherwise. */
export function flagsViewFromQuery(query: string | undefined): FlagsPageView {
  return new URLSearchParams(query ?? '').get('view') === 'improvements' ? 'improvements' : 'flags';
}
