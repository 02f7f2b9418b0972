import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftFromPrompt,
  emptyPromptDraft,
  fieldErrorsFromProblem,
  parseTags,
  sameContent,
  withBody,
} from './prompt-draft.js';

const valid = {
  ...emptyPromptDraft,
  title: 'Client follow-up',
  body: 'Write a follow-up to {{client}} about {{topic}}.',
  tagsText: 'Email, follow-up, email',
};

describe('parseTags', () => {
  it('should split on commas, trim, lower-case and drop duplicates and blanks', () => {
    expect(parseTags(' Email, client ,, email ')).toEqual(['email', 'client']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('withBody', () => {
  it('should detect the variables of a new body', () => {
    const draft = withBody(emptyPromptDraft, 'Hi {{name}}, {{name}} and {{date}}');
    expect(draft.variables.map((variable) => variable.name)).toEqual(['name', 'date']);
  });
});

describe('checkDraft', () => {
  it('should turn a valid draft into prompt content, leaving out empty defaults', () => {
    const draft = withBody(valid, valid.body);
    const edited = {
      ...draft,
      variables: draft.variables.map((variable, index) =>
        index === 0 ? { ...variable, default: '' } : { ...variable, default: 'pricing' },
      ),
    };
    const check = checkDraft(edited);
    expect(check).toEqual({
      ok: true,
      content: {
        title: 'Client follow-up',
        body: valid.body,
        variables: [
          { name: 'client', description: '', required: true },
          { name: 'topic', description: '', required: true, default: 'pricing' },
        ],
        jobFamilyIds: [],
        taskIds: [],
        tags: ['email', 'follow-up'],
      },
    });
  });

  it('should name each field at fault', () => {
    const check = checkDraft({
      ...emptyPromptDraft,
      title: 'x',
      body: 'short',
      tagsText: 'ok, b@d',
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['body', 'tags', 'title']);
  });

  it('should read back a prompt it was made from', () => {
    const content = {
      title: 'A title',
      body: 'Body with {{x}} in it',
      variables: [{ name: 'x', description: 'X', required: false }],
      jobFamilyIds: ['analysis'],
      taskIds: ['t1'],
      tags: ['a', 'b'],
    };
    expect(checkDraft(draftFromPrompt(content))).toEqual({ ok: true, content });
  });
});

describe('fieldErrorsFromProblem', () => {
  it('should key the API’s field errors like the form’s own', () => {
    expect(
      fieldErrorsFromProblem({
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        errors: [
          { field: 'body.title', message: 'too short' },
          { field: 'tags.2', message: 'bad tag' },
          { field: 'variables.0.name', message: 'bad name' },
        ],
      }),
    ).toEqual({ title: 'too short', tags: 'bad tag', 'variables.0.name': 'bad name' });
  });
});

describe('sameContent', () => {
  const content = {
    title: 'A title',
    body: 'Body with {{x}} in it',
    variables: [{ name: 'x', description: 'X', required: true }],
    jobFamilyIds: ['analysis'],
    taskIds: [],
    tags: ['a'],
  };

  it('should ignore counters, status and dates', () => {
    expect(
      sameContent(content, {
        ...content,
        usageCount: 4,
        status: 'retired',
        updatedAt: 'x',
      } as typeof content),
    ).toBe(true);
  });

  it('should notice a change to any field an author writes', () => {
    expect(sameContent(content, { ...content, title: 'Another' })).toBe(false);
    expect(sameContent(content, { ...content, tags: ['b'] })).toBe(false);
    expect(
      sameContent(content, {
        ...content,
        variables: [{ name: 'x', description: 'X', required: false }],
      }),
    ).toBe(false);
  });
});
