import { describe, expect, it } from 'vitest';
import {
  buildScoreboard,
  percentage,
  type ScoreboardInput,
  scoreboardRows,
  stragglerReason,
} from './scoreboard-maths.js';

const weeks = ['2026-W46', '2026-W47', '2026-W48'] as const;

function input(overrides: Partial<ScoreboardInput> = {}): ScoreboardInput {
  return {
    weeks,
    departments: [
      { id: 'sales', name: 'Sales' },
      { id: 'legal', name: 'Legal' },
      { id: 'board', name: 'Board' },
    ],
    eligible: new Map([
      ['sales', 20],
      ['legal', 10],
      ['board', 3],
    ]),
    active: new Map([
      [
        'sales',
        new Map([
          ['2026-W46', 4],
          ['2026-W47', 10],
          ['2026-W48', 16],
        ]),
      ],
      [
        'legal',
        new Map([
          ['2026-W46', 5],
          ['2026-W47', 6],
          ['2026-W48', 4],
        ]),
      ],
      ['board', new Map([['2026-W48', 3]])],
    ]),
    lessonsCompleted: new Map([['sales', new Map([['2026-W47', 7]])]]),
    practiceAttendance: new Map([['legal', new Map([['2026-W48', 2]])]]),
    targetPct: 70,
    minGroupSize: 5,
    programStartWeek: '2026-W47',
    leads: new Map([['legal', [{ id: 'l1', name: 'Lee' }]]]),
    feedback: {
      openFlags: 2,
      resolvedFlags: 5,
      medianHoursToResolution: 30,
      improvementsSuggested: 9,
      improvementsPushedToVendor: 1,
    },
    ...overrides,
  };
}

describe('percentage', () => {
  it('should round to one decimal and give 0 when no one is eligible', () => {
    expect(percentage(1, 3)).toBe(33.3);
    expect(percentage(2, 3)).toBe(66.7);
    expect(percentage(5, 0)).toBe(0);
  });
});

describe('stragglerReason', () => {
  it.each([
    [[50, 60], 'below-target'],
    [[80, 75], 'falling'],
    [[65, 60], 'below-target-and-falling'],
    [[70, 71], undefined],
    [[], undefined],
  ] as const)('should call %j against a 70%% target %s', (series, reason) => {
    expect(stragglerReason(series, 70)).toBe(reason);
  });
});

describe('buildScoreboard', () => {
  it('should divide weekly active people by eligible people, per department and overall', () => {
    const board = buildScoreboard(input());
    const sales = board.departments.find((department) => department.id === 'sales');
    expect(sales?.wauPct).toEqual([20, 50, 80]);
    expect(sales?.active).toEqual([4, 10, 16]);
    expect(sales?.lessonsCompleted).toEqual([0, 7, 0]);
    expect(board.overall.eligible).toBe(33);
    expect(board.overall.active).toEqual([9, 16, 23]);
    expect(board.overall.wauPct).toEqual([27.3, 48.5, 69.7]);
  });

  it('should withhold every figure of a group under the minimum size but still count it overall', () => {
    const board = buildScoreboard(input());
    const group = board.departments.find((department) => department.id === 'board');
    expect(group).toEqual({ id: 'board', name: 'Board', suppressed: true });
    expect(board.overall.active.at(-1)).toBe(23);
  });

  it('should mark stragglers with their reason and name their leads', () => {
    const board = buildScoreboard(input());
    const legal = board.departments.find((department) => department.id === 'legal');
    expect(legal).toMatchObject({
      straggler: true,
      stragglerReason: 'below-target-and-falling',
      leads: [{ id: 'l1', name: 'Lee' }],
    });
    const sales = board.departments.find((department) => department.id === 'sales');
    expect(sales?.straggler).toBe(false);
  });

  it('should fill the tiles from the series, starting at the program start week', () => {
    const { tiles } = buildScoreboard(input());
    expect(tiles).toMatchObject({
      wauPctNow: 69.7,
      wauPctAtStart: 48.5,
      eligible: 33,
      activeNow: 23,
      lessonsCompleted: 7,
      practiceAttendance: 2,
      openFlags: 2,
      medianHoursToResolution: 30,
      improvementsSuggested: 9,
      improvementsPushedToVendor: 1,
    });
  });

  it('should start at the oldest week shown when the program started before it', () => {
    const { tiles } = buildScoreboard(input({ programStartWeek: '2026-W30' }));
    expect(tiles.wauPctAtStart).toBe(27.3);
  });

  it('should export a row per department and week, withheld groups without figures', () => {
    const rows = scoreboardRows(buildScoreboard(input()));
    expect(rows).toHaveLength(3 * 4);
    expect(rows).toContainEqual(['2026-W48', 'board', 'Board', '', '', '', '', '', 'suppressed']);
    expect(rows).toContainEqual(['2026-W48', 'sales', 'Sales', '20', '16', '80', '0', '0', '']);
  });
});
