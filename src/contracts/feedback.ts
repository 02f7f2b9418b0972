import { z } from 'zod';

export const flagCategorySchema = z.enum(['wrong', 'biased', 'unhelpful', 'unsafe', 'other']);
export type FlagCategory = z.infer<typeof flagCategorySchema>;

/** Where a flag was raised: the message action, the bot, a prompt card's thumbs-down, the tab. */
export const flagSourceSchema = z.enum(['message-action', 'bot', 'prompt-card', 'tab']);
export type FlagSource = z.infer<typeof flagSourceSchema>;

export const flagStateSchema = z.enum(['open', 'in-review', 'resolved']);
export type FlagState = z.infer<typeof flagStateSchema>;

const note = z.string().trim().max(2000);

/** What became of a flag (`POST /api/flags/:id/resolution`). */
export const flagResolutionSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('prompt-adjusted'),
      note: note.optional(),
      /** The prompt that was changed, and the version that has the fix. */
      promptId: z.string().trim().min(1).max(64),
      promptVersion: z.number().int().min(1).optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('workflow-changed'),
      note: note.optional(),
      taskId: z.string().trim().min(1).max(64),
    })
    .strict(),
  z
    .object({
      action: z.literal('escalated-to-vendor'),
      note: note.optional(),
      vendor: z.string().trim().min(1).max(120),
      reference: z.string().trim().min(1).max(200),
      escalatedOn: z.iso.date().optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal('dismissed'),
      /** Why: the reason is required. */
      note: note.min(1),
    })
    .strict(),
]);
export type FlagResolution = z.infer<typeof flagResolutionSchema>;
export const flagResolutionActions = [
  'prompt-adjusted',
  'workflow-changed',
  'escalated-to-vendor',
  'dismissed',
] as const;

/** A flag in the `feedback` container (partition `/tenantId`). */
export const flagSchema = z.object({
  id: z.string().min(1).max(200),
  tenantId: z.string().min(1),
  type: z.literal('flag'),
  source: flagSourceSchema,
  category: flagCategorySchema,
  /** What the person expected instead. */
  expected: z.string().trim().min(1).max(2000),
  /** The flagged output, as it was in the message. */
  outputText: z.string().max(8000),
  outputAuthor: z.string().max(200).optional(),
  conversationId: z.string().max(500).optional(),
  conversationKind: z.enum(['personal', 'groupChat', 'channel', 'meeting']).optional(),
  promptId: z.string().max(64).optional(),
  flaggedBy: z.string().min(1),
  flaggedByName: z.string().max(200).optional(),
  reviewerId: z.string().min(1).optional(),
  reviewerName: z.string().max(200).optional(),
  state: flagStateSchema,
  resolution: flagResolutionSchema.optional(),
  resolvedBy: z.string().optional(),
  createdAt: z.iso.datetime(),
  /** When a reviewer first acted on it (review started, or resolved). */
  firstResponseAt: z.iso.datetime().optional(),
  resolvedAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime(),
});
export type Flag = z.infer<typeof flagSchema>;

/** `POST /api/flags` from the tab. */
export const createFlagRequestSchema = z
  .object({
    category: flagCategorySchema,
    expected: z.string().trim().min(1).max(2000),
    outputText: z.string().trim().max(8000).default(''),
    promptId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type CreateFlagRequest = z.infer<typeof createFlagRequestSchema>;

export const flagViewSchema = flagSchema.omit({ tenantId: true, type: true }).extend({
  etag: z.string(),
  /** Whole hours since it was raised, until it was resolved. */
  ageHours: z.number().min(0),
  permissions: z.object({ review: z.boolean(), assign: z.boolean() }),
});
export type FlagView = z.infer<typeof flagViewSchema>;

export const flagListQuerySchema = z.object({
  state: flagStateSchema.optional(),
  category: flagCategorySchema.optional(),
  /** `me`: assigned to the caller. */
  reviewer: z.literal('me').optional(),
  sort: z.enum(['oldest', 'newest']).default('oldest'),
});
export type FlagListQuery = z.infer<typeof flagListQuerySchema>;

export const flagListSchema = z.object({ items: z.array(flagViewSchema) });
export type FlagList = z.infer<typeof flagListSchema>;

export const assignFlagRequestSchema = z
  .object({ reviewerId: z.string().trim().min(1).max(128) })
  .strict();

const count = z.number().int().min(0);
const hours = z.number().min(0);

/**
 * `GET /api/flags/stats`: a tenant's flags in aggregate, for the scoreboard and the 90-day
 * checkpoint. Medians and the oldest age are absent while nothing has been measured.
 */
export const flagStatsSchema = z.object({
  raised: count,
  open: count,
  inReview: count,
  resolved: count,
  byOutcome: z.record(z.enum(flagResolutionActions), count),
  byCategory: z.record(flagCategorySchema, count),
  /** From raised to a reviewer's first action (review started, or resolved). */
  medianHoursToFirstResponse: hours.optional(),
  /** From raised to resolved, over resolved flags. */
  medianHoursToResolution: hours.optional(),
  /** Age of the oldest flag not yet resolved. */
  oldestUnresolvedHours: hours.optional(),
  /** Flags nobody owns: no reviewer named and no outcome recorded. Should be 0. */
  withoutReviewerOrOutcome: count,
  /** Library prompts by how often their output was flagged, most flagged first. */
  byPrompt: z.array(z.object({ promptId: z.string().min(1), count: z.number().int().min(1) })),
});
export type FlagStats = z.infer<typeof flagStatsSchema>;

export const improvementStatusSchema = z.enum([
  'new',
  'planned',
  'done',
  'pushed-to-vendor',
  'declined',
]);
export type ImprovementStatus = z.infer<typeof improvementStatusSchema>;

/** A workflow improvement someone suggested (`feedback` container, partition `/tenantId`). */
export const improvementSchema = z.object({
  id: z.string().min(1).max(200),
  tenantId: z.string().min(1),
  type: z.literal('improvement'),
  title: z.string().trim().min(3).max(120),
  detail: z.string().trim().max(4000),
  taskId: z.string().max(64).optional(),
  departmentId: z.string().max(64).optional(),
  suggestedBy: z.string().min(1),
  suggestedByName: z.string().max(200).optional(),
  status: improvementStatusSchema,
  /** Why it was declined, what was done, or the vendor and reference it was pushed to. */
  statusNote: z.string().trim().max(2000).optional(),
  vendor: z.string().trim().max(120).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Improvement = z.infer<typeof improvementSchema>;

export const createImprovementRequestSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    detail: z.string().trim().max(4000).default(''),
    taskId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type CreateImprovementRequest = z.infer<typeof createImprovementRequestSchema>;

export const improvementStatusRequestSchema = z
  .object({
    status: improvementStatusSchema,
    note: z.string().trim().max(2000).optional(),
    vendor: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .refine((request) => request.status !== 'pushed-to-vendor' || request.vendor !== undefined, {
    path: ['vendor'],
    message: 'is required when pushing to the vendor',
  })
  .refine((request) => request.status !== 'declined' || (request.note ?? '') !== '', {
    path: ['note'],
    message: 'is required when declining: say why',
  });
export type ImprovementStatusRequest = z.infer<typeof improvementStatusRequestSchema>;

export const improvementViewSchema = improvementSchema
  .omit({ tenantId: true, type: true })
  .extend({ etag: z.string() });
export type ImprovementView = z.infer<typeof improvementViewSchema>;

/** For the scoreboard: all suggested, those pushed to the vendor, and how many are in each status. */
export const improvementCountsSchema = z.object({
  suggested: count,
  pushedToVendor: count,
  byStatus: z.record(improvementStatusSchema, count),
});
export type ImprovementCounts = z.infer<typeof improvementCountsSchema>;

export const improvementListSchema = z.object({
  items: z.array(improvementViewSchema),
  counts: improvementCountsSchema,
});
export type ImprovementList = z.infer<typeof improvementListSchema>;
