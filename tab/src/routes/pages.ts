import type { Role } from '../../../src/contracts/identity.js';

export const pageIds = [
  'home',
  'library',
  'workflows',
  'practice',
  'flags',
  'scoreboard',
  'checkpoint',
  'program',
] as const;
export type PageId = (typeof pageIds)[number];

export const homePage: PageId = 'home';

export function isPageId(value: unknown): value is PageId {
  return typeof value === 'string' && (pageIds as readonly string[]).includes(value);
}

/** Who may open a page: everyone, or only people holding one of the listed roles. */
export type Audience = 'everyone' | readonly Role[];

export interface PageDefinition {
  readonly id: PageId;
  /** The tab's label in the navigation. */
  readonly label: string;
  readonly title: string;
  readonly audience: Audience;
  /** One sentence on what the page is for, shown while the page is still empty. */
  readonly purpose: string;
  /** What the page will hold once its issue lands; shown honestly instead of sample data. */
  readonly willHold: readonly string[];
}

const programOwners: readonly Role[] = ['champion', 'admin'];

export const pages: readonly PageDefinition[] = [
  {
    id: 'home',
    label: 'Home',
    title: 'Home',
    audience: 'everyone',
    purpose: 'What Lastmile does and how your organisation has set up its AI program.',
    willHold: [],
  },
  {
    id: 'library',
    label: 'Library',
    title: 'Prompt library',
    audience: 'everyone',
    purpose: 'The prompts that work for your job, built together and kept current by an owner.',
    willHold: [
      'Prompt templates with {{variables}}, tagged by job family and workflow task',
      'Search that puts prompts for your job family first',
      'Proposals from anyone, reviewed and published by the library owner',
      'Every edit kept as a version, with usage and ratings showing what works',
    ],
  },
  {
    id: 'workflows',
    label: 'Workflows',
    title: 'Workflows',
    audience: 'everyone',
    purpose: 'The tasks each team mapped before using AI, so prompts and lessons fit real work.',
    willHold: [
      '3 to 5 mapped tasks per team, with ordered steps and handoffs',
      'Friction points and the places where AI could help',
      'A baseline time for each task, to compare against at the checkpoint',
      'Suggestions for improving a workflow, and what became of them',
    ],
  },
  {
    id: 'practice',
    label: 'Practice',
    title: 'Weekly practice',
    audience: 'everyone',
    purpose:
      'The 20-minute practice team leads run in existing meetings. Pinned in a meeting, it shows that meeting’s session with a phase timer.',
    willHold: [
      'How to run the 20 minutes: try, share, capture',
      'This week’s scenario for your job family',
      'This week’s and earlier sessions, with who took part and the prompts captured',
      'In a meeting side panel: that meeting’s practice, live',
    ],
  },
  {
    id: 'flags',
    label: 'Flags',
    title: 'Flags',
    audience: 'everyone',
    purpose: 'AI output people flagged as wrong, biased or unhelpful, and what was done about it.',
    willHold: [
      'Open flags by category, with the text and what was expected',
      'A named reviewer for each flag and its resolution',
      'Time to resolution, and the flagger told what happened',
      'Items escalated to the vendor, ready to export',
    ],
  },
  {
    id: 'scoreboard',
    label: 'Scoreboard',
    title: 'Scoreboard',
    audience: programOwners,
    purpose: 'Weekly active usage as a share of eligible people, by department, week by week.',
    willHold: [
      'Weekly active users per department against the target',
      'Lesson and practice completion alongside usage',
      'People who could use some coaching, with a nudge',
      'Groups below the minimum size withheld to protect privacy',
    ],
  },
  {
    id: 'checkpoint',
    label: 'Checkpoint',
    title: '90-day checkpoint',
    audience: programOwners,
    purpose: 'Whether the work is changing, not only whether the tools are used.',
    willHold: [
      'Time per mapped task, baseline against now, with sample sizes',
      'Usage, training and feedback figures for the first 90 days',
      'A diagnosis pointing at workflow mapping or training where numbers are flat',
    ],
  },
  {
    id: 'program',
    label: 'Program',
    title: 'Program set-up',
    audience: programOwners,
    purpose: 'The set-up behind the program: what each job family learns, and when.',
    willHold: [
      'The 8-week curriculum of micro-lessons per job family',
      'When weekly lessons go out by default',
      'Lessons and notices the bot could not deliver, with a retry',
    ],
  },
];

export function pageDefinition(id: PageId): PageDefinition {
  const page = pages.find((candidate) => candidate.id === id);
  if (!page) throw new Error(`No page definition for ${id}`);
  return page;
}

export function canOpen(page: PageDefinition, roles: readonly Role[]): boolean {
  if (page.audience === 'everyone') return true;
  return page.audience.some((role) => roles.includes(role));
}

/** The pages in navigation order that someone holding these roles may open. */
export function visiblePages(roles: readonly Role[]): readonly PageDefinition[] {
  return pages.filter((page) => canOpen(page, roles));
}
