import { z } from 'zod';
import { isoWeekSchema } from './activity.js';

/**
 * What the weekly pulse shows a person (`GET /api/pulse`, and `POST /api/pulse`'s answer): this
 * week's question about one of their department's mapped tasks, and what they answered this week.
 * The stored answer and the request are `pulseAnswerSchema` and `pulseRequestSchema` in
 * adoption.ts.
 */

export const pulseQuestionSchema = z.object({
  taskId: z.string(),
  taskName: z.string(),
  departmentId: z.string(),
  /** The minutes the team mapped for the task before AI, for comparison. */
  baselineMinutes: z.number().int(),
});
export type PulseQuestion = z.infer<typeof pulseQuestionSchema>;

export const pulseAnswerViewSchema = z.object({
  taskId: z.string(),
  /** The task's current name, or its id when the task was removed since. */
  taskName: z.string(),
  minutes: z.number().int(),
  aiHelped: z.boolean(),
  answeredAt: z.iso.datetime(),
});
export type PulseAnswerView = z.infer<typeof pulseAnswerViewSchema>;

export const pulseViewSchema = z.object({
  week: isoWeekSchema,
  /** Null when the person's department has mapped no tasks yet. */
  question: pulseQuestionSchema.nullable(),
  /** This week's answer; null until they answer. */
  answer: pulseAnswerViewSchema.nullable(),
});
export type PulseView = z.infer<typeof pulseViewSchema>;
