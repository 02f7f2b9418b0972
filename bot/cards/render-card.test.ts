import { describe, expect, it } from 'vitest';
import { findCardElements } from '../../tests/support/bot-framework.js';
import { commandCatalog } from '../commands.js';
import {
  renderHelpCard,
  renderNoticeCard,
  renderPromptCard,
  renderPromptFormCard,
  renderPromptPickerCard,
  renderSavePromptCard,
  renderWelcomeCard,
} from './render-card.js';
import { expectCleanCard, expectValidCard } from '../../tests/support/card-checks.js';

const commands = commandCatalog.map(({ name, summary }) => ({ name, summary }));

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

const hostileText =
  '${title} **bold** [link](https://evil.example) # heading\n- item\n"}]},{"type":"Image","url":"x"';

function textRuns(card: unknown): unknown[] {
  return findCardElements(card, 'TextRun').map((run) => run.text);
}

describe('renderPromptCard', () => {
  const prompt = {
    title: 'Proposal outline',
    text: 'Draft a proposal for {{client}}.\n\n1. Scope\n2. Price',
    labels: 'consulting · proposal',
    libraryUrl: 'https://lastmile.example.com/#/library/p1',
  };

  it('should show the title, the prompt as written and its labels, with a link to the library', () => {
    const card = renderPromptCard(prompt);
    expectCleanCard(card);
    expect(textRuns(card)).toEqual([prompt.title, prompt.text, prompt.labels]);
    expect(findCardElements(card, 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in library', url: prompt.libraryUrl },
    ]);
  });

  it('should leave out the link and the labels when there are none', () => {
    const card = renderPromptCard({ ...prompt, labels: '', libraryUrl: '' });
    expectCleanCard(card);
    expect(textRuns(card)).toEqual([prompt.title, prompt.text]);
    expect(findCardElements(card, 'Action.OpenUrl')).toEqual([]);
  });

  it('should offer a thumbs-down that flags the library prompt only when it names one', () => {
    expect(findCardElements(renderPromptCard(prompt), 'Action.Execute')).toEqual([]);
    const card = renderPromptCard({ ...prompt, promptId: 'p1' });
    expectCleanCard(card);
    expect(findCardElements(card, 'Action.Execute')).toEqual([
      {
        type: 'Action.Execute',
        title: '👎 It didn’t work',
        verb: 'flagPrompt',
        data: { promptId: 'p1' },
      },
    ]);
  });

  it('should keep hostile prompt text as plain text in TextRuns, never as template or card JSON', () => {
    const plain = renderPromptCard(prompt);
    const card = renderPromptCard({ ...prompt, title: hostileText, text: hostileText });
    expectValidCard(card);
    expect(textRuns(card).slice(0, 2)).toEqual([hostileText, hostileText]);
    expect(findCardElements(card, 'Image')).toEqual([]);
    expect(countObjects(card)).toBe(countObjects(plain));
  });

  it('should refuse a library link that is not http(s)', () => {
    expect(() => renderPromptCard({ ...prompt, libraryUrl: 'javascript:alert(1)' })).toThrow();
  });
});

describe('renderPromptPickerCard', () => {
  it('should offer the prompts to choose from with Next and Search', () => {
    const card = renderPromptPickerCard({
      error: '',
      search: 'proposal',
      choices: [
        { title: 'Proposal outline', value: 'p1' },
        { title: 'Proposal review', value: 'p2' },
      ],
    });
    expectCleanCard(card);
    const [choiceSet] = findCardElements(card, 'Input.ChoiceSet');
    expect(choiceSet?.id).toBe('promptId');
    expect(choiceSet?.choices).toEqual([
      { title: 'Proposal outline', value: 'p1' },
      { title: 'Proposal review', value: 'p2' },
    ]);
    expect(findCardElements(card, 'Input.Text')[0]).toMatchObject({
      id: 'search',
      value: 'proposal',
    });
    expect(findCardElements(card, 'Action.Submit').map((action) => action.data)).toEqual([
      { step: 'pick' },
      { step: 'search' },
    ]);
  });

  it('should say so when nothing matches, and show an error when there is one', () => {
    const card = renderPromptPickerCard({
      error: 'Choose a prompt first.',
      search: 'zzz',
      choices: [],
    });
    expectCleanCard(card);
    expect(findCardElements(card, 'Input.ChoiceSet')).toEqual([]);
    expect(textRuns(card)).toEqual(['Choose a prompt first.']);
    expect(JSON.stringify(card)).toContain('No published prompts match');
  });
});

describe('renderPromptFormCard', () => {
  it('should ask for each variable with a bounded input and insert with the prompt id', () => {
    const card = renderPromptFormCard({
      promptId: 'p1',
      title: 'Proposal outline',
      text: 'Draft a proposal for {{client}} in a {{tone}} tone.',
      error: '',
      fields: [
        { id: 'var_client', label: 'The client', placeholder: '', value: '', required: true },
        {
          id: 'var_tone',
          label: 'Tone',
          placeholder: 'friendly',
          value: 'friendly',
          required: false,
        },
      ],
    });
    expectCleanCard(card);
    const inputs = findCardElements(card, 'Input.Text');
    expect(
      inputs.map((input) => [input.id, input.label, input.isRequired, input.maxLength]),
    ).toEqual([
      ['var_client', 'The client', true, 4000],
      ['var_tone', 'Tone', false, 4000],
    ]);
    expect(inputs[1]).toMatchObject({ placeholder: 'friendly', value: 'friendly' });
    expect(findCardElements(card, 'Action.Submit')[0]).toMatchObject({
      title: 'Insert',
      data: { step: 'fill', promptId: 'p1' },
    });
  });

  it('should show the error above the form and say when there is nothing to fill in', () => {
    const card = renderPromptFormCard({
      promptId: 'p1',
      title: 'T',
      text: 'No variables here.',
      error: 'Fill in: The client.',
      fields: [],
    });
    expectCleanCard(card);
    expect(textRuns(card)).toContain('Fill in: The client.');
    expect(JSON.stringify(card)).toContain('This prompt has nothing to fill in.');
  });
});

describe('renderSavePromptCard', () => {
  const form = {
    title: 'Client update',
    body: 'Write to {{client}}.',
    jobFamilyId: 'analysis',
    tags: 'email',
    author: 'Ada Lovelace',
    jobFamilies: [
      { id: 'consulting', name: 'Consulting' },
      { id: 'analysis', name: 'Analysis' },
    ],
  };

  it('should prefill the form from the message and preselect the job family', () => {
    const card = renderSavePromptCard({ ...form, errors: [] });
    expectCleanCard(card);
    const inputs = Object.fromEntries(
      findCardElements(card, 'Input.Text').map((input) => [input.id, input.value]),
    );
    expect(inputs).toEqual({ title: 'Client update', body: 'Write to {{client}}.', tags: 'email' });
    expect(findCardElements(card, 'Input.ChoiceSet')[0]).toMatchObject({
      id: 'jobFamilyId',
      value: 'analysis',
      choices: [
        { title: 'Consulting', value: 'consulting' },
        { title: 'Analysis', value: 'analysis' },
      ],
    });
    expect(textRuns(card)).toEqual(['From a message by ', 'Ada Lovelace']);
  });

  it('should list each error on its own line', () => {
    const card = renderSavePromptCard({
      ...form,
      author: '',
      errors: [{ line: 'First problem.' }, { line: 'Second problem.' }],
    });
    expectCleanCard(card);
    expect(findCardElements(card, 'RichTextBlock')).toHaveLength(2);
    expect(textRuns(card)).toEqual(['First problem.', 'Second problem.']);
  });

  it('should keep a hostile message body as the input value only', () => {
    const card = renderSavePromptCard({
      ...form,
      body: hostileText,
      title: hostileText,
      errors: [],
    });
    expectValidCard(card);
    expect(findCardElements(card, 'Image')).toEqual([]);
    expect(findCardElements(card, 'Input.Text')[1]?.value).toBe(hostileText);
  });
});

function countObjects(json: unknown): number {
  if (Array.isArray(json)) return json.reduce<number>((sum, item) => sum + countObjects(item), 0);
  if (typeof json === 'object' && json !== null) {
    return 1 + Object.values(json).reduce<number>((sum, value) => sum + countObjects(value), 0);
  }
  return 0;
}
