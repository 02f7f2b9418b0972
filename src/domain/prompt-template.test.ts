import fc from 'fast-check';
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

describe('renderPrompt with generated text and values', () => {
  // `{{name}}` as DESIGN.md defines it; the test builds bodies around it, never with it.
  const placeholderPattern = /\{\{\s*([A-Za-z][A-Za-z0-9_]{0,39})\s*\}\}/gu;
  const names = ['client', 'tone', 'topic', 'constructor', 'toString', 'valueOf'] as const;
  /** Text that would do something if anything but `{{name}}` were read as a template. */
  const templateLike = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(
      '${process.exit(1)}',
      '${$root.secret}',
      '${string(1+1)}',
      '${if(true, "a", "b")}',
      '${client}',
      '{{client}}',
      '{{ tone }}',
      '{{{{client}}}}',
      '{{constructor}}',
      '{{__proto__}}',
      '{{#each items}}x{{/each}}',
      '<%= 1 + 1 %>',
      '#{1 + 1}',
      '`${1 + 1}`',
      "$1 $& $` $' $$",
      '{{',
      '}}',
    ),
  );
  const segment = fc.oneof(
    { arbitrary: templateLike.map((text) => ({ kind: 'text' as const, text })), weight: 2 },
    {
      arbitrary: fc
        .record({ name: fc.constantFrom(...names), inner: fc.constantFrom('', ' ', '  ') })
        .map(({ name, inner }) => ({
          kind: 'placeholder' as const,
          name,
          text: `{{${inner}${name}${inner}}}`,
        })),
      weight: 1,
    },
  );
  const variable = (name: string): fc.Arbitrary<PromptVariable> =>
    fc
      .record({ required: fc.boolean(), default: fc.option(templateLike, { nil: undefined }) })
      .map(({ required, default: fallback }) => ({
        name,
        description: '',
        required,
        ...(fallback === undefined ? {} : { default: fallback }),
      }));
  const cases = fc.record({
    segments: fc.array(segment, { maxLength: 12 }),
    variables: fc.tuple(...names.map(variable)),
    values: fc.dictionary(fc.constantFrom(...names), templateLike, { maxKeys: names.length }),
  });

  it('should fill each placeholder once with the value as written, reading nothing else', () => {
    fc.assert(
      fc.property(cases, ({ segments, variables: declared, values }) => {
        const body = segments.map((part) => part.text).join('');
        const placeholders = segments.filter((part) => part.kind === 'placeholder').length;
        // Only bodies whose placeholders are exactly the ones put in (text around them forms none).
        fc.pre([...body.matchAll(placeholderPattern)].length === placeholders);
        const byName = new Map(declared.map((entry) => [entry.name, entry]));
        const missing: string[] = [];
        const expected = segments
          .map((part) => {
            if (part.kind === 'text') return part.text;
            const given = Object.hasOwn(values, part.name) ? values[part.name]?.trim() : undefined;
            if (given !== undefined && given !== '') return given;
            const entry = byName.get(part.name);
            if (entry?.default !== undefined && entry.default !== '') return entry.default;
            if (entry?.required === false) return '';
            if (!missing.includes(part.name)) missing.push(part.name);
            return part.text;
          })
          .join('');
        expect(renderPrompt(body, declared, values)).toEqual({ text: expected, missing });
      }),
      { seed: 20_261_126, numRuns: 400 },
    );
  });

  it('should leave a body without placeholders exactly as written, whatever the values', () => {
    fc.assert(
      fc.property(
        fc.array(templateLike, { maxLength: 8 }).map((parts) => parts.join(' ')),
        fc.dictionary(fc.string({ maxLength: 12 }), templateLike),
        (body, values) => {
          fc.pre(placeholdersOf(body).length === 0);
          expect(renderPrompt(body, [], values)).toEqual({ text: body, missing: [] });
        },
      ),
      { seed: 20_261_126, numRuns: 300 },
    );
  });
});
