import { z } from 'zod';

/** The 20 minutes of a practice session: try, share, capture. */
export const practicePhases = [
  { id: 'try', minutes: 5, label: 'Try it' },
  { id: 'share', minutes: 10, label: 'Share what worked' },
  { id: 'capture', minutes: 5, label: 'Capture the prompt' },
] as const;

export const conversationKindSchema = z.enum(['meeting', 'groupChat', 'channel']);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

/**
 * One team's practice in one conversation and week (program container, id
 * `practice:<conversation key>:<isoWeek>`): starting practice twice in a week reopens the same
 * session, so attendance is never split.
 */
export const practiceSessionSchema = z.object({
  id: z.string().min(1).max(200),
  tenantId: z.string().min(1),
  type: z.literal('practiceSession'),
  conversationId: z.string().min(1).max(500),
  conversationKind: conversationKindSchema,
  serviceUrl: z.url({ protocol: /^https?$/u }),
  week: z.string().min(1),
  jobFamilyId: z.string().min(1).max(64),
  /** The lesson whose scenario the team practises. */
  lessonId: z.string().max(64).optional(),
  scenario: z.string().max(1500),
  promptId: z.string().max(64).optional(),
  startedBy: z.string().min(1),
  startedByName: z.string().max(200).optional(),
  departmentId: z.string().min(1),
  startedAt: z.iso.datetime(),
  attendeeCount: z.number().int().min(0),
  capturedPromptIds: z.array(z.string().max(64)).max(200),
  /** The practice card's message, so it can be updated for everyone as people attend. */
  activityId: z.string().max(500).optional(),
});
export type PracticeSession = z.infer<typeof practiceSessionSchema>;

/** One person's attendance (activity container, `pk = tenantId:isoWeek`, id `attend:<session>:<user>`). */
export const practiceAttendanceSchema = z.object({
  id: z.string().min(1).max(400),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('practiceAttendance'),
  week: z.string().min(1),
  sessionId: z.string().min(1).max(200),
  userId: z.string().min(1),
  departmentId: z.string().min(1),
  attendedAt: z.iso.datetime(),
});
export type PracticeAttendance = z.infer<typeof practiceAttendanceSchema>;

/** A lead's standing order: post practice in this meeting's chat whenever the meeting starts. */
export const practiceScheduleSchema = z.object({
  id: z.string().min(1).max(200),
  tenantId: z.string().min(1),
  type: z.literal('practiceSchedule'),
  conversationId: z.string().min(1).max(500),
  serviceUrl: z.url({ protocol: /^https?$/u }),
  jobFamilyId: z.string().min(1).max(64),
  createdBy: z.string().min(1),
  createdAt: z.iso.datetime(),
});
export type PracticeSchedule = z.infer<typeof practiceScheduleSchema>;

export const practiceSessionViewSchema = practiceSessionSchema
  .omit({ tenantId: true, type: true, serviceUrl: true })
  .extend({ jobFamilyName: z.string().optional(), promptTitle: z.string().optional() });
export type PracticeSessionView = z.infer<typeof practiceSessionViewSchema>;

export const practiceSessionQuerySchema = z.object({
  conversationId: z.string().trim().min(1).max(500).optional(),
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week like 2026-W48')
    .optional(),
});
export const practiceSessionListSchema = z.object({ items: z.array(practiceSessionViewSchema) });
export type PracticeSessionList = z.infer<typeof practiceSessionListSchema>;

/** Lesson completions and practice attendance per department and week (rollups container). */
export const departmentCounterSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('departmentCounter'),
  week: z.string().min(1),
  departmentId: z.string().min(1),
  metric: z.enum(['lessonsCompleted', 'practiceAttendance']),
  count: z.number().int().min(0),
});
export type DepartmentCounter = z.infer<typeof departmentCounterSchema>;
