import { describe, expect, it } from 'vitest';
import { parseSyncArgument, syncSummary } from './roster-chat.js';

describe('parseSyncArgument', () => {
  it('should read the department and the job family after "roster", split at the last " as "', () => {
    expect(parseSyncArgument('roster')).toEqual({ kind: 'sync' });
    expect(parseSyncArgument('Roster.')).toEqual({ kind: 'sync' });
    expect(parseSyncArgument('roster Finance and Operations')).toEqual({
      kind: 'sync',
      department: 'Finance and Operations',
    });
    expect(parseSyncArgument('roster  finance-operations   AS  Operations and support!')).toEqual({
      kind: 'sync',
      department: 'finance-operations',
      jobFamily: 'Operations and support',
    });
    expect(parseSyncArgument('roster as Analysts')).toEqual({
      kind: 'sync',
      jobFamily: 'Analysts',
    });
  });

  it('should not take other words for a roster sync', () => {
    expect(parseSyncArgument('')).toEqual({ kind: 'unknown' });
    expect(parseSyncArgument('rosters')).toEqual({ kind: 'unknown' });
    expect(parseSyncArgument('calendar')).toEqual({ kind: 'unknown' });
  });
});

describe('syncSummary', () => {
  const target = {
    departmentNames: ['Finance and Operations', 'People and Talent'],
    jobFamilyNames: ['Analysts', 'Consultants'],
  };

  it('should say what happened, then who was left out and what to type', () => {
    const text = syncSummary(
      {
        members: 9,
        added: 0,
        updated: 1,
        unchanged: 1,
        skipped: [
          ...[1, 2, 3, 4, 5, 6].map((n) => ({
            name: `New ${String(n)}`,
            reason: 'needs-department' as const,
          })),
          { name: 'Gus', reason: 'guest' as const },
        ],
      },
      target,
      false,
    );
    expect(text.split('\n\n')).toEqual([
      'Roster sync: 9 members read from this conversation. Added 0, updated 1, unchanged 1, skipped 7.',
      '6 people (New 1, New 2, New 3, New 4, New 5 and 1 more) are not on the roster yet. To add them, type "sync roster <department> as <job family>". Departments: Finance and Operations, People and Talent.',
      "1 person (Gus) joined as guests and were left out: the program counts the organisation's own people.",
      'This conversation has more members than Lastmile reads at once; the rest were not synced.',
    ]);
  });

  it('should name where new people went', () => {
    const text = syncSummary(
      {
        members: 2,
        added: 2,
        updated: 0,
        unchanged: 0,
        skipped: [],
        department: { id: 'finance-operations', name: 'Finance and Operations' },
        jobFamily: { id: 'analysis', name: 'Analysts' },
      },
      target,
      true,
    );
    expect(text).toBe(
      'Roster sync: 2 members read from this conversation. Added 2 to Finance and Operations (Analysts), updated 0, unchanged 0, skipped 0.',
    );
  });
});
