import { z } from 'zod';

export const roleSchema = z.enum(['member', 'lead', 'champion', 'admin']);
export type Role = z.infer<typeof roleSchema>;
export const roles: readonly Role[] = roleSchema.options;

/** Who is calling: resolved from an Entra ID token, a Bot Framework activity, or dev headers. */
export const identitySchema = z.object({
  tenantId: z.string().min(1),
  userId: z.string().min(1),
  roles: z.array(roleSchema).min(1),
  upn: z.string().optional(),
  displayName: z.string().optional(),
});
export type Identity = z.infer<typeof identitySchema>;

/** `GET /api/me`: the caller and what the tab should show them. */
export const meResponseSchema = identitySchema.extend({
  identitySource: z.enum(['token', 'dev']),
  department: z.string().optional(),
  jobFamily: z.string().optional(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The headers that name a caller in dev identity mode (never honoured in production). */
export const devTenantHeader = 'x-dev-tenant';
export const devUserHeader = 'x-dev-user';
