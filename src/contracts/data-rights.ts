import { z } from 'zod';
import { isoWeekSchema } from './activity.js';
import { upnSchema } from './people.js';

/**
 * Data rights, for admins: erase one person's data on request, offboard a whole tenant, and the
 * retention of raw usage events (docs/architecture.md, "Data rights").
 */

/** What an erased person's identity becomes in the shared records that are kept. */
export const erasedIdPrefix = 'erased:';
export const erasedDisplayName = 'Former colleague';

/** Whether a user id is an erased person's placeholder: nobody to notify or assign. */
export function isErasedUserId(userId: string): boolean {
  return userId.startsWith(erasedIdPrefix);
}

/** `POST /api/data-rights/erasures`: the person by their Entra object id or by their UPN. */
export const erasureRequestSchema = z
  .object({
    userId: z.string().trim().min(1).max(128).optional(),
    upn: upnSchema.optional(),
  })
  .strict()
  .refine((request) => (request.userId === undefined) !== (request.upn === undefined), {
    path: ['userId'],
    message: 'give either userId or upn, not both',
  });
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

/** `?dryRun=true` reports what would change and changes nothing. */
export const dryRunQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

const countsByType = z.record(z.string(), z.number().int().min(0));

export const erasureReportSchema = z.object({
  dryRun: z.boolean(),
  /** Whether the person was on the roster (an id not on it may still name records). */
  onRoster: z.boolean(),
  /** What the kept records now name instead of the person. */
  placeholder: z.object({ userId: z.string(), displayName: z.string() }),
  /** Personal records removed, by document type. */
  deleted: countsByType,
  /** Shared records kept with the person replaced by the placeholder, by document type. */
  scrubbed: countsByType,
  totals: z.object({ deleted: z.number().int().min(0), scrubbed: z.number().int().min(0) }),
  /** What was deliberately left as it was, in words, so the admin can tell the person. */
  notes: z.array(z.string()),
});
export type ErasureReport = z.infer<typeof erasureReportSchema>;

/** `POST /api/data-rights/offboarding`: the caller types their own tenant id to confirm. */
export const offboardingRequestSchema = z
  .object({ confirmTenantId: z.string().trim().min(1).max(128) })
  .strict();
export type OffboardingRequest = z.infer<typeof offboardingRequestSchema>;

export const offboardingReportSchema = z.object({
  tenantId: z.string(),
  /** Documents deleted, by container. */
  deleted: countsByType,
  total: z.number().int().min(0),
});
export type OffboardingReport = z.infer<typeof offboardingReportSchema>;

/** `GET /api/data-rights/retention`: the policy and how far it has reached in this tenant. */
export const retentionStatusSchema = z.object({
  retentionDays: z.number().int().min(1),
  /** Raw usage events of weeks before this one are removed (rollups are kept). */
  keepFromWeek: isoWeekSchema,
  /** The week before which this tenant's raw events have been removed, once a run has done so. */
  purgedBefore: isoWeekSchema.optional(),
});
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;

/** What one retention run removed (`POST /api/data-rights/retention-runs`, or the periodic job). */
export const retentionRunSchema = z.object({
  retentionDays: z.number().int().min(1),
  keepFromWeek: isoWeekSchema,
  tenants: z.number().int().min(0),
  deleted: z.number().int().min(0),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

/**
 * How far retention has removed a tenant's raw usage events (`rollups`, partition
 * `tenantId:retention`, id `retention`). Written before any event is removed, so a recompute never
 * mistakes a week being purged for a complete one.
 */
export const retentionWatermarkSchema = z.object({
  id: z.literal('retention'),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('retentionWatermark'),
  purgedBefore: isoWeekSchema,
  updatedAt: z.iso.datetime(),
});
export type RetentionWatermark = z.infer<typeof retentionWatermarkSchema>;

/**
 * Erased people who counted as active in a department's week (`rollups`, partition
 * `tenantId:isoWeek`, id `erased:<departmentId>`): a count, naming nobody. The rollup keeps
 * counting them, and the recompute adds this to what the remaining events say.
 */
export const erasedActiveSchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('erasedActive'),
  week: isoWeekSchema,
  departmentId: z.string().min(1),
  active: z.number().int().min(0),
});
export type ErasedActive = z.infer<typeof erasedActiveSchema>;
