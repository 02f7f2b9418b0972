import { describe, expect, it } from 'vitest';
import { findCardElements, parseAdaptiveCard } from '../../tests/support/bot-framework.js';
import { commandCatalog } from '../commands.js';
import { renderHelpCard, renderNoticeCard, renderWelcomeCard } from './render-card.js';

const commands = commandCatalog.map(({ name, summary }) => ({ name, summary }));

/** Parses with the Adaptive Cards library: no parse or validation messages, schema 1.5. */
function expectValidCard(json: unknown): void {
  const { card, problems } = parseAdaptiveCard(json);
  expect(problems).toEqual([]);
  expect(card.version?.toString()).toBe('1.5');
}

/** Valid, and every template expression was filled in. */
function expectCleanCard(json: unknown): void {
  expectValidCard(json);
  expect(JSON.stringify(json)).not.toContain('${');
}

function showCommandsAction(json: unknown): Record<string, unknown> | undefined {
  return findCardElements(json, 'Action.Submit').find((action) => action.title === 'Show commands');
}

describe('renderWelcomeCard', () => {
  it('should greet a person by name in a valid 1.5 card with a button to the commands', () => {
    const card = renderWelcomeCard({ scope: 'personal', name: 'Ada Lovelace' });
    expectCleanCard(card);
    const runs = findCardElements(card, 'TextRun').map((run) => run.text);
    expect(runs.join('')).toBe('Hi Ada Lovelace, welcome to Lastmile.');
    expect(JSON.stringify(card)).not.toContain('Lastmile is here');
    expect(showCommandsAction(card)?.data).toEqual({
      msteams: { type: 'messageBack', text: 'help', displayText: 'help' },
    });
  });

  it('should introduce Lastmile to a team without a personal greeting', () => {
    const card = renderWelcomeCard({ scope: 'team' });
    expectCleanCard(card);
    const texts = findCardElements(card, 'TextBlock').map((block) => block.text);
    expect(texts[0]).toBe('Lastmile is here');
    expect(texts.join(' ')).toMatch(/practice/u);
    expect(findCardElements(card, 'TextRun')).toEqual([]);
    expect(showCommandsAction(card)).toBeDefined();
  });

  it('should show a hostile name as plain text, never as template, markdown or card JSON', () => {
    const hostile =
      '${scope} ${string(1+1)} **bold** [link](https://evil.example) "}]},{"type":"Image","url":"x"';
    const plain = renderWelcomeCard({ scope: 'personal', name: 'Ada' });
    const card = renderWelcomeCard({ scope: 'personal', name: hostile });

    expectValidCard(card);
    const runs = findCardElements(card, 'TextRun');
    expect(runs.map((run) => run.text)).toContain(hostile);
    // The name sits in a TextRun, which Adaptive Cards never reads as markdown.
    expect(findCardElements(card, 'TextBlock').map((block) => block.text)).not.toContain(hostile);
    expect(findCardElements(card, 'Image')).toEqual([]);
    expect(countObjects(card)).toBe(countObjects(plain));
  });

  it('should refuse data that is not text where text belongs', () => {
    const injected = { type: 'Image', url: 'https://evil.example/x.png' };
    expect(() =>
      renderWelcomeCard({ scope: 'personal', name: injected as unknown as string }),
    ).toThrow();
  });
});

describe('renderHelpCard', () => {
  it('should list every command with its one-line summary', () => {
    const card = renderHelpCard({ lead: '', commands });
    expectCleanCard(card);
    const facts = findCardElements(card, 'FactSet')[0]?.facts;
    expect(facts).toEqual(commands.map(({ name, summary }) => ({ title: name, value: summary })));
  });

  it('should show the lead line only when there is one', () => {
    const withLead = renderHelpCard({ lead: "I didn't catch that.", commands });
    const withoutLead = renderHelpCard({ lead: '', commands });
    expectCleanCard(withLead);
    const firstText = (card: unknown): unknown => findCardElements(card, 'TextBlock')[0]?.text;
    expect(firstText(withLead)).toBe("I didn't catch that.");
    expect(firstText(withoutLead)).toBe('Here is what I can do');
  });
});

describe('renderNoticeCard', () => {
  it('should show the message with a button to the commands', () => {
    const card = renderNoticeCard({ message: 'Lessons are not set up yet for this program.' });
    expectCleanCard(card);
    expect(findCardElements(card, 'TextBlock').map((block) => block.text)).toEqual([
      'Lessons are not set up yet for this program.',
    ]);
    expect(showCommandsAction(card)).toBeDefined();
  });
});

function countObjects(json: unknown): number {
  if (Array.isArray(json)) return json.reduce<number>((sum, item) => sum + countObjects(item), 0);
  if (typeof json === 'object' && json !== null) {
    return 1 + Object.values(json).reduce<number>((sum, value) => sum + countObjects(value), 0);
  }
  return 0;
}
