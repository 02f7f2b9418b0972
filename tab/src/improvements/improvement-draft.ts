import type { z } from 'zod';
import {
  createImprovementRequestSchema,
  improvementStatusRequestSchema,
  type CreateImprovementRequest,
  type ImprovementStatus,
  type ImprovementStatusRequest,
  type ImprovementView,
} from '../../../src/contracts/feedback.js';
import type { FieldErrors } from '../common/field-errors.js';
import { fieldMessage } from '../common/field-message.js';

export type DraftCheck<T> =
  { readonly ok: true; readonly request: T } | { readonly ok: false; readonly errors: FieldErrors };

/** The suggestion form as typed; an empty task means none. */
export interface SuggestionDraft {
  readonly title: string;
  readonly detail: string;
  readonly taskId: string;
}

export const emptySuggestionDraft: SuggestionDraft = { title: '', detail: '', taskId: '' };

/** The status form as typed, whichever status is chosen. */
export interface StatusDraft {
  readonly status: ImprovementStatus;
  readonly vendor: string;
  readonly note: string;
}

/** The form starts from what the suggestion says now, so a re-save keeps its note and vendor. */
export function statusDraftOf(improvement: ImprovementView): StatusDraft {
  return {
    status: improvement.status,
    vendor: improvement.vendor ?? '',
    note: improvement.statusNote ?? '',
  };
}

// The contract words its cross-field rules for the API ("is required when ..."); a form asks.
const formWords: Readonly<Record<string, string>> = {
  vendor: 'Name the vendor it goes to',
  note: 'Say why it is declined',
};

function errorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.join('.') || 'status';
    errors[field] ??=
      issue.code === 'custom' ? (formWords[field] ?? issue.message) : fieldMessage(issue);
  }
  return errors;
}

/** Checks a suggestion with the schema the API uses, so the form shows the API's rules. */
export function checkSuggestion(draft: SuggestionDraft): DraftCheck<CreateImprovementRequest> {
  const parsed = createImprovementRequestSchema.safeParse({
    title: draft.title,
    detail: draft.detail,
    ...(draft.taskId === '' ? {} : { taskId: draft.taskId }),
  });
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, errors: errorsOf(parsed.error.issues) };
}

/** The status change as the API takes it: a vendor only when pushing to one, a note if any. */
export function checkStatusChange(draft: StatusDraft): DraftCheck<ImprovementStatusRequest> {
  const vendor = draft.vendor.trim();
  const note = draft.note.trim();
  const parsed = improvementStatusRequestSchema.safeParse({
    status: draft.status,
    ...(draft.status === 'pushed-to-vendor' && vendor !== '' ? { vendor } : {}),
    ...(note === '' ? {} : { note }),
  });
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, errors: errorsOf(parsed.error.issues) };
}
