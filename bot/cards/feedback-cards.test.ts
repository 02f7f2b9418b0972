import { describe, expect, it } from 'vitest';
import { findCardElements, parseAdaptiveCard } from '../../tests/support/bot-framework.js';
import {
  expectCleanCard,
  expectValidCard,
  hostileTextWith,
  inputsOf,
  textBlocks,
  textRuns,
} from '../../tests/support/card-checks.js';
import { renderFlagChatCard, renderFlagFormCard, renderSuggestionCard } from './feedback-cards.js';
import type { FlagFormCardData } from './feedback-cards.js';

const hostileText = hostileTextWith('excerpt');

function inputById(card: unknown, id: string): Record<string, unknown> | undefined {
  return [
    ...findCardElements(card, 'Input.Text'),
    ...findCardElements(card, 'Input.ChoiceSet'),
  ].find((input) => input.id === id);
}

describe('renderFlagFormCard', () => {
  const flag: FlagFormCardData = {
    excerpt: 'The Q3 revenue was £4.2m, up 300% on last year.',
    author: 'Copilot',
    category: '',
    expected: '',
    promptId: '',
    prompts: [
      { id: 'p-summary', title: 'Summarise a report' },
      { id: 'p-email', title: 'Draft a client email' },
    ],
    errors: [],
  };

  it('should ask for a category, what was expected and the prompt used, sent with step submit', () => {
    const card = renderFlagFormCard(flag);
    expectCleanCard(card);
    expect(textBlocks(card)[0]).toBe('Flag AI output');
    expect(inputsOf(card)).toEqual([
      'Input.Text:expected',
      'Input.ChoiceSet:category',
      'Input.ChoiceSet:promptId',
    ]);
    expect(inputById(card, 'category')).toMatchObject({
      style: 'expanded',
      isRequired: true,
      value: '',
      choices: [
        { title: 'Wrong or made up', value: 'wrong' },
        { title: 'Biased or unfair', value: 'biased' },
        { title: 'Unhelpful', value: 'unhelpful' },
        { title: 'Unsafe or harmful', value: 'unsafe' },
        { title: 'Something else', value: 'other' },
      ],
    });
    expect(inputById(card, 'expected')).toMatchObject({
      label: 'What did you expect instead?',
      isMultiline: true,
      isRequired: true,
      maxLength: 2000,
      value: '',
    });
    const promptInput = inputById(card, 'promptId');
    expect(promptInput).toMatchObject({
      label: 'Library prompt you used (optional)',
      style: 'compact',
      placeholder: 'None',
      value: '',
      choices: [
        { title: 'Summarise a report', value: 'p-summary' },
        { title: 'Draft a client email', value: 'p-email' },
      ],
    });
    expect(promptInput?.isRequired).not.toBe(true);
    expect(findCardElements(card, 'Action.Submit')).toEqual([
      { type: 'Action.Submit', title: 'Send flag', data: { step: 'submit' } },
    ]);
    expect(textBlocks(card)).toContain(
      "Your champion and the prompt's owner will see this flag; you will hear back when it is dealt with.",
    );
  });

  it('should quote the excerpt in an emphasis container, by its author', () => {
    const card = renderFlagFormCard(flag);
    const quote = findCardElements(card, 'Container').find((box) => box.style === 'emphasis');
    expect(textRuns(quote)).toEqual([flag.excerpt, 'by ', 'Copilot']);
    expect(textRuns(card)).toEqual([flag.excerpt, 'by ', 'Copilot']);
  });

  it('should leave out the author line when unknown and the quote when there is nothing to quote', () => {
    const noAuthor = renderFlagFormCard({ ...flag, author: '' });
    expectCleanCard(noAuthor);
    expect(textRuns(noAuthor)).toEqual([flag.excerpt]);
    const nothing = renderFlagFormCard({ ...flag, excerpt: '', author: '' });
    expectCleanCard(nothing);
    expect(textRuns(nothing)).toEqual([]);
    expect(findCardElements(nothing, 'Container')).toEqual([]);
  });

  it('should prefill the category, what was expected and the prompt from the data', () => {
    const card = renderFlagFormCard({
      ...flag,
      category: 'biased',
      expected: 'Figures from the report itself.',
      promptId: 'p-email',
    });
    expectCleanCard(card);
    expect(inputById(card, 'category')?.value).toBe('biased');
    expect(inputById(card, 'expected')?.value).toBe('Figures from the report itself.');
    expect(inputById(card, 'promptId')?.value).toBe('p-email');
  });

  it('should leave out the prompt input when there are no prompts to choose from', () => {
    const card = renderFlagFormCard({ ...flag, prompts: [] });
    expectCleanCard(card);
    expect(inputsOf(card)).toEqual(['Input.Text:expected', 'Input.ChoiceSet:category']);
  });

  it('should show errors in the attention colour', () => {
    const card = renderFlagFormCard({
      ...flag,
      errors: [{ line: 'Choose what was wrong.' }, { line: 'Say what you expected instead.' }],
    });
    expectCleanCard(card);
    const errorRuns = findCardElements(card, 'TextRun').filter((run) => run.color === 'Attention');
    expect(errorRuns.map((run) => run.text)).toEqual([
      'Choose what was wrong.',
      'Say what you expected instead.',
    ]);
  });

  it('should keep hostile text as plain text', () => {
    const hostile = hostileText.slice(0, 200);
    const card = renderFlagFormCard({
      ...flag,
      excerpt: hostileText,
      author: hostile,
      expected: hostileText,
      prompts: [{ id: 'p-1', title: hostile }],
      errors: [{ line: hostileText }],
    });
    expectValidCard(card);
    expect(textRuns(card)).toEqual([hostileText, 'by ', hostile, hostileText]);
    expect(textBlocks(card)).not.toContain(hostileText);
    expect(inputById(card, 'expected')?.value).toBe(hostileText);
    expect(inputById(card, 'promptId')?.choices).toEqual([{ title: hostile, value: 'p-1' }]);
    expect(findCardElements(card, 'Image')).toEqual([]);
    expect(inputsOf(card)).toHaveLength(3);
  });

  it('should refuse data that is too long, of an unknown category or of the wrong type', () => {
    expect(() => renderFlagFormCard({ ...flag, excerpt: 'x'.repeat(601) })).toThrow();
    expect(() => renderFlagFormCard({ ...flag, expected: 'x'.repeat(2001) })).toThrow();
    expect(() => renderFlagFormCard({ ...flag, promptId: 'x'.repeat(65) })).toThrow();
    expect(() =>
      renderFlagFormCard({ ...flag, category: 'rude' as FlagFormCardData['category'] }),
    ).toThrow();
    expect(() =>
      renderFlagFormCard({
        ...flag,
        prompts: Array.from({ length: 26 }, (_, index) => ({ id: `p${index}`, title: 'T' })),
      }),
    ).toThrow();
    expect(() =>
      renderFlagFormCard({ ...flag, errors: null as unknown as FlagFormCardData['errors'] }),
    ).toThrow();
  });
});

describe('renderFlagChatCard', () => {
  it('should ask for the output and answer through Action.Execute submitFlag', () => {
    const card = renderFlagChatCard({
      category: '',
      expected: '',
      promptId: '',
      prompts: [],
      errors: [],
      outputText: '**not bold** ${x}',
    });
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    const output = findCardElements(card, 'Input.Text').find(
      (input) => input['id'] === 'outputText',
    );
    expect(output?.['value']).toBe('**not bold** ${x}');
    expect(findCardElements(card, 'Action.Execute').map((action) => action['verb'])).toEqual([
      'submitFlag',
    ]);
    expect(findCardElements(card, 'Action.Submit')).toEqual([]);
  });
});

describe('renderSuggestionCard', () => {
  it('should ask for a title and detail, keep what was typed literal, and submit with submitSuggestion', () => {
    const card = renderSuggestionCard({
      title: '${title} **x**',
      detail: '<b>detail</b>',
      errors: [{ line: 'Give your suggestion a short title.' }],
    });
    expect(parseAdaptiveCard(card).problems).toEqual([]);
    const inputs = findCardElements(card, 'Input.Text');
    expect(inputs.map((input) => [input['id'], input['value']])).toEqual([
      ['title', '${title} **x**'],
      ['detail', '<b>detail</b>'],
    ]);
    expect(findCardElements(card, 'Action.Execute').map((action) => action['verb'])).toEqual([
      'submitSuggestion',
    ]);
    expect(() =>
      renderSuggestionCard({ title: 'x'.repeat(121), detail: '', errors: [] }),
    ).toThrow();
  });
});
