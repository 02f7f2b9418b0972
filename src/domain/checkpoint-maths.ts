import type { IsoWeek } from '../contracts/activity.js';
import type { Checkpoint, PulseAnswer } from '../contracts/adoption.js';
import { median } from './statistics.js';

/** The checkpoint covers the program's first 90 days: at most 13 ISO weeks. */
export const checkpointWeeks = 13;

/** How many weeks at each end of the period are compared: the first two against the last two. */
export const comparedWeeks = 2;

type TaskFigures = Checkpoint['tasks'][number];

/**
 * Time per mapped task: the median minutes people reported in the first weeks against the last
 * weeks, with the number of answers behind each. A side with fewer answers than the minimum group
 * size keeps its count but not its minutes, so no one person's answer can be read off.
 */
export function taskFigures(
  tasks: readonly {
    readonly id: string;
    readonly name: string;
    readonly departmentId: string;
    readonly baselineMinutes: number;
  }[],
  answers: readonly PulseAnswer[],
  periods: { readonly baseline: readonly IsoWeek[]; readonly now: readonly IsoWeek[] },
  minGroupSize: number,
): TaskFigures[] {
  const baselineWeeks = new Set(periods.baseline);
  const nowWeeks = new Set(periods.now);
  return tasks.map((task): TaskFigures => {
    const mine = answers.filter((answer) => answer.taskId === task.id);
    const before = mine.filter((answer) => baselineWeeks.has(answer.week));
    const after = mine.filter(
      (answer) => nowWeeks.has(answer.week) && !baselineWeeks.has(answer.week),
    );
    const shown = (side: readonly PulseAnswer[]): number | undefined =>
      side.length >= minGroupSize ? median(side.map((answer) => answer.minutes)) : undefined;
    const baselineMinutes = shown(before);
    const nowMinutes = shown(after);
    const helped = after.filter((answer) => answer.aiHelped).length;
    return {
      taskId: task.id,
      name: task.name,
      departmentId: task.departmentId,
      mappedBaselineMinutes: task.baselineMinutes,
      ...(baselineMinutes === undefined ? {} : { baselineMinutes }),
      baselineSamples: before.length,
      ...(nowMinutes === undefined ? {} : { nowMinutes }),
      nowSamples: after.length,
      ...(baselineMinutes === undefined || nowMinutes === undefined || baselineMinutes === 0
        ? {}
        : {
            changePct: Math.round(((nowMinutes - baselineMinutes) / baselineMinutes) * 1000) / 10,
          }),
      ...(after.length >= minGroupSize
        ? { aiHelpedPct: Math.round((helped / after.length) * 1000) / 10 }
        : {}),
    };
  });
}

type Diagnosis = Checkpoint['diagnosis'][number];

/** Lesson completion under this share of lessons due counts as low. */
const lowLessonCompletionPct = 25;
/** A rise of this many points in weekly use counts as "usage up". */
const usageUpPoints = 20;
/** Task time within this much of the baseline (in percent) counts as flat. */
const flatTimePct = 10;
/** A prompt drawing this share of all flags (and at least three) is where to look. */
const flaggedPromptShare = 0.25;

/**
 * Where to look, from the figures: low use with low lesson completion points at training; use up
 * with task times flat points at the workflow mapping (AI is used, but not where the time goes);
 * many flags on one prompt points at that prompt.
 */
export function diagnose(
  checkpoint: Omit<Checkpoint, 'diagnosis'>,
  promptTitles: ReadonlyMap<string, string>,
): Diagnosis[] {
  const findings: Diagnosis[] = [];
  for (const department of checkpoint.departments) {
    if (department.suppressed || department.wauPctNow === undefined) continue;
    const lessons = department.lessonCompletionPct ?? 0;
    if (department.wauPctNow < checkpoint.targetPct && lessons < lowLessonCompletionPct) {
      findings.push({
        kind: 'training',
        subject: { kind: 'department', id: department.id, name: department.name },
        finding: `${department.name}: weekly AI use is ${String(department.wauPctNow)}% against a target of ${String(checkpoint.targetPct)}%, and only ${String(lessons)}% of its lessons were completed.`,
        lookAt:
          'Training: ask the lead to run the 20-minute practice in the team meeting each week, and check that the lesson day suits the team.',
      });
    }
  }
  for (const department of checkpoint.departments) {
    if (department.suppressed) continue;
    const { wauPctStart, wauPctNow } = department;
    if (wauPctStart === undefined || wauPctNow === undefined) continue;
    if (wauPctNow - wauPctStart < usageUpPoints) continue;
    const measured = checkpoint.tasks.filter(
      (task) => task.departmentId === department.id && task.changePct !== undefined,
    );
    const flat = measured.filter((task) => Math.abs(task.changePct ?? 0) < flatTimePct);
    if (measured.length === 0 || flat.length * 2 < measured.length) continue;
    const names = flat.map((task) => `"${task.name}"`).join(', ');
    findings.push({
      kind: 'workflow-mapping',
      subject: { kind: 'department', id: department.id, name: department.name },
      finding: `${department.name}: weekly AI use rose from ${String(wauPctStart)}% to ${String(wauPctNow)}%, but ${names} take${flat.length === 1 ? 's' : ''} as long as at the start.`,
      lookAt:
        'Workflow mapping: walk through these tasks with the team and find the steps where the time goes; point prompts and lessons at those steps.',
    });
  }
  const raised = checkpoint.flags.raised;
  for (const prompt of checkpoint.flags.topPrompts) {
    if (prompt.flags < 3 || prompt.flags < raised * flaggedPromptShare) continue;
    const title = promptTitles.get(prompt.promptId) ?? prompt.title;
    findings.push({
      kind: 'prompt',
      subject: { kind: 'prompt', id: prompt.promptId, name: title },
      finding: `The prompt "${title}" drew ${String(prompt.flags)} of the ${String(raised)} flags raised.`,
      lookAt:
        'That prompt: read its flags on the Flags page, publish a fixed version, and tell the people who flagged it.',
    });
  }
  if (findings.length === 0) {
    findings.push({
      kind: 'on-track',
      subject: { kind: 'department', id: 'all', name: 'All departments' },
      finding:
        'No department is behind on both use and training, task times are moving, and no prompt stands out in the flags.',
      lookAt: 'Keep the weekly practice going and review the checkpoint again next month.',
    });
  }
  return findings;
}

/** The checkpoint as CSV rows: section, subject, measure, value. */
export function checkpointRows(checkpoint: Checkpoint): string[][] {
  const rows: string[][] = [
    ['program', 'all', 'programStart', checkpoint.programStart],
    ['program', 'all', 'daysIn', String(checkpoint.daysIn)],
    ['usage', 'all', 'eligible', String(checkpoint.overall.eligible)],
    ['usage', 'all', 'wauPctStart', String(checkpoint.overall.wauPctStart)],
    ['usage', 'all', 'wauPctNow', String(checkpoint.overall.wauPctNow)],
  ];
  for (const department of checkpoint.departments) {
    if (department.suppressed) {
      rows.push(['usage', department.name, 'suppressed', 'true']);
      continue;
    }
    rows.push(['usage', department.name, 'wauPctStart', String(department.wauPctStart ?? '')]);
    rows.push(['usage', department.name, 'wauPctNow', String(department.wauPctNow ?? '')]);
    rows.push([
      'training',
      department.name,
      'lessonCompletionPct',
      String(department.lessonCompletionPct ?? ''),
    ]);
  }
  for (const task of checkpoint.tasks) {
    rows.push(['time', task.name, 'baselineMinutes', String(task.baselineMinutes ?? '')]);
    rows.push(['time', task.name, 'baselineSamples', String(task.baselineSamples)]);
    rows.push(['time', task.name, 'nowMinutes', String(task.nowMinutes ?? '')]);
    rows.push(['time', task.name, 'nowSamples', String(task.nowSamples)]);
    rows.push(['time', task.name, 'changePct', String(task.changePct ?? '')]);
  }
  rows.push(['flags', 'all', 'raised', String(checkpoint.flags.raised)]);
  rows.push(['flags', 'all', 'resolved', String(checkpoint.flags.resolved)]);
  for (const [outcome, count] of Object.entries(checkpoint.flags.byOutcome)) {
    rows.push(['flags', outcome, 'count', String(count)]);
  }
  rows.push(['improvements', 'all', 'suggested', String(checkpoint.improvements.suggested)]);
  rows.push([
    'improvements',
    'all',
    'pushedToVendor',
    String(checkpoint.improvements.pushedToVendor),
  ]);
  for (const finding of checkpoint.diagnosis) {
    rows.push(['diagnosis', finding.subject.name, finding.kind, finding.finding]);
  }
  return rows;
}

export const checkpointCsvHeader = ['section', 'subject', 'measure', 'value'] as const;
