import { z } from 'zod';
import { roleSchema } from './identity.js';

export const upnSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be a user principal name such as name@example.com');

/** A person on a tenant's roster. `id` is the Entra object id (`oid`), so tokens point-read it. */
export const personSchema = z.object({
  id: z.string().min(1).max(128),
  tenantId: z.string().min(1),
  type: z.literal('person'),
  upn: upnSchema,
  displayName: z.string().trim().min(1).max(200),
  departmentId: z.string().min(1),
  jobFamilyId: z.string().min(1),
  role: roleSchema,
  eligible: z.boolean(),
  managerUpn: upnSchema.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Person = z.infer<typeof personSchema>;

/** A roster entry as the tab lists it. */
export const personSummarySchema = personSchema.pick({
  id: true,
  upn: true,
  displayName: true,
  departmentId: true,
  jobFamilyId: true,
  role: true,
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const peopleQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  // The store's own token goes into a request header: printable ASCII only.
  continuationToken: z
    .string()
    .max(4000)
    .regex(/^[\x20-\x7E]*$/u, 'is not a token from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export const peoplePageSchema = z.object({
  items: z.array(personSummarySchema),
  continuationToken: z.string().optional(),
});
export type PeoplePage = z.infer<typeof peoplePageSchema>;
