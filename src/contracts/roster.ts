import { z } from 'zod';
import { problemSchema } from './problem.js';

/**
 * The roster's write paths: `POST /api/roster/import` (a CSV, admins only) and the bot's
 * `sync roster` in a team or group chat (admins and champions).
 */

/** At most this many data rows per import; a bigger roster is imported in parts. */
export const maxRosterImportRows = 20_000;
/** A report lists at most this many errors; `errorCount` says how many there were. */
export const maxRosterReportErrors = 1_000;

/**
 * The template's columns, in its order. Headers are matched forgivingly (case, spaces, dashes and
 * underscores do not matter; `Display Name`, `display_name` and `displayName` are one column).
 * `upn`, `displayName`, `department` and `jobFamily` are required; the others may be left out.
 */
export const rosterCsvColumns = [
  'upn',
  'displayName',
  'department',
  'jobFamily',
  'eligible',
  'role',
  'manager',
  'objectId',
] as const;
export type RosterCsvColumn = (typeof rosterCsvColumns)[number];

/** What each column holds, for the template and the tab's help text. */
export const rosterCsvColumnHelp: Readonly<Record<RosterCsvColumn, string>> = {
  upn: 'Sign-in name, such as name@example.com (required)',
  displayName: 'Name as people see it (required)',
  department: 'Department id or name (required)',
  jobFamily: 'Job family id or name (required)',
  eligible:
    'true/false, yes/no or 1/0: counted in usage figures; blank keeps the current value (new people: true)',
  role: 'member, lead, champion or admin; blank keeps the current role (new people: member)',
  manager: "Manager's UPN; blank means none (leave the column out to keep managers as they are)",
  objectId: 'Entra object id, if known; without it the person is matched by UPN when they sign in',
};

/** `?dryRun=true` checks the file and reports what would change, writing nothing. */
export const rosterImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

/** The JSON form of an import (the tab sends this; scripts may send `text/csv` instead). */
export const rosterImportJsonSchema = z.object({ csv: z.string() }).strict();

export const rosterRowErrorSchema = z.object({
  /** The file's line where the row starts (the header is line 1); 0 for the file as a whole. */
  line: z.number().int().min(0),
  /** The column at fault, as named in `rosterCsvColumns`, or `row` / `file`. */
  field: z.string(),
  message: z.string(),
});
export type RosterRowError = z.infer<typeof rosterRowErrorSchema>;

export const rosterRowChangeSchema = z.object({
  line: z.number().int().min(1),
  upn: z.string(),
  outcome: z.enum(['created', 'updated']),
  /** The columns that change (for `updated`), e.g. `department`, `role`, `objectId`. */
  fields: z.array(z.string()),
});
export type RosterRowChange = z.infer<typeof rosterRowChangeSchema>;

/**
 * What an import did, or (with `dryRun`) would do. `created`, `updated` and `unchanged` add up to
 * `rows` when there are no errors; with any error nothing is written.
 */
export const rosterImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** At most `maxRosterReportErrors`, in line order. */
  errors: z.array(rosterRowErrorSchema),
  errorCount: z.number().int().min(0),
  /** Rows that create or change a person, in line order; unchanged rows are only counted. */
  changes: z.array(rosterRowChangeSchema),
});
export type RosterImportReport = z.infer<typeof rosterImportReportSchema>;

/** The 422 answer to an import with errors: problem details carrying the whole report. */
export const rosterImportProblemSchema = problemSchema.extend({ report: rosterImportReportSchema });
export type RosterImportProblem = z.infer<typeof rosterImportProblemSchema>;

/** A member of a Teams team or chat, as the bot reads it from the paged roster. */
export interface RosterMember {
  /** The Entra object id (`aadObjectId`). */
  readonly objectId: string;
  readonly upn?: string | undefined;
  readonly displayName?: string | undefined;
  /** Teams' `userRole`: guests are not the organisation's people. */
  readonly guest: boolean;
}

export const rosterSkipReasonSchema = z.enum([
  'guest',
  'no-object-id',
  'no-upn',
  'needs-department',
  'needs-job-family',
  'upn-taken',
  'changed-meanwhile',
]);
export type RosterSkipReason = z.infer<typeof rosterSkipReasonSchema>;

/** What `sync roster` did with a team's members. */
export const rosterSyncReportSchema = z.object({
  members: z.number().int().min(0),
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  skipped: z.array(
    z.object({ name: z.string(), upn: z.string().optional(), reason: rosterSkipReasonSchema }),
  ),
  department: z.object({ id: z.string(), name: z.string() }).optional(),
  jobFamily: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type RosterSyncReport = z.infer<typeof rosterSyncReportSchema>;
