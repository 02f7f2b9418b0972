/**
 * Checks shared by the card tests: a card parses cleanly with the Adaptive Cards library, every
 * template expression was filled in, and readers for its text and inputs.
 */
import { expect } from 'vitest';
import { findCardElements, parseAdaptiveCard } from './bot-framework.js';

/** Parses with the Adaptive Cards library: no parse or validation messages, schema 1.5. */
export function expectValidCard(json: unknown): void {
  const { card, problems } = parseAdaptiveCard(json);
  expect(problems).toEqual([]);
  expect(card.version?.toString()).toBe('1.5');
}

/** Valid, and every template expression was filled in. */
export function expectCleanCard(json: unknown): void {
  expectValidCard(json);
  expect(JSON.stringify(json)).not.toContain('${');
}

/** Text that would break a card if it were read as a template, markdown, HTML or card JSON. */
export function hostileTextWith(expression: string): string {
  return `\${${expression}} \${string(1+1)} **bold** <b>html</b> [link](https://evil.example) # heading\n- item\n"}]},{"type":"Image","url":"x"`;
}

export function textRuns(card: unknown): unknown[] {
  return findCardElements(card, 'TextRun').map((run) => run['text']);
}

export function textBlocks(card: unknown): unknown[] {
  return findCardElements(card, 'TextBlock').map((block) => block['text']);
}

/** Every input in the card, as `type:id`. */
export function inputsOf(card: unknown): string[] {
  const types = ['Input.Text', 'Input.ChoiceSet', 'Input.Time', 'Input.Date', 'Input.Toggle'];
  return types.flatMap((type) =>
    findCardElements(card, type).map((input) => `${type}:${String(input['id'])}`),
  );
}
