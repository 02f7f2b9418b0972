import {
  promptContentSchema,
  type PromptContent,
  type PromptVariable,
} from '../../../src/contracts/prompts.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { FieldErrors } from '../common/field-errors.js';
import { fieldMessage } from '../common/field-message.js';
import { reconcileVariables } from './template-variables.js';

/** A prompt as its form holds it while someone writes: tags as typed, not yet checked. */
export interface PromptDraft {
  readonly title: string;
  readonly body: string;
  readonly variables: readonly PromptVariable[];
  readonly jobFamilyIds: readonly string[];
  readonly taskIds: readonly string[];
  /** Comma-separated, as typed. */
  readonly tagsText: string;
}

export const emptyPromptDraft: PromptDraft = {
  title: '',
  body: '',
  variables: [],
  jobFamilyIds: [],
  taskIds: [],
  tagsText: '',
};

export function draftFromPrompt(prompt: PromptContent): PromptDraft {
  return {
    title: prompt.title,
    body: prompt.body,
    variables: prompt.variables,
    jobFamilyIds: prompt.jobFamilyIds,
    taskIds: prompt.taskIds,
    tagsText: prompt.tags.join(', '),
  };
}

/** A new body, with the variables re-read from its `{{placeholders}}`. */
export function withBody(draft: PromptDraft, body: string): PromptDraft {
  return { ...draft, body, variables: reconcileVariables(body, draft.variables) };
}

/** "Email, client , email" → ["email", "client"]. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

export type DraftCheck =
  | { readonly ok: true; readonly content: PromptContent }
  | { readonly ok: false; readonly errors: FieldErrors };

function fieldKey(path: readonly PropertyKey[]): string {
  // Tags are one input, so any tag's problem belongs to it.
  if (path[0] === 'tags') return 'tags';
  return path.map(String).join('.');
}

/** Checks a draft with the same schema the API applies, so mistakes show before sending. */
export function checkDraft(draft: PromptDraft): DraftCheck {
  const parsed = promptContentSchema.safeParse({
    title: draft.title,
    body: draft.body,
    variables: draft.variables.map(({ default: fallback, ...variable }) =>
      fallback === undefined || fallback === '' ? variable : { ...variable, default: fallback },
    ),
    jobFamilyIds: draft.jobFamilyIds,
    taskIds: draft.taskIds,
    tags: parseTags(draft.tagsText),
  });
  if (parsed.success) return { ok: true, content: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= fieldMessage(issue);
  }
  return { ok: false, errors };
}

/** The fields a problem+json answer names, keyed like `checkDraft`'s errors. */
export function fieldErrorsFromProblem(problem: Problem): FieldErrors {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const key = fieldKey(error.field.replace(/^body\./, '').split('.'));
    errors[key] ??= error.message;
  }
  return errors;
}

/** Whether two versions say the same thing; counters, status and dates aside. */
export function sameContent(a: PromptContent, b: PromptContent): boolean {
  const key = (content: PromptContent): string =>
    JSON.stringify([
      content.title,
      content.body,
      content.variables.map((variable) => [
        variable.name,
        variable.description,
        variable.default ?? '',
        variable.required,
      ]),
      content.jobFamilyIds,
      content.taskIds,
      content.tags,
    ]);
  return key(a) === key(b);
}
