import { describe, expect, it } from 'vitest';
import type { Scoreboard, ScoreboardDepartment } from '../../../src/contracts/adoption.js';
import {
  formatHours,
  formatPct,
  formatPointChange,
  isWeekChoice,
  mondayOfIsoWeek,
  nudgeConfirmation,
  scoreboardFigures,
  scoreboardPath,
  scoreboardPeoplePath,
  shortWeek,
  stragglerText,
  trendSeries,
} from './scoreboard-format.js';

const department = (overrides: Partial<ScoreboardDepartment>): ScoreboardDepartment => ({
  id: 'sales',
  name: 'Sales',
  suppressed: false,
  eligible: 120,
  active: [30, 40],
  wauPct: [25, 33.3],
  lessonsCompleted: [10, 12],
  practiceAttendance: [4, 6],
  ...overrides,
});

const scoreboard: Scoreboard = {
  weeks: ['2026-W47', '2026-W48'],
  targetPct: 70,
  minGroupSize: 5,
  programStartWeek: '2026-W41',
  overall: {
    eligible: 900,
    active: [600, 640],
    wauPct: [66.7, 71.1],
    lessonsCompleted: [300, 320],
    practiceAttendance: [90, 95],
  },
  departments: [
    department({}),
    department({ id: 'legal', name: 'Legal', suppressed: true }),
    department({ id: 'ops', name: 'Operations', wauPct: [80, 82] }),
  ],
  tiles: {
    wauPctNow: 71.1,
    wauPctAtStart: 22,
    eligible: 900,
    activeNow: 640,
    lessonsCompleted: 620,
    practiceAttendance: 185,
    openFlags: 7,
    resolvedFlags: 20,
    medianHoursToResolution: 30.5,
    improvementsSuggested: 47,
    improvementsPushedToVendor: 6,
  },
};

describe('scoreboard paths', () => {
  it('should ask for the weeks shown, and CSV only when exporting', () => {
    expect(scoreboardPath(8)).toBe('/api/scoreboard?weeks=8');
    expect(scoreboardPath(13, 'csv')).toBe('/api/scoreboard?weeks=13&format=csv');
    expect(scoreboardPeoplePath('sales & marketing', 4)).toBe(
      '/api/scoreboard/people?departmentId=sales+%26+marketing&weeks=4',
    );
  });

  it('should accept only the offered week spans', () => {
    expect(isWeekChoice(26)).toBe(true);
    expect(isWeekChoice('52')).toBe(true);
    expect(isWeekChoice(9)).toBe(false);
  });
});

describe('scoreboard formats', () => {
  it('should show shares with at most one decimal', () => {
    expect(formatPct(22.04, 'en-GB')).toBe('22%');
    expect(formatPct(71.15, 'en-GB')).toBe('71.2%');
  });

  it('should sign a change in points and name no change', () => {
    expect(formatPointChange(4.25, 'en-GB')).toBe('+4.3 pts');
    expect(formatPointChange(-1, 'en-GB')).toBe('−1 pt');
    expect(formatPointChange(0.01, 'en-GB')).toBe('no change');
  });

  it('should show resolution times in minutes, hours or days', () => {
    expect(formatHours(0.5, 'en-GB')).toBe('30 min');
    expect(formatHours(30.5, 'en-GB')).toBe('30.5 h');
    expect(formatHours(72, 'en-GB')).toBe('3 d');
  });

  it('should find the Monday an ISO week starts on, across a year boundary', () => {
    expect(mondayOfIsoWeek('2026-W48').toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2026-W01').toISOString().slice(0, 10)).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2020-W53').toISOString().slice(0, 10)).toBe('2020-12-28');
    expect(shortWeek('2026-W48')).toBe('W48');
  });
});

describe('stragglers and nudges', () => {
  it('should say why a department is behind, with its latest figures', () => {
    const behind = department({ straggler: true, stragglerReason: 'below-target-and-falling' });
    expect(stragglerText({ ...behind, wauPct: [40, 35.5] }, 70)).toBe(
      'Below target and falling: 35.5% this week, 40% the week before, target 70%',
    );
  });

  it('should name every lead a nudge was queued to', () => {
    const result = {
      departmentId: 'sales',
      queued: 2,
      leads: [
        { id: 'a', name: 'Leo Marsh' },
        { id: 'b', name: 'Ann Lee' },
      ],
    };
    expect(nudgeConfirmation(result)).toBe('Coaching message queued to Leo Marsh and Ann Lee');
    expect(nudgeConfirmation({ ...result, queued: 0, leads: [] })).toMatch(/^No coaching message/);
  });

  it('should say when this week’s coaching message was already queued', () => {
    const again = { departmentId: 'sales', queued: 0, leads: [{ id: 'a', name: 'Leo Marsh' }] };
    expect(nudgeConfirmation(again)).toBe(
      'A coaching message to Leo Marsh was already queued this week; leads get one a week.',
    );
  });
});

describe('trendSeries', () => {
  it('should put the overall line first and leave out withheld and unpicked departments', () => {
    const series = trendSeries(scoreboard, ['legal', 'ops']);
    expect(series.map((line) => line.name)).toEqual(['Overall', 'Operations']);
    expect(series[0]?.wauPct).toEqual([66.7, 71.1]);
  });
});

describe('scoreboardFigures', () => {
  it('should show the headline tiles with their notes', () => {
    const figures = scoreboardFigures(scoreboard, 'en-GB');
    expect(figures.find((figure) => figure.label === 'Weekly active now')).toEqual({
      label: 'Weekly active now',
      value: '71.1%',
      note: 'Target 70%',
    });
    expect(figures.find((figure) => figure.label === 'At program start')?.note).toBe(
      'Week 2026-W41',
    );
    expect(figures.find((figure) => figure.label === 'Open flags')?.note).toBe(
      'Median time to resolution 30.5 h',
    );
    expect(figures.find((figure) => figure.label === 'Pushed to the vendor')?.value).toBe('6');
  });
});
