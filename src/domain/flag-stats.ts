import {
  flagCategorySchema,
  flagResolutionActions,
  type Flag,
  type FlagResolution,
  type FlagStats,
} from '../contracts/feedback.js';
import { median } from './statistics.js';

const hourMs = 3_600_000;

/** The few prompts worth a look; a long tail of single flags says little. */
export const topFlaggedPrompts = 10;

function hoursBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / hourMs);
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/**
 * A tenant's flags in aggregate: how many are in each state, what became of them, how long a
 * first response and a resolution took (medians, as a few stale flags would drag a mean), which
 * flags nobody owns, and which library prompts are flagged most.
 */
export function summariseFlags(flags: readonly Flag[], now: Date): FlagStats {
  const byOutcome = zeroes<FlagResolution['action']>(flagResolutionActions);
  const byCategory = zeroes(flagCategorySchema.options);
  const state = { open: 0, 'in-review': 0, resolved: 0 };
  const toFirstResponse: number[] = [];
  const toResolution: number[] = [];
  const prompts = new Map<string, number>();
  let oldestUnresolved: number | undefined;
  let withoutReviewerOrOutcome = 0;

  for (const flag of flags) {
    state[flag.state] += 1;
    byCategory[flag.category] += 1;
    if (flag.resolution !== undefined) byOutcome[flag.resolution.action] += 1;
    if (flag.firstResponseAt !== undefined) {
      toFirstResponse.push(hoursBetween(flag.createdAt, flag.firstResponseAt));
    }
    if (flag.state === 'resolved' && flag.resolvedAt !== undefined) {
      toResolution.push(hoursBetween(flag.createdAt, flag.resolvedAt));
    }
    if (flag.state !== 'resolved') {
      const age = hoursBetween(flag.createdAt, now.toISOString());
      oldestUnresolved = Math.max(oldestUnresolved ?? 0, age);
    }
    if (flag.reviewerId === undefined && flag.resolution === undefined) {
      withoutReviewerOrOutcome += 1;
    }
    if (flag.promptId !== undefined) {
      prompts.set(flag.promptId, (prompts.get(flag.promptId) ?? 0) + 1);
    }
  }

  const firstResponse = median(toFirstResponse);
  const resolution = median(toResolution);
  return {
    raised: flags.length,
    open: state.open,
    inReview: state['in-review'],
    resolved: state.resolved,
    byOutcome,
    byCategory,
    ...(firstResponse === undefined ? {} : { medianHoursToFirstResponse: firstResponse }),
    ...(resolution === undefined ? {} : { medianHoursToResolution: resolution }),
    ...(oldestUnresolved === undefined
      ? {}
      : { oldestUnresolvedHours: Math.floor(oldestUnresolved) }),
    withoutReviewerOrOutcome,
    byPrompt: [...prompts]
      .map(([promptId, count]) => ({ promptId, count }))
      .sort((a, b) => b.count - a.count || a.promptId.localeCompare(b.promptId))
      .slice(0, topFlaggedPrompts),
  };
}
