import { describe, expect, it } from 'vitest';
import { practicePhases } from '../../src/contracts/practice.js';
import { findCardElements } from '../../tests/support/bot-framework.js';
import {
  expectCleanCard,
  expectValidCard,
  hostileTextWith,
  inputsOf,
  textBlocks,
  textRuns,
} from '../../tests/support/card-checks.js';
import {
  renderAnnouncementCard,
  renderCapturePromptCard,
  renderLessonCard,
  renderPracticeCard,
  renderProgressCard,
  renderSetupCard,
} from './learning-cards.js';
import type {
  LessonCardData,
  PracticeCardData,
  ProgressCardData,
  SetupCardData,
} from './learning-cards.js';

const hostileText = hostileTextWith('title');

/** Every action in the card, whatever its type. */
function actionsOf(card: unknown): Record<string, unknown>[] {
  const types = ['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard'];
  return types.flatMap((type) => findCardElements(card, type));
}

function countObjects(json: unknown): number {
  if (Array.isArray(json)) return json.reduce<number>((sum, item) => sum + countObjects(item), 0);
  if (typeof json === 'object' && json !== null) {
    return 1 + Object.values(json).reduce<number>((sum, value) => sum + countObjects(value), 0);
  }
  return 0;
}

/** The hostile text appears only as a TextRun, an input label or an input value. */
function expectOnlyPlainText(card: unknown, plain: unknown): void {
  expectValidCard(card);
  expect(textBlocks(card)).not.toContain(hostileText);
  expect(findCardElements(card, 'FactSet').flatMap((set) => set.facts)).not.toContainEqual(
    expect.objectContaining({ value: hostileText }),
  );
  expect(findCardElements(card, 'Image')).toEqual([]);
  expect(countObjects(card)).toBe(countObjects(plain));
}

describe('renderSetupCard', () => {
  const setup: SetupCardData = {
    name: 'Ada Lovelace',
    jobFamilies: [
      { id: 'consulting', name: 'Consulting' },
      { id: 'analysis', name: 'Analysis' },
    ],
    departments: [
      { id: 'advisory', name: 'Advisory' },
      { id: 'finance', name: 'Finance' },
    ],
    timeZones: [
      { id: 'Europe/London', name: 'London' },
      { id: 'UTC', name: 'UTC' },
    ],
    values: {
      jobFamilyId: 'analysis',
      departmentId: '',
      lessonDay: 'tuesday',
      lessonTime: '10:00',
      timeZone: 'Europe/London',
    },
    error: '',
    saved: false,
  };

  it('should ask for job family, department, day, time and zone, saved with saveSetup', () => {
    const card = renderSetupCard(setup);
    expectCleanCard(card);
    expect(inputsOf(card)).toEqual([
      'Input.ChoiceSet:jobFamilyId',
      'Input.ChoiceSet:departmentId',
      'Input.ChoiceSet:lessonDay',
      'Input.ChoiceSet:timeZone',
      'Input.Time:lessonTime',
    ]);
    const choiceSets = Object.fromEntries(
      findCardElements(card, 'Input.ChoiceSet').map((input) => [input.id, input]),
    );
    expect(choiceSets.jobFamilyId).toMatchObject({
      style: 'compact',
      value: 'analysis',
      isRequired: true,
      choices: [
        { title: 'Consulting', value: 'consulting' },
        { title: 'Analysis', value: 'analysis' },
      ],
    });
    expect(choiceSets.departmentId).toMatchObject({ value: '', style: 'compact' });
    expect(choiceSets.lessonDay?.choices).toEqual([
      { title: 'Monday', value: 'monday' },
      { title: 'Tuesday', value: 'tuesday' },
      { title: 'Wednesday', value: 'wednesday' },
      { title: 'Thursday', value: 'thursday' },
      { title: 'Friday', value: 'friday' },
      { title: 'Saturday', value: 'saturday' },
      { title: 'Sunday', value: 'sunday' },
    ]);
    expect(choiceSets.timeZone).toMatchObject({ value: 'Europe/London' });
    expect(findCardElements(card, 'Input.Time')[0]).toMatchObject({ value: '10:00' });
    expect(actionsOf(card)).toEqual([{ type: 'Action.Execute', verb: 'saveSetup', title: 'Save' }]);
    expect(textRuns(card)).toEqual(['Set up your lessons, ', 'Ada Lovelace']);
  });

  it('should confirm when lessons arrive once saved, and keep the form', () => {
    const card = renderSetupCard({ ...setup, saved: true });
    expectCleanCard(card);
    expect(textRuns(card)).toContain(
      "You're set: lessons arrive on Tuesdays at 10:00 (Europe/London).",
    );
    expect(inputsOf(card)).toHaveLength(5);
    expect(actionsOf(card).map((action) => action.verb)).toEqual(['saveSetup']);
  });

  it('should show an error and start empty when nothing is chosen yet', () => {
    const card = renderSetupCard({
      ...setup,
      name: '',
      error: 'Choose your department.',
      values: { jobFamilyId: '', departmentId: '', lessonDay: '', lessonTime: '', timeZone: '' },
    });
    expectCleanCard(card);
    expect(textRuns(card)).toEqual(['Choose your department.']);
    expect(textBlocks(card)[0]).toBe('Set up your lessons');
  });

  it('should keep a hostile name and choice names as plain text', () => {
    const plain = renderSetupCard(setup);
    const card = renderSetupCard({
      ...setup,
      name: hostileText,
      jobFamilies: [{ id: 'consulting', name: hostileText }, ...setup.jobFamilies.slice(1)],
    });
    expectOnlyPlainText(card, plain);
    expect(textRuns(card)).toContain(hostileText);
    expect(findCardElements(card, 'Input.ChoiceSet')[0]?.choices).toContainEqual({
      title: hostileText,
      value: 'consulting',
    });
  });

  it('should refuse a saved card without a day, and data of the wrong type', () => {
    expect(() =>
      renderSetupCard({ ...setup, saved: true, values: { ...setup.values, lessonDay: '' } }),
    ).toThrow();
    expect(() =>
      renderSetupCard({ ...setup, values: { ...setup.values, lessonTime: '25:00' } }),
    ).toThrow();
    expect(() => renderSetupCard({ ...setup, saved: 'yes' as unknown as boolean })).toThrow();
    expect(() => renderSetupCard({ ...setup, jobFamilies: [] })).toThrow();
  });
});

describe('renderLessonCard', () => {
  const libraryPrompt = {
    title: 'Proposal outline',
    text: 'Draft a proposal for {{client}}.\n\n1. Scope\n2. Price',
    libraryUrl: 'https://lastmile.example.com/#/library/p1',
  };
  const lesson: LessonCardData = {
    lessonId: 'consulting-w2',
    title: 'Outline a proposal in minutes',
    minutes: 5,
    week: 2,
    jobFamilyName: 'Consulting',
    taskName: 'Proposal drafting',
    scenario: 'A client wants a proposal by Friday.',
    tryIt: 'Paste the brief into the prompt below and compare the outline with your last one.',
    prompt: libraryPrompt,
    question: 'What should you check first in the outline?',
    options: [
      { id: 'a', text: 'That every claim matches the brief' },
      { id: 'b', text: 'The font' },
    ],
    reflection: 'Where would this save you time this week?',
    answered: null,
    alreadyDone: false,
    error: '',
  };
  const answered = {
    answerId: 'a',
    correct: true,
    feedback: 'Yes: AI outlines drift from the brief.',
    chosenText: 'That every claim matches the brief',
    reflectionText: 'On the Friday status report.',
  };

  it('should show the lesson with an answer choice, a reflection box and answerLesson', () => {
    const card = renderLessonCard(lesson);
    expectCleanCard(card);
    expect(inputsOf(card)).toEqual(['Input.Text:reflection', 'Input.ChoiceSet:answerId']);
    expect(findCardElements(card, 'Input.ChoiceSet')[0]).toMatchObject({
      style: 'expanded',
      isRequired: true,
      errorMessage: 'Choose an answer.',
      label: lesson.question,
      choices: [
        { title: 'That every claim matches the brief', value: 'a' },
        { title: 'The font', value: 'b' },
      ],
    });
    const reflection = findCardElements(card, 'Input.Text')[0];
    expect(reflection).toMatchObject({ label: lesson.reflection, isMultiline: true });
    expect(reflection?.isRequired).toBeUndefined();
    expect(actionsOf(card)).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'answerLesson',
        data: { lessonId: 'consulting-w2' },
      }),
      {
        type: 'Action.OpenUrl',
        title: 'Open the prompt in the library',
        url: 'https://lastmile.example.com/#/library/p1',
      },
    ]);
    expect(textRuns(card)).toEqual([
      lesson.title,
      'Week 2 · 5 minutes · Consulting · Proposal drafting',
      lesson.scenario,
      lesson.tryIt,
      'Proposal outline',
      libraryPrompt.text,
    ]);
    const promptRun = findCardElements(card, 'TextRun').find(
      (run) => run.text === libraryPrompt.text,
    );
    expect(promptRun?.fontType).toBe('Monospace');
  });

  it('should leave out the prompt, the task and the library link when there are none', () => {
    const card = renderLessonCard({ ...lesson, prompt: null, taskName: '', minutes: 1 });
    expectCleanCard(card);
    expect(textRuns(card)).toEqual([
      lesson.title,
      'Week 2 · 1 minute · Consulting',
      lesson.scenario,
      lesson.tryIt,
    ]);
    expect(actionsOf(card).map((action) => action.type)).toEqual(['Action.Execute']);
  });

  it('should show a right answer in green with the reflection, and only Next lesson', () => {
    const card = renderLessonCard({ ...lesson, answered });
    expectCleanCard(card);
    expect(inputsOf(card)).toEqual([]);
    expect(actionsOf(card)).toEqual([
      { type: 'Action.Execute', verb: 'nextLesson', title: 'Next lesson' },
    ]);
    const runs = findCardElements(card, 'TextRun');
    expect(runs.map((run) => run.text)).toEqual(
      expect.arrayContaining([
        answered.chosenText,
        '✓ Correct.',
        answered.feedback,
        lesson.reflection,
        answered.reflectionText,
      ]),
    );
    expect(runs.find((run) => run.text === answered.feedback)?.color).toBe('Good');
    expect(JSON.stringify(card)).not.toContain('already');
  });

  it('should show a wrong answer in the attention colour and note an answer already recorded', () => {
    const card = renderLessonCard({
      ...lesson,
      alreadyDone: true,
      answered: {
        ...answered,
        answerId: 'b',
        correct: false,
        chosenText: 'The font',
        feedback: 'Not quite.',
        reflectionText: '',
      },
    });
    expectCleanCard(card);
    const runs = findCardElements(card, 'TextRun');
    expect(runs.find((run) => run.text === '✗ Not quite.')?.color).toBe('Attention');
    expect(runs.find((run) => run.text === 'Not quite.')?.color).toBe('Attention');
    expect(runs.map((run) => run.text)).not.toContain(lesson.reflection);
    expect(textBlocks(card).join(' ')).toMatch(/already done this lesson/u);
  });

  it('should show an error line above the lesson', () => {
    const card = renderLessonCard({ ...lesson, error: 'Choose an answer first.' });
    expectCleanCard(card);
    const errorRun = findCardElements(card, 'TextRun').find(
      (run) => run.text === 'Choose an answer first.',
    );
    expect(errorRun?.color).toBe('Attention');
  });

  it('should keep hostile lesson and answer text as plain text', () => {
    const hostileLesson: LessonCardData = {
      ...lesson,
      title: hostileText,
      scenario: hostileText,
      tryIt: hostileText,
      prompt: { title: hostileText, text: hostileText, libraryUrl: '' },
      question: hostileText,
      reflection: hostileText,
      options: [{ id: 'a', text: hostileText }, ...lesson.options.slice(1)],
    };
    const unanswered = renderLessonCard(hostileLesson);
    expectOnlyPlainText(
      unanswered,
      renderLessonCard({ ...lesson, prompt: { ...libraryPrompt, libraryUrl: '' } }),
    );
    expect(textRuns(unanswered).filter((text) => text === hostileText)).toHaveLength(5);

    const hostileAnswer = {
      ...answered,
      chosenText: hostileText,
      feedback: hostileText,
      reflectionText: hostileText,
    };
    const card = renderLessonCard({ ...hostileLesson, answered: hostileAnswer });
    expectOnlyPlainText(card, renderLessonCard({ ...lesson, answered }));
    expect(textRuns(card).filter((text) => text === hostileText)).toHaveLength(10);
  });

  it('should refuse data of the wrong type and a library link that is not http(s)', () => {
    expect(() => renderLessonCard({ ...lesson, week: '2' as unknown as number })).toThrow();
    expect(() =>
      renderLessonCard({ ...lesson, title: { type: 'Image' } as unknown as string }),
    ).toThrow();
    expect(() => renderLessonCard({ ...lesson, options: lesson.options.slice(0, 1) })).toThrow();
    expect(() =>
      renderLessonCard({
        ...lesson,
        prompt: { ...libraryPrompt, libraryUrl: 'javascript:alert(1)' },
      }),
    ).toThrow();
  });
});

describe('renderProgressCard', () => {
  const progress: ProgressCardData = {
    name: 'Ada',
    programWeek: 3,
    completed: 2,
    total: 8,
    due: 1,
    practiceAttended: 1,
    nextLessonText: 'Tuesday 10:00',
    lessons: [
      { week: 1, title: 'Your first prompt', stateLabel: 'Done' },
      { week: 2, title: 'Outline a proposal', stateLabel: 'Done' },
      { week: 3, title: 'Check the numbers', stateLabel: 'Due' },
    ],
  };

  it('should show the figures and each lesson, with a button when a lesson is due', () => {
    const card = renderProgressCard(progress);
    expectCleanCard(card);
    expect(findCardElements(card, 'FactSet')[0]?.facts).toEqual([
      { title: 'Program week', value: 'Week 3' },
      { title: 'Lessons done', value: '2 of 8' },
      { title: 'Due now', value: '1 lesson' },
      { title: 'Practice sessions', value: '1 session' },
      { title: 'Next lesson', value: 'Tuesday 10:00' },
    ]);
    expect(findCardElements(card, 'ColumnSet')).toHaveLength(3);
    expect(textRuns(card)).toEqual([
      'Your progress, ',
      'Ada',
      'Your first prompt',
      'Done',
      'Outline a proposal',
      'Done',
      'Check the numbers',
      'Due',
    ]);
    expect(textBlocks(card)).toEqual(expect.arrayContaining(['Week 1', 'Week 2', 'Week 3']));
    expect(actionsOf(card)).toEqual([
      { type: 'Action.Execute', verb: 'nextLesson', title: 'Take the next lesson' },
    ]);
  });

  it('should offer no button when nothing is due, and say when there are no lessons', () => {
    const card = renderProgressCard({
      ...progress,
      name: '',
      programWeek: 0,
      due: 0,
      practiceAttended: 2,
      nextLessonText: '',
      lessons: [],
    });
    expectCleanCard(card);
    expect(actionsOf(card)).toEqual([]);
    expect(findCardElements(card, 'FactSet')[0]?.facts).toEqual([
      { title: 'Program week', value: 'Not started yet' },
      { title: 'Lessons done', value: '2 of 8' },
      { title: 'Due now', value: 'Nothing' },
      { title: 'Practice sessions', value: '2 sessions' },
    ]);
    expect(textBlocks(card)).toContain('There are no lessons for your job family yet.');
    expect(textBlocks(card)[0]).toBe('Your progress');
  });

  it('should keep hostile lesson titles and names as plain text', () => {
    const card = renderProgressCard({
      ...progress,
      name: hostileText,
      lessons: progress.lessons.map((item) => ({ ...item, title: hostileText })),
    });
    expectOnlyPlainText(card, renderProgressCard(progress));
    expect(textRuns(card).filter((text) => text === hostileText)).toHaveLength(4);
  });

  it('should refuse data of the wrong type', () => {
    expect(() => renderProgressCard({ ...progress, due: -1 })).toThrow();
    expect(() => renderProgressCard({ ...progress, completed: 1.5 })).toThrow();
    expect(() =>
      renderProgressCard({
        ...progress,
        lessons: 'none' as unknown as ProgressCardData['lessons'],
      }),
    ).toThrow();
  });
});

describe('renderPracticeCard', () => {
  const practice: PracticeCardData = {
    sessionId: 'practice:abc:2026-W48',
    jobFamilyName: 'Consulting',
    weekLabel: 'Week 3',
    scenario: 'A client wants a proposal by Friday.',
    prompt: { title: 'Proposal outline', text: 'Draft a proposal for {{client}}.' },
    phases: practicePhases.map(({ label, minutes }) => ({ label, minutes })),
    attendeeCount: 0,
    startedByName: 'Grace Hopper',
    capturedCount: 0,
    ended: false,
  };

  it('should lay out the 20 minutes with attendance and capture buttons', () => {
    const card = renderPracticeCard(practice);
    expectCleanCard(card);
    expect(textBlocks(card)[0]).toBe('20-minute practice');
    expect(findCardElements(card, 'FactSet')[0]?.facts).toEqual([
      { title: 'Try it', value: '5 min' },
      { title: 'Share what worked', value: '10 min' },
      { title: 'Capture the prompt', value: '5 min' },
    ]);
    expect(textRuns(card)).toEqual([
      'Consulting',
      ' · ',
      'Week 3',
      'Started by ',
      'Grace Hopper',
      practice.scenario,
      'Proposal outline',
      'Draft a proposal for {{client}}.',
    ]);
    expect(textBlocks(card)).toContain('0 people took part');
    expect(inputsOf(card)).toEqual([]);
    expect(actionsOf(card)).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'attendPractice',
        title: 'I took part',
        data: { sessionId: practice.sessionId },
      }),
      {
        type: 'Action.Submit',
        title: 'Capture a prompt',
        data: {
          verb: 'capturePrompt',
          sessionId: practice.sessionId,
          msteams: { type: 'task/fetch' },
        },
      },
    ]);
  });

  it('should count people and captured prompts in words', () => {
    const one = renderPracticeCard({ ...practice, attendeeCount: 1, capturedCount: 1 });
    expectCleanCard(one);
    expect(textBlocks(one)).toEqual(
      expect.arrayContaining(['1 person took part', '1 prompt captured for the library']),
    );
    const many = renderPracticeCard({ ...practice, attendeeCount: 12, capturedCount: 3 });
    expect(textBlocks(many)).toEqual(
      expect.arrayContaining(['12 people took part', '3 prompts captured for the library']),
    );
  });

  it('should leave out what is missing, and the buttons once ended', () => {
    const card = renderPracticeCard({
      ...practice,
      scenario: '',
      prompt: null,
      startedByName: '',
      ended: true,
    });
    expectCleanCard(card);
    expect(textRuns(card)).toEqual(['Consulting', ' · ', 'Week 3']);
    expect(actionsOf(card)).toEqual([]);
    expect(textBlocks(card).join(' ')).toMatch(/has ended/u);
  });

  it('should keep hostile scenario, prompt and names as plain text', () => {
    const card = renderPracticeCard({
      ...practice,
      jobFamilyName: hostileText,
      scenario: hostileText,
      startedByName: hostileText,
      prompt: { title: hostileText, text: hostileText },
    });
    expectOnlyPlainText(card, renderPracticeCard(practice));
    expect(textRuns(card).filter((text) => text === hostileText)).toHaveLength(5);
  });

  it('should refuse data of the wrong type', () => {
    expect(() =>
      renderPracticeCard({ ...practice, attendeeCount: '3' as unknown as number }),
    ).toThrow();
    expect(() => renderPracticeCard({ ...practice, phases: [] })).toThrow();
    expect(() => renderPracticeCard({ ...practice, sessionId: '' })).toThrow();
  });
});

describe('renderCapturePromptCard', () => {
  const capture = { sessionId: 'practice:abc:2026-W48', title: '', body: '', errors: [] };

  it('should ask for a bounded title and prompt text, sent with the session id', () => {
    const card = renderCapturePromptCard(capture);
    expectCleanCard(card);
    expect(
      findCardElements(card, 'Input.Text').map((input) => [
        input.id,
        input.isRequired,
        input.maxLength,
        input.isMultiline ?? false,
      ]),
    ).toEqual([
      ['title', true, 120, false],
      ['body', true, 8000, true],
    ]);
    expect(actionsOf(card)).toEqual([
      {
        type: 'Action.Submit',
        title: 'Send to the library owner',
        data: { verb: 'submitCapture', sessionId: capture.sessionId },
      },
    ]);
  });

  it('should list errors and keep what was written, hostile text included, as values', () => {
    const card = renderCapturePromptCard({
      ...capture,
      title: hostileText,
      body: hostileText,
      errors: [{ line: 'Write the prompt text.' }, { line: hostileText }],
    });
    expectValidCard(card);
    expect(textRuns(card)).toEqual(['Write the prompt text.', hostileText]);
    expect(findCardElements(card, 'Input.Text').map((input) => input.value)).toEqual([
      hostileText,
      hostileText,
    ]);
    expect(findCardElements(card, 'Image')).toEqual([]);
  });

  it('should refuse data of the wrong type', () => {
    expect(() => renderCapturePromptCard({ ...capture, body: 42 as unknown as string })).toThrow();
    expect(() => renderCapturePromptCard({ ...capture, sessionId: '' })).toThrow();
  });
});

describe('renderAnnouncementCard', () => {
  const notice = {
    title: 'Your flag was resolved',
    text: 'The prompt was adjusted.',
    linkUrl: 'https://lastmile.example.com/#/flags/f1',
    linkTitle: 'See the flag',
  };

  it('should show the title, the text and a link button', () => {
    const card = renderAnnouncementCard(notice);
    expectCleanCard(card);
    expect(findCardElements(card, 'TextRun')).toEqual([
      { type: 'TextRun', text: notice.title, size: 'Medium', weight: 'Bolder' },
      { type: 'TextRun', text: notice.text },
    ]);
    expect(actionsOf(card)).toEqual([
      { type: 'Action.OpenUrl', title: 'See the flag', url: notice.linkUrl },
    ]);
  });

  it('should leave out the button when there is no link', () => {
    const card = renderAnnouncementCard({ ...notice, linkUrl: '', linkTitle: '' });
    expectCleanCard(card);
    expect(actionsOf(card)).toEqual([]);
  });

  it('should keep hostile text as plain text', () => {
    const card = renderAnnouncementCard({ ...notice, title: hostileText, text: hostileText });
    expectOnlyPlainText(card, renderAnnouncementCard(notice));
    expect(textRuns(card)).toEqual([hostileText, hostileText]);
  });

  it('should refuse a link that is not http(s), a link without a title and wrong types', () => {
    expect(() => renderAnnouncementCard({ ...notice, linkUrl: 'javascript:alert(1)' })).toThrow();
    expect(() => renderAnnouncementCard({ ...notice, linkTitle: '' })).toThrow();
    expect(() => renderAnnouncementCard({ ...notice, text: null as unknown as string })).toThrow();
  });
});
