import { z } from 'zod';
import { isoWeekSchema } from './activity.js';

/**
 * Adoption data: the usage-event ingest API, its API keys, the eligible headcount per department,
 * the scoreboard and the 90-day checkpoint (DESIGN.md, "The contract that outside checks rely on").
 */

export const maxUsageEventsPerBatch = 1000;

/** Where an ingested event came from: a short name such as `api`, `copilot`, `chatgpt`, `csv`. */
export const ingestSourceSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'must be a short name of letters, digits, . _ or -');

/** One event of `POST /api/usage-events`; the id is the client's own, unique per event. */
export const usageEventInputSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    userId: z.string().trim().min(1).max(128).optional(),
    upn: z.string().trim().toLowerCase().min(3).max(254).optional(),
    occurredAt: z.iso.datetime({ offset: true }),
    source: ingestSourceSchema,
    tool: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((event) => event.userId !== undefined || event.upn !== undefined, {
    path: ['userId'],
    message: 'either userId or upn is required',
  });
export type UsageEventInput = z.infer<typeof usageEventInputSchema>;

/** The envelope is checked as a whole; each event is then checked on its own. */
export const usageEventBatchSchema = z
  .object({
    events: z.array(z.unknown()).min(1).max(maxUsageEventsPerBatch),
  })
  .strict();

export const ingestResultSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.array(z.object({ index: z.number().int().min(0), reason: z.string() })),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/** A per-tenant API key for the ingest API, stored as a hash (`program` container). */
export const apiKeySchema = z.object({
  id: z.string().min(1).max(100),
  tenantId: z.string().min(1),
  type: z.literal('apiKey'),
  name: z.string().trim().min(1).max(100),
  /** SHA-256 of the secret part, hex. The secret itself is shown once and never stored. */
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The first characters of the key, so people can tell keys apart. */
  prefix: z.string().max(40),
  createdBy: z.string().min(1),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().optional(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyRequestSchema = z
  .object({ name: z.string().trim().min(1).max(100) })
  .strict();

export const apiKeyViewSchema = apiKeySchema.omit({ tenantId: true, type: true, secretHash: true });
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** `POST /api/api-keys` → 201: the only time the key is shown. */
export const createdApiKeySchema = apiKeyViewSchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/**
 * The roster's headcount of one department (`rollups`, partition `tenantId:roster`, id
 * `roster:<departmentId>`), refreshed whenever the roster changes, so the scoreboard never counts
 * people at read time.
 */
export const departmentRosterSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('departmentRoster'),
  departmentId: z.string().min(1),
  people: z.number().int().min(0),
  eligible: z.number().int().min(0),
  /** The department's leads: whom a coaching nudge goes to. */
  leads: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .max(500)
    .default([]),
  updatedAt: z.iso.datetime(),
});
export type DepartmentRoster = z.infer<typeof departmentRosterSchema>;

export const scoreboardQuerySchema = z.object({
  weeks: z.coerce.number().int().min(1).max(104).default(8),
  format: z.enum(['json', 'csv']).default('json'),
});

/** Weekly series are oldest week first, aligned with `weeks`. */
export const scoreboardDepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  suppressed: z.boolean(),
  /** Withheld (absent) when the department is suppressed. */
  eligible: z.number().int().optional(),
  active: z.array(z.number().int()).optional(),
  wauPct: z.array(z.number()).optional(),
  lessonsCompleted: z.array(z.number().int()).optional(),
  practiceAttendance: z.array(z.number().int()).optional(),
  /** Below target in the latest week, or lower than the week before. */
  straggler: z.boolean().optional(),
  stragglerReason: z.enum(['below-target', 'falling', 'below-target-and-falling']).optional(),
  leads: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});
export type ScoreboardDepartment = z.infer<typeof scoreboardDepartmentSchema>;

export const scoreboardSchema = z.object({
  weeks: z.array(isoWeekSchema),
  targetPct: z.number(),
  minGroupSize: z.number().int(),
  programStart: z.string().optional(),
  programStartWeek: isoWeekSchema.optional(),
  overall: z.object({
    eligible: z.number().int(),
    active: z.array(z.number().int()),
    wauPct: z.array(z.number()),
    lessonsCompleted: z.array(z.number().int()),
    practiceAttendance: z.array(z.number().int()),
  }),
  departments: z.array(scoreboardDepartmentSchema),
  tiles: z.object({
    wauPctNow: z.number(),
    /** WAU% in the program's first week, or the oldest week shown when it started earlier. */
    wauPctAtStart: z.number(),
    eligible: z.number().int(),
    activeNow: z.number().int(),
    /** Lessons completed over the weeks shown, per eligible person. */
    lessonsCompleted: z.number().int(),
    practiceAttendance: z.number().int(),
    openFlags: z.number().int(),
    resolvedFlags: z.number().int(),
    medianHoursToResolution: z.number().optional(),
    medianHoursToFirstResponse: z.number().optional(),
    improvementsSuggested: z.number().int(),
    improvementsPushedToVendor: z.number().int(),
  }),
});
export type Scoreboard = z.infer<typeof scoreboardSchema>;

/** `POST /api/scoreboard/nudges`: a coaching message to a department's leads. */
export const nudgeRequestSchema = z
  .object({
    departmentId: z.string().trim().min(1).max(64),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export const nudgeResultSchema = z.object({
  departmentId: z.string(),
  queued: z.number().int(),
  leads: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type NudgeResult = z.infer<typeof nudgeResultSchema>;

/** Champions only: who in a department was active in which of the weeks shown. */
export const scoreboardPeopleSchema = z.object({
  weeks: z.array(isoWeekSchema),
  items: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      upn: z.string(),
      eligible: z.boolean(),
      activeWeeks: z.array(z.boolean()),
    }),
  ),
});
export type ScoreboardPeople = z.infer<typeof scoreboardPeopleSchema>;

/**
 * The weekly pulse: one question about one mapped task (activity, partition `tenantId:isoWeek`,
 * id `pulse:<userId>`): one answer per person and week, the last one kept.
 */
export const pulseAnswerSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('pulseAnswer'),
  week: isoWeekSchema,
  userId: z.string().min(1),
  departmentId: z.string().min(1),
  taskId: z.string().min(1).max(64),
  minutes: z.number().int().min(1).max(10_000),
  aiHelped: z.boolean(),
  answeredAt: z.iso.datetime(),
});
export type PulseAnswer = z.infer<typeof pulseAnswerSchema>;

export const pulseRequestSchema = z
  .object({
    taskId: z.string().trim().min(1).max(64),
    minutes: z.coerce.number().int().min(1).max(10_000),
    aiHelped: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  })
  .strict();
export type PulseRequest = z.infer<typeof pulseRequestSchema>;

export const diagnosisKindSchema = z.enum(['training', 'workflow-mapping', 'prompt', 'on-track']);

export const checkpointSchema = z.object({
  programStart: z.string(),
  /** The program's first 90 days, as ISO weeks (at most 13). */
  weeks: z.array(isoWeekSchema),
  startWeek: isoWeekSchema,
  nowWeek: isoWeekSchema,
  daysIn: z.number().int(),
  targetPct: z.number(),
  minGroupSize: z.number().int(),
  overall: z.object({ eligible: z.number().int(), wauPctStart: z.number(), wauPctNow: z.number() }),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      suppressed: z.boolean(),
      eligible: z.number().int().optional(),
      wauPctStart: z.number().optional(),
      wauPctNow: z.number().optional(),
      /** Lessons completed over the period per eligible person, as a share of lessons due (0–100). */
      lessonCompletionPct: z.number().optional(),
    }),
  ),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      name: z.string(),
      departmentId: z.string().optional(),
      /** The minutes the admin estimated when mapping the task, before any pulse answer. */
      mappedBaselineMinutes: z.number().optional(),
      /** Median minutes people reported in the first two weeks; absent with too few answers. */
      baselineMinutes: z.number().optional(),
      baselineSamples: z.number().int(),
      nowMinutes: z.number().optional(),
      nowSamples: z.number().int(),
      /** Negative is faster. Absent when either side has too few answers. */
      changePct: z.number().optional(),
      aiHelpedPct: z.number().optional(),
    }),
  ),
  flags: z.object({
    raised: z.number().int(),
    resolved: z.number().int(),
    open: z.number().int(),
    byOutcome: z.record(z.string(), z.number().int()),
    medianHoursToResolution: z.number().optional(),
    topPrompts: z.array(z.object({ promptId: z.string(), title: z.string(), flags: z.number() })),
  }),
  improvements: z.object({
    suggested: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    pushedToVendor: z.number().int(),
  }),
  diagnosis: z.array(
    z.object({
      kind: diagnosisKindSchema,
      /** What it is about: a department, a task or a prompt. */
      subject: z.object({
        kind: z.enum(['department', 'task', 'prompt']),
        id: z.string(),
        name: z.string(),
      }),
      finding: z.string(),
      lookAt: z.string(),
    }),
  ),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
