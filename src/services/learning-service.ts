import {
  type CheckOption,
  type CurriculumScheduleView,
  type LearnerProfile,
  type LearnerSetup,
  type LearningProgress,
  type Lesson,
  type LessonAnswer,
  type LessonCompletion,
  lessonSchema,
  programWeeks,
} from '../contracts/lessons.js';
import {
  lessonState,
  nextDueLesson,
  nextLessonAt,
  programWeekOf,
} from '../domain/curriculum-schedule.js';
import { AppError } from '../domain/errors.js';
import { isoWeekOf, weekPartitionKey } from '../domain/iso-week.js';
import {
  learnerPartitionKey,
  learnerProfileId,
  lessonCompletionId,
} from '../domain/learning-ids.js';
import type { Caller } from './caller.js';

export interface LearningPorts {
  readonly learners: {
    findProfile(tenantId: string, userId: string): Promise<{ value: LearnerProfile } | undefined>;
    saveProfile(profile: LearnerProfile): Promise<unknown>;
    createCompletionIfAbsent(completion: LessonCompletion): Promise<{ created: boolean }>;
    findCompletion(
      tenantId: string,
      userId: string,
      lessonId: string,
    ): Promise<LessonCompletion | undefined>;
    practiceAttended(tenantId: string, userId: string): Promise<number>;
  };
  readonly lessons: {
    publishedFor(tenantId: string, jobFamilyId: string): Promise<Lesson[]>;
    findPublished(tenantId: string, id: string): Promise<Lesson | undefined>;
    schedule(tenantId: string): Promise<CurriculumScheduleView>;
  };
  readonly program: {
    /** The program's start date (`YYYY-MM-DD`), or undefined before it is set up. */
    programStart(tenantId: string): Promise<string | undefined>;
    jobFamilyExists(tenantId: string, id: string): Promise<boolean>;
    departmentExists(tenantId: string, id: string): Promise<boolean>;
  };
  readonly counters: {
    incrementDepartmentCounter(counter: {
      id: string;
      tenantId: string;
      pk: string;
      type: 'departmentCounter';
      week: string;
      departmentId: string;
      metric: 'lessonsCompleted';
    }): Promise<void>;
  };
}

/** What `lesson` finds for a person. */
export type NextLesson =
  | { readonly kind: 'lesson'; readonly lesson: Lesson; readonly programWeek: number }
  | { readonly kind: 'up-to-date'; readonly nextAt: Date | undefined }
  | { readonly kind: 'no-curriculum'; readonly jobFamilyId: string | undefined };

export interface AnswerResult {
  readonly lesson: Lesson;
  readonly option: CheckOption;
  readonly correct: boolean;
  readonly feedback: string;
  /** The person had completed this lesson before: nothing new was recorded. */
  readonly alreadyDone: boolean;
  readonly reflection: string | undefined;
}

/** Someone who has not set up yet gets the roster's answers and the tenant's default timing. */
function defaultSetup(caller: Caller, schedule: CurriculumScheduleView): Partial<LearnerSetup> {
  return {
    ...(caller.jobFamilyId === undefined ? {} : { jobFamilyId: caller.jobFamilyId }),
    ...(caller.departmentId === undefined ? {} : { departmentId: caller.departmentId }),
    lessonDay: schedule.lessonDay,
    lessonTime: schedule.lessonTime,
    timeZone: schedule.timeZone,
  };
}

function setupOf(profile: LearnerProfile): LearnerSetup {
  const { jobFamilyId, departmentId, lessonDay, lessonTime, timeZone } = profile;
  return { jobFamilyId, departmentId, lessonDay, lessonTime, timeZone };
}

/**
 * A person's learning: their set-up, the next lesson, answering it (recorded once per person and
 * lesson) and where they stand.
 */
export class LearningService {
  constructor(
    private readonly ports: LearningPorts,
    private readonly now: () => Date,
  ) {}

  async profile(caller: Caller): Promise<LearnerSetup | undefined> {
    const { tenantId, userId } = caller.identity;
    const found = await this.ports.learners.findProfile(tenantId, userId);
    return found === undefined ? undefined : setupOf(found.value);
  }

  /** The set-up as saved, or what the set-up card proposes to someone new. */
  async setupFor(caller: Caller): Promise<{ saved: boolean; values: Partial<LearnerSetup> }> {
    const saved = await this.profile(caller);
    if (saved !== undefined) return { saved: true, values: saved };
    const schedule = await this.ports.lessons.schedule(caller.identity.tenantId);
    return { saved: false, values: defaultSetup(caller, schedule) };
  }

  async saveSetup(caller: Caller, setup: LearnerSetup): Promise<LearnerSetup> {
    const { tenantId, userId } = caller.identity;
    const [family, department, existing] = await Promise.all([
      this.ports.program.jobFamilyExists(tenantId, setup.jobFamilyId),
      this.ports.program.departmentExists(tenantId, setup.departmentId),
      this.ports.learners.findProfile(tenantId, userId),
    ]);
    const fieldErrors = [
      ...(family ? [] : [{ field: 'jobFamilyId', message: 'is not a job family of this program' }]),
      ...(department
        ? []
        : [{ field: 'departmentId', message: 'is not a department of this program' }]),
    ];
    if (fieldErrors.length > 0) {
      throw new AppError('invalid', 'Choose a job family and department from the lists', {
        fieldErrors,
      });
    }
    const at = this.now().toISOString();
    const profile: LearnerProfile = {
      ...setup,
      id: learnerProfileId(userId),
      tenantId,
      type: 'learnerProfile',
      userId,
      createdAt: existing?.value.createdAt ?? at,
      updatedAt: at,
    };
    await this.ports.learners.saveProfile(profile);
    return setupOf(profile);
  }

  async nextLesson(caller: Caller): Promise<NextLesson> {
    const { tenantId, userId } = caller.identity;
    const [profile, programWeek] = await Promise.all([
      this.profile(caller),
      this.programWeek(tenantId),
    ]);
    const jobFamilyId = profile?.jobFamilyId ?? caller.jobFamilyId;
    if (jobFamilyId === undefined) return { kind: 'no-curriculum', jobFamilyId };
    const lessons = await this.ports.lessons.publishedFor(tenantId, jobFamilyId);
    if (lessons.length === 0) return { kind: 'no-curriculum', jobFamilyId };
    const completed = await this.completedIds(tenantId, userId, lessons);
    const lesson = nextDueLesson(lessons, completed, programWeek);
    if (lesson !== undefined) return { kind: 'lesson', lesson, programWeek };
    return { kind: 'up-to-date', nextAt: await this.nextAt(tenantId, profile) };
  }

  async lesson(caller: Caller, lessonId: string): Promise<Lesson> {
    // A card's data is the sender's: an id that cannot be a lesson's never reaches the store.
    if (!lessonSchema.shape.id.safeParse(lessonId).success) {
      throw new AppError('not-found', 'That lesson was not found');
    }
    const lesson = await this.ports.lessons.findPublished(caller.identity.tenantId, lessonId);
    if (lesson === undefined) throw new AppError('not-found', `Lesson ${lessonId} was not found`);
    return lesson;
  }

  async completion(caller: Caller, lessonId: string): Promise<LessonCompletion | undefined> {
    const { tenantId, userId } = caller.identity;
    return this.ports.learners.findCompletion(tenantId, userId, lessonId);
  }

  /**
   * Checks the answer and records the completion, once: a second answer gets its feedback but
   * changes nothing stored.
   */
  async answer(caller: Caller, lessonId: string, answer: LessonAnswer): Promise<AnswerResult> {
    const { tenantId, userId } = caller.identity;
    const lesson = await this.lesson(caller, lessonId);
    const option = lesson.check.options.find((candidate) => candidate.id === answer.answerId);
    if (option === undefined) {
      throw new AppError('invalid', 'Choose one of the answers', {
        fieldErrors: [{ field: 'answerId', message: 'is not one of this question\u2019s answers' }],
      });
    }
    const profile = await this.ports.learners.findProfile(tenantId, userId);
    const departmentId = profile?.value.departmentId ?? caller.departmentId ?? 'unassigned';
    const now = this.now();
    const week = isoWeekOf(now);
    const reflection = answer.reflection === '' ? undefined : answer.reflection;
    const { created } = await this.ports.learners.createCompletionIfAbsent({
      id: lessonCompletionId(lesson.id),
      tenantId,
      pk: learnerPartitionKey(tenantId, userId),
      type: 'lessonCompletion',
      userId,
      lessonId: lesson.id,
      jobFamilyId: lesson.jobFamilyId,
      departmentId,
      week,
      answerId: option.id,
      correct: option.correct,
      ...(reflection === undefined ? {} : { reflection }),
      completedAt: now.toISOString(),
    });
    if (created) {
      await this.ports.counters.incrementDepartmentCounter({
        id: `lessonsCompleted:${departmentId}`,
        tenantId,
        pk: weekPartitionKey(tenantId, week),
        type: 'departmentCounter',
        week,
        departmentId,
        metric: 'lessonsCompleted',
      });
    }
    return {
      lesson,
      option,
      correct: option.correct,
      feedback: option.feedback,
      alreadyDone: !created,
      reflection,
    };
  }

  async progress(caller: Caller): Promise<LearningProgress> {
    const { tenantId, userId } = caller.identity;
    const [profile, programWeek, practiceAttended] = await Promise.all([
      this.profile(caller),
      this.programWeek(tenantId),
      this.ports.learners.practiceAttended(tenantId, userId),
    ]);
    const jobFamilyId = profile?.jobFamilyId ?? caller.jobFamilyId;
    const lessons =
      jobFamilyId === undefined ? [] : await this.ports.lessons.publishedFor(tenantId, jobFamilyId);
    const completions = await Promise.all(
      lessons.map((lesson) => this.ports.learners.findCompletion(tenantId, userId, lesson.id)),
    );
    const done = new Set(
      completions.flatMap((completion) => (completion === undefined ? [] : [completion.lessonId])),
    );
    const rows = lessons.map((lesson, index) => {
      const completion = completions[index];
      return {
        id: lesson.id,
        title: lesson.title,
        week: lesson.week,
        minutes: lesson.minutes,
        state: lessonState(lesson, done, programWeek),
        ...(completion === undefined
          ? {}
          : { correct: completion.correct, completedAt: completion.completedAt }),
      };
    });
    const nextAt = await this.nextAt(tenantId, profile);
    return {
      ...(profile === undefined ? {} : { profile }),
      programWeek,
      lessons: rows,
      completed: rows.filter((row) => row.state === 'done').length,
      due: rows.filter((row) => row.state === 'due').length,
      practiceAttended,
      ...(nextAt === undefined ? {} : { nextLessonAt: nextAt.toISOString() }),
    };
  }

  async programWeek(tenantId: string): Promise<number> {
    const start = await this.ports.program.programStart(tenantId);
    return start === undefined ? 1 : programWeekOf(start, this.now());
  }

  private async completedIds(
    tenantId: string,
    userId: string,
    lessons: readonly Lesson[],
  ): Promise<Set<string>> {
    const found = await Promise.all(
      lessons.map((lesson) => this.ports.learners.findCompletion(tenantId, userId, lesson.id)),
    );
    return new Set(found.flatMap((completion) => (completion ? [completion.lessonId] : [])));
  }

  private async nextAt(
    tenantId: string,
    profile: LearnerSetup | undefined,
  ): Promise<Date | undefined> {
    const start = await this.ports.program.programStart(tenantId);
    if (start === undefined) return undefined;
    const timing = profile ?? (await this.ports.lessons.schedule(tenantId));
    return nextLessonAt(start, timing, this.now(), programWeeks);
  }
}
