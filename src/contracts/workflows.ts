import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const workflowStepSchema = z.object({
  text: text(300),
  /** Who does this step (a role such as "Consultant" or "Client"). */
  actor: z.string().trim().max(80).optional(),
});
export type WorkflowStep = z.infer<typeof workflowStepSchema>;

export const handoffSchema = z.object({
  fromRole: text(80),
  toRole: text(80),
  what: text(200),
});
export type Handoff = z.infer<typeof handoffSchema>;

/** What a team maps for one task before anyone reaches for an AI tool. */
export const workflowTaskContentSchema = z.object({
  departmentId: z.string().trim().min(1).max(64),
  name: text(120),
  description: z.string().trim().max(1000).default(''),
  steps: z.array(workflowStepSchema).min(1).max(20),
  handoffs: z.array(handoffSchema).max(20).default([]),
  frictionPoints: z.array(text(300)).max(20).default([]),
  aiOpportunities: z.array(text(300)).max(20).default([]),
  /** Minutes the task takes today, before AI: the checkpoint's baseline. */
  baselineMinutes: z.number().int().min(1).max(10_000),
  jobFamilyIds: z.array(z.string().trim().min(1).max(64)).max(10).default([]),
});
export type WorkflowTaskContent = z.infer<typeof workflowTaskContentSchema>;

/** A mapped task in the `program` container (partition `/tenantId`). */
export const workflowTaskSchema = workflowTaskContentSchema.extend({
  id: z.string().min(1).max(64),
  tenantId: z.string().min(1),
  type: z.literal('workflowTask'),
  createdAt: z.iso.datetime(),
  createdBy: z.string().min(1),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
});
export type WorkflowTask = z.infer<typeof workflowTaskSchema>;

/** Each team maps three to five tasks; more is refused with a clear message. */
export const maxTasksPerDepartment = 5;
export const recommendedTasksPerDepartment = 3;

export const createWorkflowTaskRequestSchema = workflowTaskContentSchema.strict();
export const updateWorkflowTaskRequestSchema = workflowTaskContentSchema.strict();

export const workflowTaskViewSchema = workflowTaskSchema
  .omit({ tenantId: true, type: true })
  .extend({ etag: z.string(), promptCount: z.number().int().min(0) });
export type WorkflowTaskView = z.infer<typeof workflowTaskViewSchema>;

export const workflowListSchema = z.object({ items: z.array(workflowTaskViewSchema) });
export type WorkflowList = z.infer<typeof workflowListSchema>;

export const workflowListQuerySchema = z.object({
  department: z.string().trim().max(64).optional(),
});
