/**
 * The pure parts of the message extension's forms: what a "Fill a prompt" form asks and what came
 * back from it, and what "Save as prompt" proposes from a Teams message. Form data arrives as
 * untrusted JSON (the card's inputs merged with the button's data), so everything is checked here.
 */
import {
  promptContentSchema,
  variableNamePattern,
  type PromptContent,
  type PromptVariable,
  type PromptView,
} from '../src/contracts/prompts.js';
import { htmlToPlainText, oneLine, tidyLines, titleFromMessage } from './plain-text.js';

export const maxValueLength = 4000;
const variableInputPrefix = 'var_';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of form data, trimmed, or '' when absent or not text. */
export function formText(data: unknown, field: string): string {
  if (!isRecord(data)) return '';
  const value = data[field];
  return typeof value === 'string' ? value.trim() : '';
}

// ---------------------------------------------------------------------------------------------
// Fill a prompt

/** The card input that holds a variable's value. */
export function variableInputId(name: string): string {
  return `${variableInputPrefix}${name}`;
}

export interface FormField {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly required: boolean;
}

/**
 * One input per variable. What the person typed before stays when the form comes back; otherwise
 * the default is filled in, so they see what the prompt would use.
 */
export function formFields(
  variables: readonly PromptVariable[],
  entered: Readonly<Record<string, string>> = {},
): FormField[] {
  return variables.map((variable) => ({
    id: variableInputId(variable.name),
    label: oneLine(variable.description === '' ? variable.name : variable.description, 200),
    placeholder: variable.default === undefined ? '' : oneLine(variable.default, 200),
    value: (entered[variable.name] ?? variable.default ?? '').slice(0, maxValueLength),
    required: variable.required,
  }));
}

/**
 * The values typed into a fill-in form, by variable name. Blank inputs are left out so the
 * prompt's defaults apply; values are cut to the length the input allows.
 */
export function enteredValues(data: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (!isRecord(data)) return values;
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(variableInputPrefix) || typeof value !== 'string') continue;
    const name = key.slice(variableInputPrefix.length);
    const text = value.trim();
    if (variableNamePattern.test(name) && text !== '') values[name] = text.slice(0, maxValueLength);
  }
  return values;
}

/** "Fill in: Client name, Notes." for the required variables still without a value. */
export function missingValuesMessage(
  variables: readonly PromptVariable[],
  missing: readonly string[],
): string {
  const labels = missing.map((name) => {
    const variable = variables.find((candidate) => candidate.name === name);
    return oneLine(
      variable === undefined || variable.description === '' ? name : variable.description,
      80,
    );
  });
  return `Fill in: ${labels.join(', ')}.`;
}

/**
 * Whether the prompt can be shown filled in without asking anything: it has variables and every
 * required one has a default. Otherwise the card shows the body with its placeholders.
 */
export function fillsWithDefaults(prompt: Pick<PromptView, 'variables'>): boolean {
  return (
    prompt.variables.length > 0 &&
    prompt.variables.every((variable) => !variable.required || variable.default !== undefined)
  );
}

/**
 * "Consulting, Analysis · proposal, client email": what a prompt is for, on one line. Job families
 * show by name; one the program does not (or no longer) know shows by its id.
 */
export function promptLabels(
  prompt: Pick<PromptView, 'jobFamilyIds' | 'tags'>,
  jobFamilyNames: ReadonlyMap<string, string> = new Map(),
): string {
  const families = prompt.jobFamilyIds.map((id) => jobFamilyNames.get(id) ?? id);
  return [families.join(', '), prompt.tags.join(', ')].filter((part) => part !== '').join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Save as prompt

export interface JobFamilyChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * The job families a saved prompt can be filed under when the program's own list is not known
 * (a bot run without the program): the demo program's.
 */
export const defaultJobFamilyChoices: readonly JobFamilyChoice[] = [
  { id: 'consulting', name: 'Consulting' },
  { id: 'analysis', name: 'Analysis' },
  { id: 'client-management', name: 'Client management' },
  { id: 'operations', name: 'Operations' },
];

/**
 * The program's job families (names by id), or the defaults when none are known, with the
 * caller's own job family added when the list does not have it.
 */
export function jobFamilyChoicesFor(
  jobFamilyId: string | undefined,
  programFamilies: ReadonlyMap<string, string> = new Map(),
): JobFamilyChoice[] {
  const choices =
    programFamilies.size > 0
      ? [...programFamilies].map(([id, name]) => ({ id, name }))
      : [...defaultJobFamilyChoices];
  if (jobFamilyId !== undefined && !choices.some((choice) => choice.id === jobFamilyId)) {
    choices.push({ id: jobFamilyId, name: jobFamilyId });
  }
  return choices;
}

export interface SaveForm {
  readonly title: string;
  readonly body: string;
  readonly jobFamilyId: string;
  readonly tags: string;
  /** Who wrote the message, to show on the form; '' when unknown. */
  readonly author: string;
}

const maxFormBody = 8000;

/**
 * The text and author of the message a message action was used on: Teams sends the body as HTML
 * (or text) in `messagePayload`, and the author in `from.user`.
 */
export function flaggedMessage(messagePayload: unknown): { text: string; author: string } {
  const payload = isRecord(messagePayload) ? messagePayload : {};
  const body = isRecord(payload.body) ? payload.body : {};
  const content = typeof body.content === 'string' ? body.content : '';
  const text = body.contentType === 'text' ? tidyLines(content) : htmlToPlainText(content);
  const from = isRecord(payload.from) && isRecord(payload.from.user) ? payload.from.user : {};
  const author = typeof from.displayName === 'string' ? oneLine(from.displayName, 100) : '';
  return { text, author };
}

/**
 * The form's first values from the message someone chose "Save as prompt" on: Teams sends the
 * message body as HTML (or text) in `messagePayload`.
 */
export function saveFormFromMessage(
  messagePayload: unknown,
  jobFamilyId: string | undefined,
): SaveForm {
  const { text, author } = flaggedMessage(messagePayload);
  return {
    title: titleFromMessage(text),
    body: text.slice(0, maxFormBody),
    jobFamilyId: jobFamilyId ?? '',
    tags: '',
    author,
  };
}

/** The form as submitted, cut to what the card shows, to show again when something needs fixing. */
export function saveFormFromData(data: unknown): SaveForm {
  return {
    title: formText(data, 'title').slice(0, 200),
    body: formText(data, 'body').slice(0, maxFormBody),
    jobFamilyId: formText(data, 'jobFamilyId').slice(0, 64),
    tags: formText(data, 'tags').slice(0, 500),
    author: '',
  };
}

/** The distinct `{{name}}` placeholders in a body, in order; malformed ones stay plain text. */
export function placeholderNames(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/gu)) {
    const name = match[1] ?? '';
    if (variableNamePattern.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Comma (or semicolon) separated tags, lowercased, blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;]/u)
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

const fieldMessages: Readonly<Record<string, string>> = {
  title: 'Give the prompt a title of 3 to 120 characters.',
  body: 'The prompt text needs 10 to 8,000 characters.',
  tags: 'Tags use lowercase letters, digits, spaces and dashes: up to 12 tags of 40 characters.',
  jobFamilyIds: 'Choose a job family from the list.',
  variables:
    'Placeholders are written {{name}}: a letter, then letters, digits or _, and at most 20.',
};

/** Plain sentences for the fields at fault, one per field, in the form's order. */
export function saveFormErrors(fields: readonly string[]): string[] {
  const order = ['title', 'body', 'jobFamilyIds', 'tags', 'variables'];
  const faulty = new Set(fields.map((field) => field.split('.')[0] ?? field));
  const known = order
    .filter((field) => faulty.has(field))
    .map((field) => fieldMessages[field] ?? '');
  const unknown = [...faulty].filter((field) => !order.includes(field));
  return [...known, ...(unknown.length > 0 ? ['Check the form and try again.'] : [])];
}

export type SaveFormResult =
  | { readonly ok: true; readonly content: PromptContent }
  | { readonly ok: false; readonly form: SaveForm; readonly errors: readonly string[] };

/**
 * The prompt a submitted "Save as prompt" form proposes: each `{{placeholder}}` in the text becomes
 * a required variable, the job family one of the offered choices.
 */
export function contentFromSaveForm(
  data: unknown,
  allowedJobFamilyIds: readonly string[],
): SaveFormResult {
  const jobFamilyId = formText(data, 'jobFamilyId');
  const body = formText(data, 'body');
  const faults: string[] = [];
  if (jobFamilyId !== '' && !allowedJobFamilyIds.includes(jobFamilyId)) faults.push('jobFamilyIds');
  const parsed = promptContentSchema.safeParse({
    title: formText(data, 'title'),
    body,
    variables: placeholderNames(body).map((name) => ({ name, required: true })),
    jobFamilyIds: jobFamilyId === '' ? [] : [jobFamilyId],
    tags: parseTags(formText(data, 'tags')),
  });
  if (!parsed.success) faults.push(...parsed.error.issues.map((issue) => issue.path.join('.')));
  if (!parsed.success || faults.length > 0) {
    return { ok: false, form: saveFormFromData(data), errors: saveFormErrors(faults) };
  }
  return { ok: true, content: parsed.data };
}
