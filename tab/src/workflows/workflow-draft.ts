import {
  workflowTaskContentSchema,
  type WorkflowTaskContent,
} from '../../../src/contracts/workflows.js';
import type { FieldErrors } from '../common/field-errors.js';
import { fieldMessage } from '../common/field-message.js';

export interface StepDraft {
  readonly text: string;
  readonly actor: string;
}

export interface HandoffDraft {
  readonly fromRole: string;
  readonly toRole: string;
  readonly what: string;
}

/** A mapped task as its form holds it: rows and lines as typed, numbers as text. */
export interface WorkflowDraft {
  readonly departmentId: string;
  readonly name: string;
  readonly description: string;
  readonly baselineMinutes: string;
  readonly steps: readonly StepDraft[];
  readonly handoffs: readonly HandoffDraft[];
  /** One friction point per line. */
  readonly frictionText: string;
  /** One place AI could help per line. */
  readonly aiText: string;
  readonly jobFamilyIds: readonly string[];
}

export const emptyStep: StepDraft = { text: '', actor: '' };
export const emptyHandoff: HandoffDraft = { fromRole: '', toRole: '', what: '' };

export function emptyWorkflowDraft(departmentId: string): WorkflowDraft {
  return {
    departmentId,
    name: '',
    description: '',
    baselineMinutes: '',
    steps: [emptyStep],
    handoffs: [],
    frictionText: '',
    aiText: '',
    jobFamilyIds: [],
  };
}

export function draftFromTask(task: WorkflowTaskContent): WorkflowDraft {
  return {
    departmentId: task.departmentId,
    name: task.name,
    description: task.description,
    baselineMinutes: String(task.baselineMinutes),
    steps: task.steps.map((step) => ({ text: step.text, actor: step.actor ?? '' })),
    handoffs: task.handoffs.map((handoff) => ({ ...handoff })),
    frictionText: task.frictionPoints.join('\n'),
    aiText: task.aiOpportunities.join('\n'),
    jobFamilyIds: task.jobFamilyIds,
  };
}

/** The non-blank lines of a text area, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Moves one item up (-1) or down (+1); a move past either end changes nothing. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const copy = [...items];
  const item = copy[index];
  const other = copy[target];
  if (item === undefined || other === undefined) return copy;
  copy[index] = other;
  copy[target] = item;
  return copy;
}

export type WorkflowCheck =
  | { readonly ok: true; readonly content: WorkflowTaskContent }
  | { readonly ok: false; readonly errors: FieldErrors };

const isBlank = (values: readonly string[]): boolean =>
  values.every((value) => value.trim() === '');

/**
 * Checks a draft with the schema the API applies. Blank rows are dropped first, so an unused
 * "Add step" row is not an error; the row numbers in errors count the rows that were kept.
 */
export function checkWorkflowDraft(draft: WorkflowDraft): WorkflowCheck {
  const steps = draft.steps
    .filter((step) => !isBlank([step.text, step.actor]))
    .map((step) =>
      step.actor.trim() === '' ? { text: step.text } : { text: step.text, actor: step.actor },
    );
  const handoffs = draft.handoffs.filter(
    (handoff) => !isBlank([handoff.fromRole, handoff.toRole, handoff.what]),
  );
  const minutes = draft.baselineMinutes.trim() === '' ? Number.NaN : Number(draft.baselineMinutes);
  const parsed = workflowTaskContentSchema.safeParse({
    departmentId: draft.departmentId,
    name: draft.name,
    description: draft.description,
    steps,
    handoffs,
    frictionPoints: linesOf(draft.frictionText),
    aiOpportunities: linesOf(draft.aiText),
    baselineMinutes: minutes,
    jobFamilyIds: draft.jobFamilyIds,
  });
  if (parsed.success) return { ok: true, content: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [first, second, third] = issue.path.map(String);
    const key =
      first === 'frictionPoints' || first === 'aiOpportunities' || first === 'baselineMinutes'
        ? first
        : [first, second, third].filter((part) => part !== undefined).join('.');
    errors[key] ??=
      first === 'baselineMinutes' ? 'Enter whole minutes from 1 to 10000' : fieldMessage(issue);
  }
  return { ok: false, errors };
}
