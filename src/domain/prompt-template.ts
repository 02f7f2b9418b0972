import type { PromptVariable } from '../contracts/prompts.js';

/**
 * Prompt templates know one construct, `{{name}}`; nothing else in the text is interpreted, so a
 * prompt can never run code or reach data beyond the values the person typed.
 */
const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9_]{0,39})\s*\}\}/g;

/** The variable names a body uses, in order of first appearance. */
export function placeholdersOf(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(placeholder)) {
    const name = match[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

export interface TemplateProblem {
  readonly field: string;
  readonly message: string;
}

/** Placeholders and declared variables must match one to one, and names must be unique. */
export function templateProblems(
  body: string,
  variables: readonly PromptVariable[],
): TemplateProblem[] {
  const used = placeholdersOf(body);
  const declared = variables.map((variable) => variable.name);
  const problems: TemplateProblem[] = [];
  for (const name of used) {
    if (!declared.includes(name)) {
      problems.push({
        field: 'variables',
        message: `{{${name}}} is used in the body but not declared`,
      });
    }
  }
  declared.forEach((name, index) => {
    if (declared.indexOf(name) !== index) {
      problems.push({
        field: `variables.${String(index)}.name`,
        message: `${name} is declared twice`,
      });
    } else if (!used.includes(name)) {
      problems.push({
        field: `variables.${String(index)}.name`,
        message: `${name} is declared but not used in the body`,
      });
    }
  });
  return problems;
}

/** Declares every placeholder of a body that has no declaration yet (required, no default). */
export function withDeclaredPlaceholders(
  body: string,
  variables: readonly PromptVariable[],
): PromptVariable[] {
  const declared = new Set(variables.map((variable) => variable.name));
  return [
    ...variables,
    ...placeholdersOf(body)
      .filter((name) => !declared.has(name))
      .map((name) => ({ name, description: '', required: true })),
  ];
}

export interface Rendered {
  readonly text: string;
  /** Required variables that had neither a value nor a default; they stay as `{{name}}`. */
  readonly missing: string[];
}

/**
 * Fills each `{{name}}` with the given value, else the variable's default; an optional variable
 * with neither becomes empty, a required one stays visible as `{{name}}` and is reported missing.
 */
export function renderPrompt(
  body: string,
  variables: readonly PromptVariable[],
  values: Readonly<Record<string, string>>,
): Rendered {
  const missing: string[] = [];
  const byName = new Map(variables.map((variable) => [variable.name, variable]));
  const text = body.replace(placeholder, (whole, name: string) => {
    const given = Object.hasOwn(values, name) ? values[name]?.trim() : undefined;
    if (given !== undefined && given !== '') return given;
    const variable = byName.get(name);
    if (variable?.default !== undefined && variable.default !== '') return variable.default;
    if (variable?.required === false) return '';
    if (!missing.includes(name)) missing.push(name);
    return whole;
  });
  return { text, missing };
}
