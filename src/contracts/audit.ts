import { z } from 'zod';
import { isoWeekSchema } from './activity.js';
import { roleSchema } from './identity.js';

/**
 * One change made by an admin or a champion (or an API key), recorded after it succeeded: who,
 * when, which route and on what. Stored in `activity` (`pk = tenantId:isoWeek`, type
 * `auditEntry`) and kept as long as the tenant is: retention removes raw usage events only.
 */
export const auditEntrySchema = z.object({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  pk: z.string().min(1),
  type: z.literal('auditEntry'),
  week: isoWeekSchema,
  at: z.iso.datetime(),
  actorId: z.string().min(1),
  actorName: z.string().max(200).optional(),
  actorRoles: z.array(roleSchema),
  /** How the actor signed in: an Entra token, dev headers (never in production) or an API key. */
  via: z.enum(['token', 'dev', 'apiKey']),
  /** The route as declared, such as `POST /api/prompts/:id/status`. */
  action: z.string().min(1).max(200),
  /** The id in the route, when it names one. */
  targetId: z.string().max(300).optional(),
  status: z.number().int(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditEntryViewSchema = auditEntrySchema.omit({ pk: true, type: true, tenantId: true });
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const auditQuerySchema = z
  .object({
    weeks: z.coerce.number().int().min(1).max(104).default(4),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

export const auditPageSchema = z.object({
  weeks: z.array(isoWeekSchema),
  entries: z.array(auditEntryViewSchema),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
