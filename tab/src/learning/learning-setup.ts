import {
  defaultCurriculumSchedule,
  learnerSetupSchema,
  type LearnerSetup,
  type LearningProgress,
} from '../../../src/contracts/lessons.js';
import type { MeResponse } from '../../../src/contracts/identity.js';
import type { FieldErrors } from '../common/field-errors.js';
import { fieldMessage } from '../common/field-message.js';

export const myLearningPath = '/api/me/learning';

/** What the set-up form starts from: the saved set-up, else what Lastmile knows of the person. */
export function initialSetup(
  me: Pick<MeResponse, 'jobFamily' | 'department'>,
  profile: LearningProgress['profile'],
  timeZone: string,
): LearnerSetup {
  if (profile) return profile;
  return {
    jobFamilyId: me.jobFamily ?? '',
    departmentId: me.department ?? '',
    lessonDay: defaultCurriculumSchedule.lessonDay,
    lessonTime: defaultCurriculumSchedule.lessonTime,
    timeZone,
  };
}

export type SetupCheck =
  | { readonly ok: true; readonly setup: LearnerSetup }
  | { readonly ok: false; readonly errors: FieldErrors };

const choiceMessages: Readonly<Record<string, string>> = {
  jobFamilyId: 'Choose your job family',
  departmentId: 'Choose your department',
};

export function checkSetup(setup: LearnerSetup): SetupCheck {
  const parsed = learnerSetupSchema.safeParse(setup);
  if (parsed.success) return { ok: true, setup: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= choiceMessages[key] ?? fieldMessage(issue);
  }
  return { ok: false, errors };
}

export interface LessonCounts {
  readonly done: number;
  readonly due: number;
  readonly upcoming: number;
}

export function lessonCounts(lessons: LearningProgress['lessons']): LessonCounts {
  const count = (state: LearningProgress['lessons'][number]['state']): number =>
    lessons.filter((lesson) => lesson.state === state).length;
  return { done: count('done'), due: count('due'), upcoming: count('upcoming') };
}
