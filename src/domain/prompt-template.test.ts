import { describe, expect, it } from 'vitest';
import type { PromptVariable } from '../contracts/prompts.js';
import {
  placeholdersOf,
  renderPrompt,
  templateProblems,
  withDeclaredPlaceholders,
} from './prompt-template.js';

const variables: PromptVariable[] = [
  { name: 'client', description: 'Client name', required: true },
  { name: 'tone', description: 'Tone', default: 'warm', required: true },
  { name: 'extra', description: 'Anything else', required: false },
];

describe('placeholdersOf', () => {
  it('should list each placeholder once in order, tolerating spaces inside the braces', () => {
    expect(placeholdersOf('Dear {{client}}, {{ tone }} and {{client}} again {{extra}}')).toEqual([
      'client',
      'tone',
      'extra',
    ]);
  });

  it('should ignore things that only look like placeholders', () => {
    expect(placeholdersOf('{{1abc}} {{a-b}} {client} {{}} ${client} {{__proto__}}')).toEqual([]);
  });
});

describe('renderPrompt', () => {
  it('should fill values, fall back to defaults and drop empty optional variables', () => {
    const result = renderPrompt('To {{client}} in a {{tone}} tone.{{extra}}', variables, {
      client: 'Contoso',
    });
    expect(result).toEqual({ text: 'To Contoso in a warm tone.', missing: [] });
  });

  it('should keep a required variable without value visible and report it', () => {
    const result = renderPrompt('To {{client}}: {{client}}', variables, { client: '  ' });
    expect(result).toEqual({ text: 'To {{client}}: {{client}}', missing: ['client'] });
  });

  it('should insert values literally, never as a template', () => {
    const result = renderPrompt('Hello {{client}}', variables, {
      client: '{{tone}} ${process.env} <b>',
    });
    expect(result.text).toBe('Hello {{tone}} ${process.env} <b>');
  });

  it('should not read inherited properties as values', () => {
    const result = renderPrompt('{{constructor}} {{toString}}', [], {});
    expect(result.missing).toEqual(['constructor', 'toString']);
  });
});

describe('templateProblems', () => {
  it('should accept a body whose placeholders are exactly the declared variables', () => {
    expect(templateProblems('{{client}} {{tone}} {{extra}}', variables)).toEqual([]);
  });

  it('should name undeclared, unused and duplicate variables', () => {
    const problems = templateProblems('{{client}} {{missing}}', [
      ...variables,
      { name: 'client', description: '', required: true },
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      '{{missing}} is used in the body but not declared',
      'tone is declared but not used in the body',
      'extra is declared but not used in the body',
      'client is declared twice',
    ]);
  });
});

describe('withDeclaredPlaceholders', () => {
  it('should declare placeholders that have no declaration yet', () => {
    expect(
      withDeclaredPlaceholders('{{client}} {{deadline}}', [variables[0] as PromptVariable]),
    ).toEqual([variables[0], { name: 'deadline', description: '', required: true }]);
  });
});
