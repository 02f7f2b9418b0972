import { flagResolutionSchema, type FlagResolution } from '../../../src/contracts/feedback.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { FieldErrors } from '../common/field-errors.js';
import { fieldMessage } from '../common/field-message.js';

/** The resolution form as typed: every field a string, whichever action is chosen. */
export interface ResolutionDraft {
  readonly action: FlagResolution['action'];
  readonly promptId: string;
  readonly promptVersion: string;
  readonly taskId: string;
  readonly vendor: string;
  readonly reference: string;
  readonly escalatedOn: string;
  readonly note: string;
}

export const emptyResolutionDraft: ResolutionDraft = {
  action: 'dismissed',
  promptId: '',
  promptVersion: '',
  taskId: '',
  vendor: '',
  reference: '',
  escalatedOn: '',
  note: '',
};

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  return trimmed === '' ? {} : ({ [key]: trimmed } as Record<K, string>);
}

/** The body the chosen action takes, before the contract checks it. */
function bodyOf(draft: ResolutionDraft): Record<string, unknown> {
  const note = optional('note', draft.note);
  switch (draft.action) {
    case 'prompt-adjusted': {
      const version = draft.promptVersion.trim();
      return {
        action: draft.action,
        promptId: draft.promptId.trim(),
        ...(version === '' ? {} : { promptVersion: Number(version) }),
        ...note,
      };
    }
    case 'workflow-changed':
      return { action: draft.action, taskId: draft.taskId.trim(), ...note };
    case 'escalated-to-vendor':
      return {
        action: draft.action,
        vendor: draft.vendor.trim(),
        reference: draft.reference.trim(),
        ...optional('escalatedOn', draft.escalatedOn),
        ...note,
      };
    case 'dismissed':
      // The reason is required: an empty one is sent as empty so the contract names the field.
      return { action: draft.action, note: draft.note.trim() };
  }
}

export type ResolutionCheck =
  | { readonly ok: true; readonly resolution: FlagResolution }
  | { readonly ok: false; readonly errors: FieldErrors };

/** Checks the draft with the same schema the API uses, so the form shows the API's rules. */
export function checkResolution(draft: ResolutionDraft): ResolutionCheck {
  const parsed = flagResolutionSchema.safeParse(bodyOf(draft));
  if (parsed.success) return { ok: true, resolution: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || 'action';
    errors[key] ??= fieldMessage(issue);
  }
  return { ok: false, errors };
}

export function fieldErrorsFromProblem(problem: Problem): FieldErrors {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    errors[error.field.replace(/^body\./u, '')] ??= error.message;
  }
  return errors;
}
