import { describe, expect, it } from 'vitest';
import type { PromptVariable } from '../src/contracts/prompts.js';
import {
  contentFromSaveForm,
  enteredValues,
  fillsWithDefaults,
  formFields,
  jobFamilyChoicesFor,
  missingValuesMessage,
  parseTags,
  placeholderNames,
  promptLabels,
  saveFormFromMessage,
} from './prompt-forms.js';

const variables: PromptVariable[] = [
  { name: 'client', description: 'The client', required: true },
  { name: 'tone', description: '', default: 'friendly', required: true },
  { name: 'extra', description: 'Anything else', required: false },
];

describe('formFields', () => {
  it('should ask for each variable by its description, with defaults filled in', () => {
    expect(formFields(variables)).toEqual([
      { id: 'var_client', label: 'The client', placeholder: '', value: '', required: true },
      { id: 'var_tone', label: 'tone', placeholder: 'friendly', value: 'friendly', required: true },
      { id: 'var_extra', label: 'Anything else', placeholder: '', value: '', required: false },
    ]);
  });

  it('should keep what the person typed when the form comes back', () => {
    const fields = formFields(variables, { client: 'Contoso', tone: 'formal' });
    expect(fields.map((field) => field.value)).toEqual(['Contoso', 'formal', '']);
  });
});

describe('enteredValues', () => {
  it('should read var_ inputs by variable name and leave out blanks and other fields', () => {
    expect(
      enteredValues({
        step: 'fill',
        promptId: 'p1',
        var_client: '  Contoso ',
        var_tone: '   ',
        var_extra: 42,
        'var_bad name': 'x',
        other: 'y',
      }),
    ).toEqual({ client: 'Contoso' });
  });

  it('should cut a value to the 4,000 characters the input allows', () => {
    expect(enteredValues({ var_notes: 'n'.repeat(5000) }).notes).toHaveLength(4000);
  });

  it('should read nothing from data that is not an object', () => {
    expect(enteredValues('var_client=x')).toEqual({});
    expect(enteredValues(null)).toEqual({});
  });
});

describe('missingValuesMessage', () => {
  it('should name the missing variables by their descriptions', () => {
    expect(missingValuesMessage(variables, ['client', 'tone'])).toBe('Fill in: The client, tone.');
  });
});

describe('fillsWithDefaults', () => {
  it('should fill only a prompt whose required variables all have defaults', () => {
    expect(fillsWithDefaults({ variables })).toBe(false);
    expect(fillsWithDefaults({ variables: variables.slice(1) })).toBe(true);
    expect(fillsWithDefaults({ variables: [] })).toBe(false);
  });
});

describe('promptLabels', () => {
  it('should put job families and tags on one line, leaving out what is empty', () => {
    expect(promptLabels({ jobFamilyIds: ['consulting'], tags: ['proposal', 'email'] })).toBe(
      'consulting · proposal, email',
    );
    expect(promptLabels({ jobFamilyIds: [], tags: ['email'] })).toBe('email');
    expect(promptLabels({ jobFamilyIds: [], tags: [] })).toBe('');
  });

  it('should name the job families the program knows and show the id of one it does not', () => {
    const names = new Map([['operations', 'Operations and support']]);
    expect(promptLabels({ jobFamilyIds: ['operations', 'legal'], tags: ['report'] }, names)).toBe(
      'Operations and support, legal · report',
    );
  });
});

describe('saveFormFromMessage', () => {
  it('should prefill the title and the plain text of an HTML message', () => {
    const form = saveFormFromMessage(
      {
        body: {
          contentType: 'html',
          content:
            '<p>Client update email:</p><p>Write to {{client}} about <b>delays</b> &amp; next steps.</p>',
        },
        from: { user: { displayName: 'Ada Lovelace' } },
      },
      'consulting',
    );
    expect(form).toEqual({
      title: 'Client update email',
      body: 'Client update email:\nWrite to {{client}} about delays & next steps.',
      jobFamilyId: 'consulting',
      tags: '',
      author: 'Ada Lovelace',
    });
  });

  it('should keep a text message as written, markup included', () => {
    const form = saveFormFromMessage(
      { body: { contentType: 'text', content: 'Use <b> as is' } },
      undefined,
    );
    expect(form.body).toBe('Use <b> as is');
    expect(form.jobFamilyId).toBe('');
    expect(form.author).toBe('');
  });

  it('should give an empty form for a missing or malformed payload', () => {
    expect(saveFormFromMessage(undefined, undefined)).toEqual({
      title: '',
      body: '',
      jobFamilyId: '',
      tags: '',
      author: '',
    });
  });
});

describe('placeholderNames and parseTags', () => {
  it('should list each well-formed placeholder once, in order', () => {
    expect(
      placeholderNames('{{ client }} {{notes}} {{client}} {{bad name}} {{1x}} {notes}'),
    ).toEqual(['client', 'notes']);
  });

  it('should split tags on commas, lowercase them and drop blanks and repeats', () => {
    expect(parseTags(' Proposal, client email,,proposal ; Retail ')).toEqual([
      'proposal',
      'client email',
      'retail',
    ]);
  });
});

describe('jobFamilyChoicesFor', () => {
  it('should offer the four job families and add the caller’s own when it is another', () => {
    expect(jobFamilyChoicesFor('consulting').map((choice) => choice.id)).toEqual([
      'consulting',
      'analysis',
      'client-management',
      'operations',
    ]);
    expect(jobFamilyChoicesFor('legal').at(-1)).toEqual({ id: 'legal', name: 'legal' });
  });

  it("should offer the program's own job families by name when they are known", () => {
    const program = new Map([
      ['operations', 'Operations and support'],
      ['people', 'People and talent'],
    ]);
    expect(jobFamilyChoicesFor('people', program)).toEqual([
      { id: 'operations', name: 'Operations and support' },
      { id: 'people', name: 'People and talent' },
    ]);
    expect(jobFamilyChoicesFor('consulting', program).map((choice) => choice.id)).toEqual([
      'operations',
      'people',
      'consulting',
    ]);
  });
});

describe('contentFromSaveForm', () => {
  const allowed = ['consulting', 'analysis'];

  it('should propose the prompt with its placeholders as required variables', () => {
    const result = contentFromSaveForm(
      {
        step: 'save',
        title: ' Client update ',
        body: 'Write to {{client}} about {{topic}}.',
        jobFamilyId: 'consulting',
        tags: 'Email, update',
      },
      allowed,
    );
    expect(result).toEqual({
      ok: true,
      content: {
        title: 'Client update',
        body: 'Write to {{client}} about {{topic}}.',
        variables: [
          { name: 'client', description: '', required: true },
          { name: 'topic', description: '', required: true },
        ],
        jobFamilyIds: ['consulting'],
        taskIds: [],
        tags: ['email', 'update'],
      },
    });
  });

  it('should file a prompt under no job family when none is chosen', () => {
    const result = contentFromSaveForm(
      { title: 'Abc', body: 'Ten chars!!', jobFamilyId: '' },
      allowed,
    );
    expect(result.ok && result.content.jobFamilyIds).toEqual([]);
  });

  it('should explain each field at fault and keep what was typed', () => {
    const result = contentFromSaveForm(
      { title: 'ab', body: 'too short', jobFamilyId: 'marketing', tags: 'ok, Bad_tag!' },
      allowed,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Give the prompt a title of 3 to 120 characters.',
      'The prompt text needs 10 to 8,000 characters.',
      'Choose a job family from the list.',
      'Tags use lowercase letters, digits, spaces and dashes: up to 12 tags of 40 characters.',
    ]);
    expect(result.form).toMatchObject({ title: 'ab', body: 'too short', tags: 'ok, Bad_tag!' });
  });

  it('should refuse a body over 8,000 characters rather than cut it silently', () => {
    const result = contentFromSaveForm({ title: 'Long one', body: 'x'.repeat(8001) }, allowed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.form.body).toHaveLength(8000);
  });

  it('should treat data that is not an object as an empty form', () => {
    const result = contentFromSaveForm('title=x', allowed);
    expect(result.ok).toBe(false);
  });
});
