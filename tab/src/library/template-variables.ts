import { variableNamePattern, type PromptVariable } from '../../../src/contracts/prompts.js';

/** `{{name}}`, with optional spaces inside the braces. */
const placeholderPattern = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export type TemplateSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string; readonly text: string };

/** Splits a prompt body into plain text and `{{variable}}` placeholders, for highlighting. */
export function templateSegments(body: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(placeholderPattern)) {
    const name = match[1] ?? '';
    if (!variableNamePattern.test(name)) continue;
    if (match.index > last) segments.push({ kind: 'text', text: body.slice(last, match.index) });
    segments.push({ kind: 'variable', name, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

/** The variable names a body uses, each once, in the order they first appear. */
export function detectVariables(body: string): string[] {
  const names: string[] = [];
  for (const segment of templateSegments(body)) {
    if (segment.kind === 'variable' && !names.includes(segment.name)) names.push(segment.name);
  }
  return names;
}

/**
 * The variables for an edited body: those still used keep what the author wrote about them, new
 * ones start required with no description, and those no longer used are dropped.
 */
export function reconcileVariables(
  body: string,
  existing: readonly PromptVariable[],
): PromptVariable[] {
  return detectVariables(body).map(
    (name) => existing.find((variable) => variable.name === name) ?? newVariable(name),
  );
}

function newVariable(name: string): PromptVariable {
  return { name, description: '', required: true };
}

/** "client_name" or "clientName" → "Client name": a variable's name as a label. */
export function variableLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Required variables with neither a value nor a default: the prompt cannot be filled in yet. */
export function missingValues(
  variables: readonly PromptVariable[],
  values: Readonly<Record<string, string>>,
): string[] {
  return variables
    .filter(
      (variable) =>
        variable.required &&
        variable.default === undefined &&
        (values[variable.name] ?? '').trim() === '',
    )
    .map((variable) => variable.name);
}
