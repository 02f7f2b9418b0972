import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');

/** The curriculum runs for `programWeeks` weeks; lessons may be placed in weeks 1 to 12. */
export const programWeeks = 8;
export const maxLessonWeek = 12;

export const weekdaySchema = z.enum([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
export type Weekday = z.infer<typeof weekdaySchema>;
export const weekdays: readonly Weekday[] = weekdaySchema.options;

/** `HH:MM`, 24-hour clock. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30 (24-hour clock)');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone such as `Europe/London`, checked against the runtime's own list. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/London');

export const checkOptionSchema = z.object({
  id: z.string().regex(/^[a-e]$/, 'must be one of a, b, c, d, e'),
  text: text(200),
  correct: z.boolean(),
  /** What the person reads after choosing this option: why it is right or not. */
  feedback: text(400),
});
export type CheckOption = z.infer<typeof checkOptionSchema>;

export const checkQuestionSchema = z
  .object({
    question: text(300),
    options: z.array(checkOptionSchema).min(2).max(5),
  })
  .superRefine((check, context) => {
    if (!check.options.some((option) => option.correct)) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'needs a correct option' });
    }
    const ids = check.options.map((option) => option.id);
    if (new Set(ids).size !== ids.length) {
      context.addIssue({ code: 'custom', path: ['options'], message: 'option ids must differ' });
    }
  });
export type CheckQuestion = z.infer<typeof checkQuestionSchema>;

export const lessonStatusSchema = z.enum(['draft', 'published']);
export type LessonStatus = z.infer<typeof lessonStatusSchema>;

/** What a champion writes: a micro-lesson of at most five minutes. */
export const lessonContentSchema = z.object({
  jobFamilyId: idSchema,
  /** The program week (1 = the week the program starts) this lesson belongs to. */
  week: z.number().int().min(1).max(maxLessonWeek),
  title: text(120),
  minutes: z.number().int().min(1).max(5),
  /** The mapped workflow task the scenario comes from. */
  taskId: idSchema.optional(),
  /** A realistic situation from that task, in the second person. */
  scenario: text(1500),
  /** The library prompt to try. */
  promptId: z.string().trim().min(1).max(64).optional(),
  /** How to try it: what to paste, what to look for in the answer. */
  tryIt: text(800),
  check: checkQuestionSchema,
  /** One question to think about afterwards. */
  reflection: text(300),
  status: lessonStatusSchema.default('draft'),
});
export type LessonContent = z.infer<typeof lessonContentSchema>;

/** A lesson in the `program` container (partition `/tenantId`). */
export const lessonSchema = lessonContentSchema.extend({
  id: idSchema,
  tenantId: z.string().min(1),
  type: z.literal('lesson'),
  createdAt: z.iso.datetime(),
  createdBy: z.string().min(1),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const createLessonRequestSchema = lessonContentSchema.strict();
export const updateLessonRequestSchema = lessonContentSchema.strict();

export const lessonViewSchema = lessonSchema
  .omit({ tenantId: true, type: true })
  .extend({ etag: z.string() });
export type LessonView = z.infer<typeof lessonViewSchema>;

export const lessonListQuerySchema = z.object({
  jobFamilyId: idSchema.optional(),
  status: lessonStatusSchema.optional(),
});
export const lessonListSchema = z.object({ items: z.array(lessonViewSchema) });
export type LessonList = z.infer<typeof lessonListSchema>;

/** When lessons arrive for people who have not chosen: the tenant's curriculum defaults. */
export const curriculumScheduleSchema = z.object({
  id: z.literal('curriculum-schedule'),
  tenantId: z.string().min(1),
  type: z.literal('curriculumSchedule'),
  lessonDay: weekdaySchema,
  lessonTime: timeOfDaySchema,
  timeZone: timeZoneSchema,
  /** Weekly lessons are sent by the bot; off means people ask for them with `lesson`. */
  deliverWeekly: z.boolean(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
});
export type CurriculumSchedule = z.infer<typeof curriculumScheduleSchema>;

export const curriculumScheduleUpdateSchema = curriculumScheduleSchema
  .pick({ lessonDay: true, lessonTime: true, timeZone: true, deliverWeekly: true })
  .strict();
export type CurriculumScheduleUpdate = z.infer<typeof curriculumScheduleUpdateSchema>;

export const curriculumScheduleViewSchema = curriculumScheduleUpdateSchema.extend({
  etag: z.string().optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type CurriculumScheduleView = z.infer<typeof curriculumScheduleViewSchema>;

export const defaultCurriculumSchedule: CurriculumScheduleUpdate = {
  lessonDay: 'tuesday',
  lessonTime: '10:00',
  timeZone: 'UTC',
  deliverWeekly: true,
};

/**
 * A person's own learning set-up (people container, id `learner:<userId>`): chosen in the bot's
 * set-up card or the tab.
 */
export const learnerProfileSchema = z.object({
  id: z.string().min(1).max(200),
  tenantId: z.string().min(1),
  type: z.literal('learnerProfile'),
  userId: z.string().min(1).max(128),
  jobFamilyId: idSchema,
  departmentId: idSchema,
  lessonDay: weekdaySchema,
  lessonTime: timeOfDaySchema,
  timeZone: timeZoneSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LearnerProfile = z.infer<typeof learnerProfileSchema>;

export const learnerSetupSchema = learnerProfileSchema
  .pick({
    jobFamilyId: true,
    departmentId: true,
    lessonDay: true,
    lessonTime: true,
    timeZone: true,
  })
  .strict();
export type LearnerSetup = z.infer<typeof learnerSetupSchema>;

/**
 * A person's completion of a lesson (activity container). The partition is the person's own
 * (`tenantId:learner:<userId>`), not a week, so "once per person and lesson" holds whenever it
 * is done.
 */
export const lessonCompletionSchema = z.object({
  id: z.string().min(1).max(300),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('lessonCompletion'),
  userId: z.string().min(1),
  lessonId: idSchema,
  jobFamilyId: idSchema,
  departmentId: z.string().min(1),
  /** The ISO week it was done in: the week it counts for on the scoreboard. */
  week: z.string().min(1),
  answerId: z.string().min(1).max(1),
  correct: z.boolean(),
  reflection: z.string().trim().max(1000).optional(),
  completedAt: z.iso.datetime(),
});
export type LessonCompletion = z.infer<typeof lessonCompletionSchema>;

export const lessonAnswerSchema = z
  .object({
    answerId: z.string().regex(/^[a-e]$/, 'must be one of a, b, c, d, e'),
    reflection: z.string().trim().max(1000).optional(),
  })
  .strict();
export type LessonAnswer = z.infer<typeof lessonAnswerSchema>;

/** `GET /api/me/learning`: where a person stands. */
export const learningProgressSchema = z.object({
  profile: learnerSetupSchema.optional(),
  programWeek: z.number().int(),
  lessons: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      week: z.number().int(),
      minutes: z.number().int(),
      state: z.enum(['done', 'due', 'upcoming']),
      correct: z.boolean().optional(),
      completedAt: z.iso.datetime().optional(),
    }),
  ),
  completed: z.number().int().min(0),
  due: z.number().int().min(0),
  practiceAttended: z.number().int().min(0),
  nextLessonAt: z.iso.datetime().optional(),
});
export type LearningProgress = z.infer<typeof learningProgressSchema>;

/** Counts kept in a person's own activity partition (id `stats`), read with one point read. */
export const learnerStatsSchema = z.object({
  id: z.literal('stats'),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('learnerStats'),
  userId: z.string().min(1),
  practiceAttended: z.number().int().min(0),
});
export type LearnerStats = z.infer<typeof learnerStatsSchema>;
