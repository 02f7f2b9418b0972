import { z } from 'zod';

/** `{{name}}` placeholders: letters, digits and underscores, starting with a letter. */
export const variableNamePattern = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export const promptStatusSchema = z.enum(['draft', 'in-review', 'published', 'retired']);
export type PromptStatus = z.infer<typeof promptStatusSchema>;
export const promptStatuses: readonly PromptStatus[] = promptStatusSchema.options;

const idListSchema = z.array(z.string().trim().min(1).max(64)).max(20);
const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9 -]*$/, 'must be lowercase letters, digits, spaces and dashes');

export const promptVariableSchema = z.object({
  name: z.string().regex(variableNamePattern, 'must be a letter then letters, digits or _'),
  description: z.string().trim().max(300).default(''),
  default: z.string().max(2000).optional(),
  required: z.boolean().default(true),
});
export type PromptVariable = z.infer<typeof promptVariableSchema>;

/** What an author writes: the part of a prompt every version keeps. */
export const promptContentSchema = z.object({
  title: z.string().trim().min(3).max(120),
  body: z.string().trim().min(10).max(8000),
  variables: z.array(promptVariableSchema).max(20).default([]),
  jobFamilyIds: idListSchema.default([]),
  taskIds: idListSchema.default([]),
  tags: z.array(tagSchema).max(12).default([]),
});
export type PromptContent = z.infer<typeof promptContentSchema>;

export const promptSourceSchema = z.object({
  kind: z.enum(['library', 'message', 'practice', 'import']),
  /** The Teams conversation or practice session it came from. */
  reference: z.string().max(500).optional(),
});

/** A prompt in the `prompts` container (partition `/tenantId`). */
export const promptSchema = promptContentSchema.extend({
  id: z.string().min(1).max(64),
  tenantId: z.string().min(1),
  type: z.literal('prompt'),
  status: promptStatusSchema,
  version: z.number().int().min(1),
  ownerId: z.string().min(1),
  ownerName: z.string().max(200).optional(),
  source: promptSourceSchema.default({ kind: 'library' }),
  usageCount: z.number().int().min(0),
  ratingUp: z.number().int().min(0),
  ratingDown: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  createdBy: z.string().min(1),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
  publishedAt: z.iso.datetime().optional(),
});
export type Prompt = z.infer<typeof promptSchema>;

/** Every edit and status change of a prompt is kept as a version document beside it. */
export const promptVersionSchema = promptContentSchema.extend({
  id: z.string().min(1).max(80),
  tenantId: z.string().min(1),
  type: z.literal('promptVersion'),
  promptId: z.string().min(1),
  version: z.number().int().min(1),
  status: promptStatusSchema,
  editedBy: z.string().min(1),
  editedByName: z.string().max(200).optional(),
  editedAt: z.iso.datetime(),
  note: z.string().max(500).optional(),
});
export type PromptVersion = z.infer<typeof promptVersionSchema>;

export const ratingValueSchema = z.enum(['up', 'down']);
export type RatingValue = z.infer<typeof ratingValueSchema>;

/** One person's rating of one prompt (id `<promptId>:<userId>`). */
export const promptRatingSchema = z.object({
  id: z.string().min(1).max(200),
  tenantId: z.string().min(1),
  type: z.literal('promptRating'),
  promptId: z.string().min(1),
  userId: z.string().min(1),
  value: ratingValueSchema,
  reason: z.string().trim().max(500).optional(),
  ratedAt: z.iso.datetime(),
});
export type PromptRating = z.infer<typeof promptRatingSchema>;

// ---------------------------------------------------------------------------------------------
// Requests and responses

/** `POST /api/prompts`: anyone proposes; `submit: false` keeps it a draft. */
export const createPromptRequestSchema = promptContentSchema
  .extend({
    submit: z.boolean().default(true),
    ownerId: z.string().min(1).max(128).optional(),
  })
  .strict();
export type CreatePromptRequest = z.infer<typeof createPromptRequestSchema>;

/** `PUT /api/prompts/:id` with `If-Match`: a new version of the content. */
export const updatePromptRequestSchema = promptContentSchema
  .extend({ note: z.string().trim().max(500).optional() })
  .strict();
export type UpdatePromptRequest = z.infer<typeof updatePromptRequestSchema>;

/** `POST /api/prompts/:id/status` with `If-Match`. */
export const promptStatusRequestSchema = z
  .object({ status: promptStatusSchema, note: z.string().trim().max(500).optional() })
  .strict();
export type PromptStatusRequest = z.infer<typeof promptStatusRequestSchema>;

/** `POST /api/prompts/:id/ratings`. */
export const rateRequestSchema = z
  .object({ value: ratingValueSchema, reason: z.string().trim().max(500).optional() })
  .strict();
export type RateRequest = z.infer<typeof rateRequestSchema>;

/** `POST /api/prompts/:id/render`: fill the variables; `record` counts it as AI use (a copy). */
export const renderRequestSchema = z
  .object({
    values: z.record(z.string().regex(variableNamePattern), z.string().max(4000)).default({}),
    record: z.boolean().default(false),
  })
  .strict();
export type RenderRequest = z.infer<typeof renderRequestSchema>;

export const renderResponseSchema = z.object({
  text: z.string(),
  missing: z.array(z.string()),
});
export type RenderResponse = z.infer<typeof renderResponseSchema>;

export const promptListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: promptStatusSchema.optional(),
  jobFamily: z.string().trim().max(64).optional(),
  task: z.string().trim().max(64).optional(),
  tag: z.string().trim().toLowerCase().max(40).optional(),
  owner: z.string().trim().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  continuationToken: z.string().max(4000).optional(),
});
export type PromptListQuery = z.infer<typeof promptListQuerySchema>;

/** A prompt as the API returns it: the stored fields less the partition plumbing, plus `etag`. */
export const promptViewSchema = promptSchema.omit({ tenantId: true, type: true }).extend({
  etag: z.string(),
  /** The caller's own rating, if any. */
  myRating: ratingValueSchema.optional(),
  /** What the caller may do with it, so clients need not repeat the rules. */
  permissions: z.object({ edit: z.boolean(), statuses: z.array(promptStatusSchema) }),
});
export type PromptView = z.infer<typeof promptViewSchema>;

export const promptPageSchema = z.object({
  items: z.array(promptViewSchema),
  continuationToken: z.string().optional(),
});
export type PromptPage = z.infer<typeof promptPageSchema>;

export const promptVersionViewSchema = promptVersionSchema.omit({ tenantId: true, type: true });
export type PromptVersionView = z.infer<typeof promptVersionViewSchema>;

export const promptHistorySchema = z.object({ items: z.array(promptVersionViewSchema) });
export type PromptHistory = z.infer<typeof promptHistorySchema>;

export const diffLineSchema = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export type DiffLine = z.infer<typeof diffLineSchema>;

/** `GET /api/prompts/:id/diff?from=N&to=M`: field changes and a line diff of the body. */
export const promptDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changedFields: z.array(z.string()),
  title: z.object({ from: z.string(), to: z.string() }),
  body: z.array(diffLineSchema),
});
export type PromptDiff = z.infer<typeof promptDiffSchema>;

/** `POST /api/prompts/import` answer: what happened to each row, and nothing half-written. */
export const importReportSchema = z.object({
  imported: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;
