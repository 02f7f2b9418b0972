import type { Checkpoint } from '../../../src/contracts/adoption.js';
import { formatPct, formatPointChange } from '../scoreboard/scoreboard-format.js';

export type Diagnosis = Checkpoint['diagnosis'][number];
export type DiagnosisKind = Diagnosis['kind'];
export type CheckpointTask = Checkpoint['tasks'][number];

export const checkpointPath = '/api/checkpoint';

export function checkpointExportPath(format: 'csv' | 'json'): string {
  return `${checkpointPath}?format=${format}`;
}

export const diagnosisLabels: Readonly<Record<DiagnosisKind, string>> = {
  training: 'Training',
  'workflow-mapping': 'Workflow mapping',
  prompt: 'Prompt',
  'on-track': 'On track',
};

/** Badge colours by kind: what needs work stands out, what is on track does not. */
export const diagnosisColours: Readonly<
  Record<DiagnosisKind, 'warning' | 'danger' | 'informative' | 'success'>
> = {
  training: 'warning',
  'workflow-mapping': 'informative',
  prompt: 'danger',
  'on-track': 'success',
};

const subjectLabels: Readonly<Record<Diagnosis['subject']['kind'], string>> = {
  department: 'Department',
  task: 'Task',
  prompt: 'Prompt',
};

export function subjectText(subject: Diagnosis['subject']): string {
  return `${subjectLabels[subject.kind]}: ${subject.name}`;
}

/** What needs work first, then what is on track; within each, the server's order. */
export function sortedDiagnosis(diagnosis: readonly Diagnosis[]): readonly Diagnosis[] {
  const needsWork = diagnosis.filter((item) => item.kind !== 'on-track');
  const onTrack = diagnosis.filter((item) => item.kind === 'on-track');
  return [...needsWork, ...onTrack];
}

/** Minutes per task as people read them: "42 min", "1 h 30 min". */
export function formatMinutes(minutes: number | undefined): string {
  if (minutes === undefined) return '—';
  const whole = Math.round(minutes);
  if (whole < 60) return `${String(whole)} min`;
  const rest = whole % 60;
  return rest === 0
    ? `${String(Math.floor(whole / 60))} h`
    : `${String(Math.floor(whole / 60))} h ${String(rest)} min`;
}

/**
 * A task's baseline: the median of the first weeks' answers or, until there are enough of those,
 * the admin's estimate from mapping the task, marked so it is not read as measured.
 */
export function formatBaseline(
  task: Pick<CheckpointTask, 'baselineMinutes' | 'mappedBaselineMinutes'>,
): string {
  if (task.baselineMinutes !== undefined || task.mappedBaselineMinutes === undefined) {
    return formatMinutes(task.baselineMinutes);
  }
  return `${formatMinutes(task.mappedBaselineMinutes)} (mapped)`;
}

/** A relative change with its sign; negative is faster: "−23%", "+5%". */
export function formatChangePct(changePct: number | undefined): string {
  if (changePct === undefined) return 'Too few answers';
  const rounded = Math.round(changePct);
  if (rounded === 0) return 'No change';
  return `${rounded > 0 ? '+' : '−'}${String(Math.abs(rounded))}%`;
}

export function formatOptionalPct(value: number | undefined): string {
  return value === undefined ? '—' : formatPct(value);
}

/** The change in WAU between the start and now, in points. */
export function wauChangeText(start: number | undefined, now: number | undefined): string {
  return start === undefined || now === undefined ? '—' : formatPointChange(now - start);
}

export function departmentName(checkpoint: Checkpoint, departmentId: string | undefined): string {
  if (departmentId === undefined) return 'All departments';
  return (
    checkpoint.departments.find((department) => department.id === departmentId)?.name ??
    departmentId
  );
}

/** A key of `byOutcome` or `byStatus` as words: `escalated-to-vendor` → "Escalated to vendor". */
export function keyLabel(key: string): string {
  const words = key.replace(/[-_]+/gu, ' ').trim();
  return words === '' ? key : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
