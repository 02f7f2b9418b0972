import { describe, expect, it } from 'vitest';
import type { Checkpoint, PulseAnswer } from '../contracts/adoption.js';
import { diagnose, taskFigures } from './checkpoint-maths.js';
import { median } from './statistics.js';

function answer(taskId: string, week: string, minutes: number, aiHelped = false): PulseAnswer {
  return {
    id: `pulse:${taskId}:${week}:${String(minutes)}`,
    tenantId: 't',
    pk: `t:${week}`,
    type: 'pulseAnswer',
    week,
    userId: `u-${String(minutes)}`,
    departmentId: 'sales',
    taskId,
    minutes,
    aiHelped,
    answeredAt: '2026-11-20T10:00:00.000Z',
  };
}

describe('median', () => {
  it('should take the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('taskFigures', () => {
  const tasks = [
    { id: 'proposal', name: 'Write a proposal', departmentId: 'sales', baselineMinutes: 90 },
  ];
  const periods = { baseline: ['2026-W40', '2026-W41'], now: ['2026-W47', '2026-W48'] };

  it('should compare the median minutes of the first weeks with the last, with sample sizes', () => {
    const answers = [
      ...[80, 90, 100, 110, 120].map((minutes) => answer('proposal', '2026-W40', minutes)),
      ...[50, 60, 70, 80, 90].map((minutes, index) =>
        answer('proposal', '2026-W48', minutes, index < 4),
      ),
      answer('proposal', '2026-W44', 5),
    ];
    expect(taskFigures(tasks, answers, periods, 5)).toEqual([
      {
        taskId: 'proposal',
        name: 'Write a proposal',
        departmentId: 'sales',
        mappedBaselineMinutes: 90,
        baselineMinutes: 100,
        baselineSamples: 5,
        nowMinutes: 70,
        nowSamples: 5,
        changePct: -30,
        aiHelpedPct: 80,
      },
    ]);
  });

  it('should keep the counts but withhold minutes with fewer answers than the minimum group', () => {
    const answers = [answer('proposal', '2026-W40', 80), answer('proposal', '2026-W48', 40)];
    const [figures] = taskFigures(tasks, answers, periods, 5);
    expect(figures).toMatchObject({ baselineSamples: 1, nowSamples: 1 });
    expect(figures?.baselineMinutes).toBeUndefined();
    expect(figures?.changePct).toBeUndefined();
  });
});

describe('diagnose', () => {
  const base: Omit<Checkpoint, 'diagnosis'> = {
    programStart: '2026-10-05',
    weeks: ['2026-W41', '2026-W48'],
    startWeek: '2026-W41',
    nowWeek: '2026-W48',
    daysIn: 52,
    targetPct: 70,
    minGroupSize: 5,
    overall: { eligible: 100, wauPctStart: 20, wauPctNow: 70 },
    departments: [
      {
        id: 'risk',
        name: 'Risk',
        suppressed: false,
        eligible: 30,
        wauPctStart: 10,
        wauPctNow: 35,
        lessonCompletionPct: 9,
      },
      {
        id: 'sales',
        name: 'Sales',
        suppressed: false,
        eligible: 40,
        wauPctStart: 20,
        wauPctNow: 80,
        lessonCompletionPct: 45,
      },
      { id: 'board', name: 'Board', suppressed: true },
    ],
    tasks: [
      {
        taskId: 'proposal',
        name: 'Write a proposal',
        departmentId: 'sales',
        baselineSamples: 9,
        nowSamples: 9,
        baselineMinutes: 100,
        nowMinutes: 98,
        changePct: -2,
      },
    ],
    flags: {
      raised: 20,
      resolved: 15,
      open: 5,
      byOutcome: {},
      topPrompts: [
        { promptId: 'p1', title: 'Client email', flags: 7 },
        { promptId: 'p2', title: 'Meeting notes', flags: 2 },
      ],
    },
    improvements: { suggested: 47, byStatus: {}, pushedToVendor: 6 },
  };

  it('should point at training, workflow mapping and the most flagged prompt', () => {
    const findings = diagnose(base, new Map());
    expect(findings.map((finding) => [finding.kind, finding.subject.id])).toEqual([
      ['training', 'risk'],
      ['workflow-mapping', 'sales'],
      ['prompt', 'p1'],
    ]);
    expect(findings[0]?.finding).toContain('35%');
    expect(findings[1]?.finding).toContain('"Write a proposal"');
  });

  it('should say the program is on track when nothing stands out', () => {
    const findings = diagnose(
      {
        ...base,
        departments: base.departments.filter((department) => department.id === 'sales'),
        tasks: [],
        flags: { ...base.flags, topPrompts: [] },
      },
      new Map(),
    );
    expect(findings.map((finding) => finding.kind)).toEqual(['on-track']);
  });
});
