import {
  lessonContentSchema,
  maxLessonWeek,
  type LessonContent,
  type LessonStatus,
} from '../../../src/contracts/lessons.js';
import type { Problem } from '../../../src/contracts/problem.js';
import type { FieldErrors } from '../common/field-errors.js';
import { fieldMessage } from '../common/field-message.js';

/** One answer to the check question as its row holds it. */
export interface OptionDraft {
  readonly text: string;
  readonly feedback: string;
}

/** A lesson as its form holds it: numbers as typed, "none" as an empty string. */
export interface LessonDraft {
  readonly jobFamilyId: string;
  readonly week: string;
  readonly title: string;
  readonly minutes: string;
  readonly taskId: string;
  readonly scenario: string;
  readonly promptId: string;
  readonly tryIt: string;
  readonly question: string;
  readonly options: readonly OptionDraft[];
  /** The one option marked correct, by position. */
  readonly correctIndex: number;
  readonly reflection: string;
  readonly status: LessonStatus;
}

export const minOptions = 2;
export const maxOptions = 5;
const optionIds = ['a', 'b', 'c', 'd', 'e'] as const;

export const emptyOption: OptionDraft = { text: '', feedback: '' };

/** "A", "B", ...: how people read an option's position. */
export function optionLetter(index: number): string {
  return (optionIds[index] ?? String(index + 1)).toUpperCase();
}

export function emptyLessonDraft(jobFamilyId: string, week: number): LessonDraft {
  return {
    jobFamilyId,
    week: String(week),
    title: '',
    minutes: '5',
    taskId: '',
    scenario: '',
    promptId: '',
    tryIt: '',
    question: '',
    options: [emptyOption, emptyOption],
    correctIndex: 0,
    reflection: '',
    status: 'draft',
  };
}

export function draftFromLesson(lesson: LessonContent): LessonDraft {
  // The form offers one correct answer; a lesson written elsewhere with several keeps the first.
  const correct = lesson.check.options.findIndex((option) => option.correct);
  return {
    jobFamilyId: lesson.jobFamilyId,
    week: String(lesson.week),
    title: lesson.title,
    minutes: String(lesson.minutes),
    taskId: lesson.taskId ?? '',
    scenario: lesson.scenario,
    promptId: lesson.promptId ?? '',
    tryIt: lesson.tryIt,
    question: lesson.check.question,
    options: lesson.check.options.map(({ text, feedback }) => ({ text, feedback })),
    correctIndex: Math.max(0, correct),
    reflection: lesson.reflection,
    status: lesson.status,
  };
}

/** Removes an option; the correct mark stays on the same answer, or moves to the first. */
export function withoutOption(draft: LessonDraft, index: number): LessonDraft {
  const options = draft.options.filter((_, at) => at !== index);
  const correctIndex =
    index === draft.correctIndex ? 0 : draft.correctIndex - (index < draft.correctIndex ? 1 : 0);
  return { ...draft, options, correctIndex };
}

export type LessonCheck =
  | { readonly ok: true; readonly content: LessonContent }
  | { readonly ok: false; readonly errors: FieldErrors };

const wholeNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

const numberMessages: Readonly<Record<string, string>> = {
  week: `Enter a week from 1 to ${maxLessonWeek}`,
  minutes: 'Enter whole minutes from 1 to 5',
};

/** Field keys as the form names them: `title`, `check.question`, `check.options.1.text`, ... */
function fieldKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Checks a draft with the schema the API applies, so mistakes show beside their fields first. */
export function checkLessonDraft(draft: LessonDraft): LessonCheck {
  const parsed = lessonContentSchema.safeParse({
    jobFamilyId: draft.jobFamilyId,
    week: wholeNumber(draft.week),
    title: draft.title,
    minutes: wholeNumber(draft.minutes),
    ...(draft.taskId === '' ? {} : { taskId: draft.taskId }),
    scenario: draft.scenario,
    ...(draft.promptId === '' ? {} : { promptId: draft.promptId }),
    tryIt: draft.tryIt,
    check: {
      question: draft.question,
      options: draft.options.map((option, index) => ({
        id: optionIds[index] ?? String(index),
        text: option.text,
        correct: index === draft.correctIndex,
        feedback: option.feedback,
      })),
    },
    reflection: draft.reflection,
    status: draft.status,
  });
  if (parsed.success) return { ok: true, content: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= numberMessages[key] ?? fieldMessage(issue);
  }
  return { ok: false, errors };
}

/** The fields a problem+json answer names, keyed like `checkLessonDraft`'s errors. */
export function fieldErrorsFromProblem(problem: Problem): FieldErrors {
  const errors: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const key = error.field.replace(/^body\./, '');
    errors[key] ??= error.message;
  }
  return errors;
}
