import { z } from 'zod';

/** ISO week strings such as `2026-W48`, the unit of "weekly active". */
export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week like 2026-W48');
export type IsoWeek = z.infer<typeof isoWeekSchema>;

/**
 * Where a usage event came from: `prompt-insert` and `prompt-copy` (the library), `copilot` (the
 * Microsoft 365 Copilot report), or what an ingest client or CSV names (`api`, `chatgpt`, ...).
 */
export const usageSourceSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'must be a short name of letters, digits, . _ or -');
export type UsageSource = z.infer<typeof usageSourceSchema>;

/**
 * One AI-usage event in the `activity` container, partition `pk = tenantId:isoWeek`. The id is
 * deterministic (source + the source's own event id), so a replay is a no-op.
 */
export const usageEventSchema = z.object({
  id: z.string().min(1).max(300),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('usageEvent'),
  week: isoWeekSchema,
  userId: z.string().min(1),
  departmentId: z.string().optional(),
  source: usageSourceSchema,
  tool: z.string().max(100).optional(),
  promptId: z.string().max(64).optional(),
  occurredAt: z.iso.datetime(),
  recordedAt: z.iso.datetime(),
});
export type UsageEvent = z.infer<typeof usageEventSchema>;

/** The first usage of a user in a week (id `active:<userId>`): created once, so counted once. */
export const activeMarkerSchema = z.object({
  id: z.string().min(1).max(300),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('activeMarker'),
  week: isoWeekSchema,
  userId: z.string().min(1),
  departmentId: z.string().optional(),
  /** Whether the person counted towards the department's eligible users; absent means yes. */
  eligible: z.boolean().optional(),
  firstAt: z.iso.datetime(),
});
export type ActiveMarker = z.infer<typeof activeMarkerSchema>;

/** Weekly active people of one department, in the `rollups` container (`pk = tenantId:isoWeek`). */
export const departmentWeekSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('departmentWeek'),
  week: isoWeekSchema,
  departmentId: z.string().min(1),
  active: z.number().int().min(0),
});
export type DepartmentWeek = z.infer<typeof departmentWeekSchema>;

/** Rollups of people on no department's roster go to this department id. */
export const unassignedDepartmentId = 'unassigned';
