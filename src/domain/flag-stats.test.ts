import { describe, expect, it } from 'vitest';
import { type Flag, flagStatsSchema } from '../contracts/feedback.js';
import { summariseFlags, topFlaggedPrompts } from './flag-stats.js';
import { median } from './statistics.js';

const now = new Date('2026-11-30T12:00:00.000Z');

let serial = 0;
/** A flag raised `raisedHoursAgo` before `now`, open and unowned unless `extra` says otherwise. */
function flag(raisedHoursAgo: number, extra: Partial<Flag> = {}): Flag {
  serial += 1;
  const createdAt = new Date(now.getTime() - raisedHoursAgo * 3_600_000).toISOString();
  return {
    id: `flag-${String(serial)}`,
    tenantId: 't',
    type: 'flag',
    source: 'tab',
    category: 'wrong',
    expected: 'The real figure',
    outputText: 'Revenue grew 400%',
    flaggedBy: 'u1',
    state: 'open',
    createdAt,
    updatedAt: createdAt,
    ...extra,
  };
}

/** An ISO time `hours` after the flag was raised. */
function after(base: Flag, hours: number): string {
  return new Date(Date.parse(base.createdAt) + hours * 3_600_000).toISOString();
}

function resolvedAfter(raisedHoursAgo: number, respondHours: number, resolveHours: number): Flag {
  const base = flag(raisedHoursAgo, { reviewerId: 'owner' });
  return {
    ...base,
    state: 'resolved',
    firstResponseAt: after(base, respondHours),
    resolvedAt: after(base, resolveHours),
    resolution: { action: 'prompt-adjusted', promptId: 'p1', promptVersion: 2 },
  };
}

describe('the median', () => {
  it('should take the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('should round to one decimal and have no value for nothing', () => {
    expect(median([1, 1.2345])).toBe(1.1);
    expect(median([])).toBeUndefined();
  });
});

describe('flag statistics', () => {
  it('should count every key at zero, and leave the medians out, when there are no flags', () => {
    const stats = summariseFlags([], now);
    expect(stats).toEqual({
      raised: 0,
      open: 0,
      inReview: 0,
      resolved: 0,
      byOutcome: {
        'prompt-adjusted': 0,
        'workflow-changed': 0,
        'escalated-to-vendor': 0,
        dismissed: 0,
      },
      byCategory: { wrong: 0, biased: 0, unhelpful: 0, unsafe: 0, other: 0 },
      withoutReviewerOrOutcome: 0,
      byPrompt: [],
    });
    expect(flagStatsSchema.parse(stats)).toEqual(stats);
  });

  it('should count flags by state, category and outcome', () => {
    const stats = summariseFlags(
      [
        flag(3),
        flag(5, { category: 'biased', state: 'in-review', reviewerId: 'r' }),
        resolvedAfter(40, 2, 10),
        {
          ...resolvedAfter(50, 1, 2),
          category: 'unsafe',
          resolution: { action: 'dismissed', note: 'As intended' },
        },
      ],
      now,
    );
    expect(stats).toMatchObject({ raised: 4, open: 1, inReview: 1, resolved: 2 });
    expect(stats.byCategory).toEqual({ wrong: 2, biased: 1, unhelpful: 0, unsafe: 1, other: 0 });
    expect(stats.byOutcome).toEqual({
      'prompt-adjusted': 1,
      'workflow-changed': 0,
      'escalated-to-vendor': 0,
      dismissed: 1,
    });
  });

  it('should give the median hours to a first response and to a resolution', () => {
    // Reviewed but not resolved: it counts for the first response only.
    const reviewed = flag(30, { reviewerId: 'r', state: 'in-review' });
    const stats = summariseFlags(
      [
        resolvedAfter(100, 1, 10),
        resolvedAfter(100, 3, 20),
        resolvedAfter(100, 50, 90),
        { ...reviewed, firstResponseAt: after(reviewed, 4) },
      ],
      now,
    );
    // First responses 1, 3, 4, 50 h; resolutions 10, 20, 90 h.
    expect(stats.medianHoursToFirstResponse).toBe(3.5);
    expect(stats.medianHoursToResolution).toBe(20);
  });

  it('should give the age of the oldest flag still waiting, in whole hours', () => {
    const stats = summariseFlags([flag(2.5), flag(49.9), resolvedAfter(500, 1, 2)], now);
    expect(stats.oldestUnresolvedHours).toBe(49);
    expect(summariseFlags([resolvedAfter(10, 1, 2)], now).oldestUnresolvedHours).toBeUndefined();
  });

  it('should count the flags that have neither a reviewer nor an outcome', () => {
    const stats = summariseFlags(
      [
        flag(1),
        flag(2),
        flag(3, { reviewerId: 'owner' }),
        // Resolved by a champion without ever naming a reviewer: it has an outcome.
        { ...flag(4), state: 'resolved', resolution: { action: 'dismissed', note: 'Duplicate' } },
      ],
      now,
    );
    expect(stats.withoutReviewerOrOutcome).toBe(2);
  });

  it('should rank the flagged prompts most flagged first, ties by id, keeping the top ones', () => {
    const onPrompt = (promptId: string, times: number): Flag[] =>
      Array.from({ length: times }, () => flag(1, { promptId }));
    const stats = summariseFlags(
      [...onPrompt('b', 2), ...onPrompt('a', 2), ...onPrompt('c', 5), flag(1)],
      now,
    );
    expect(stats.byPrompt).toEqual([
      { promptId: 'c', count: 5 },
      { promptId: 'a', count: 2 },
      { promptId: 'b', count: 2 },
    ]);

    const many = Array.from({ length: topFlaggedPrompts + 3 }, (_, index) =>
      flag(1, { promptId: `p${String(index).padStart(2, '0')}` }),
    );
    expect(summariseFlags(many, now).byPrompt).toHaveLength(topFlaggedPrompts);
  });
});
