import { describe, expect, it } from 'vitest';
import type { LessonContent } from '../../../src/contracts/lessons.js';
import {
  checkLessonDraft,
  draftFromLesson,
  emptyLessonDraft,
  fieldErrorsFromProblem,
  optionLetter,
  withoutOption,
} from './lesson-draft.js';

const lesson: LessonContent = {
  jobFamilyId: 'consulting',
  week: 3,
  title: 'Summarise a client call',
  minutes: 4,
  taskId: 'client-call',
  scenario: 'You just came off a client call with pages of notes.',
  promptId: 'p-call-summary',
  tryIt: 'Paste your notes after the prompt and compare the actions with yours.',
  check: {
    question: 'What do you check first?',
    options: [
      { id: 'a', text: 'The tone', correct: false, feedback: 'Tone matters less than facts.' },
      { id: 'b', text: 'The actions and owners', correct: true, feedback: 'Yes: they go out.' },
    ],
  },
  reflection: 'What did the summary miss?',
  status: 'published',
};

describe('checkLessonDraft', () => {
  it('should read back a lesson it was made from', () => {
    expect(checkLessonDraft(draftFromLesson(lesson))).toEqual({ ok: true, content: lesson });
  });

  it('should leave out the task and prompt when none is chosen', () => {
    const draft = { ...draftFromLesson(lesson), taskId: '', promptId: '' };
    const check = checkLessonDraft(draft);
    expect(check.ok && 'taskId' in check.content).toBe(false);
    expect(check.ok && 'promptId' in check.content).toBe(false);
  });

  it('should name every empty field of a new lesson, the options included', () => {
    const check = checkLessonDraft(emptyLessonDraft('consulting', 1));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(
      [
        'title',
        'scenario',
        'tryIt',
        'check.question',
        'check.options.0.text',
        'check.options.0.feedback',
        'check.options.1.text',
        'check.options.1.feedback',
        'reflection',
      ].sort(),
    );
  });

  it('should ask for a week and minutes in range instead of reading a blank as zero', () => {
    const check = checkLessonDraft({ ...draftFromLesson(lesson), week: ' ', minutes: '6' });
    expect(check.ok ? undefined : check.errors).toMatchObject({
      week: 'Enter a week from 1 to 12',
      minutes: 'Enter whole minutes from 1 to 5',
    });
  });

  it('should mark exactly the chosen option correct, lettered by position', () => {
    const draft = { ...draftFromLesson(lesson), correctIndex: 0 };
    const check = checkLessonDraft(draft);
    expect(check.ok ? check.content.check.options.map((o) => [o.id, o.correct]) : []).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });
});

describe('withoutOption', () => {
  const three = {
    ...draftFromLesson(lesson),
    options: [
      { text: 'A', feedback: 'a' },
      { text: 'B', feedback: 'b' },
      { text: 'C', feedback: 'c' },
    ],
  };

  it('should keep the correct mark on the same answer when another one goes', () => {
    expect(withoutOption({ ...three, correctIndex: 2 }, 0).correctIndex).toBe(1);
    expect(withoutOption({ ...three, correctIndex: 0 }, 2).correctIndex).toBe(0);
  });

  it('should move the mark to the first answer when the correct one goes', () => {
    const after = withoutOption({ ...three, correctIndex: 1 }, 1);
    expect(after.options.map((option) => option.text)).toEqual(['A', 'C']);
    expect(after.correctIndex).toBe(0);
  });
});

describe('fieldErrorsFromProblem', () => {
  it('should key the server’s field errors like the form’s own', () => {
    const errors = fieldErrorsFromProblem({
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      errors: [
        { field: 'check.options.1.text', message: 'Too long' },
        { field: 'body.title', message: 'Required' },
      ],
    });
    expect(errors).toEqual({ 'check.options.1.text': 'Too long', title: 'Required' });
  });
});

describe('optionLetter', () => {
  it('should letter options from A', () => {
    expect([0, 1, 4].map(optionLetter)).toEqual(['A', 'B', 'E']);
  });
});
