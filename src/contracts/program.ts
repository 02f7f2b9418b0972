import { z } from 'zod';

const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');

/** Documents of the `program` container share it, told apart by `type`. */
export const departmentSchema = z.object({
  id: slugSchema,
  tenantId: z.string().min(1),
  type: z.literal('department'),
  name: z.string().trim().min(1).max(120),
  createdAt: z.iso.datetime(),
});
export type Department = z.infer<typeof departmentSchema>;

export const jobFamilySchema = z.object({
  id: slugSchema,
  tenantId: z.string().min(1),
  type: z.literal('jobFamily'),
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000),
  createdAt: z.iso.datetime(),
});
export type JobFamily = z.infer<typeof jobFamilySchema>;

export const programSettingsSchema = z.object({
  id: z.literal('settings'),
  tenantId: z.string().min(1),
  type: z.literal('settings'),
  organisationName: z.string().trim().min(1).max(200),
  programStart: z.iso.date(),
  wauTargetPct: z.number().min(0).max(100),
  minGroupSize: z.number().int().min(1).max(1000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProgramSettings = z.infer<typeof programSettingsSchema>;

/** Settings as the API returns them. */
export const programSettingsViewSchema = programSettingsSchema.omit({ tenantId: true, type: true });
export type ProgramSettingsView = z.infer<typeof programSettingsViewSchema>;

/** `GET /api/program`: the tenant's set-up as the tab's shell needs it. */
export const programOverviewSchema = z.object({
  settings: programSettingsViewSchema.optional(),
  departments: z.array(departmentSchema.pick({ id: true, name: true })),
  jobFamilies: z.array(jobFamilySchema.pick({ id: true, name: true, description: true })),
  headcount: z.number().int().min(0),
});
export type ProgramOverview = z.infer<typeof programOverviewSchema>;

/** `PUT /api/program/settings` (with `If-Match`, or `If-None-Match: *` to create). */
export const programSettingsUpdateSchema = programSettingsSchema
  .pick({ organisationName: true, programStart: true, wauTargetPct: true, minGroupSize: true })
  .strict();
export type ProgramSettingsUpdate = z.infer<typeof programSettingsUpdateSchema>;
