import { z } from 'zod';
import { apiKeyViewSchema } from './adoption.js';

/**
 * Getting usage data in: the ingest API's keys, the usage CSV import and the Microsoft 365 Copilot
 * usage report import (the Program page's "Usage data" section).
 */

/** The header an ingest client sends its API key in. */
export const apiKeyHeader = 'x-api-key';

/** `GET /api/api-keys`: newest first, revoked keys included (they show when they were revoked). */
export const apiKeyListSchema = z.object({ items: z.array(apiKeyViewSchema) });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

/** The id of a key in `DELETE /api/api-keys/:id`. */
export const apiKeyIdSchema = z.string().regex(/^apikey-[0-9a-f]{16}$/, 'is not an API key id');

/**
 * `POST /api/usage-events/import` as JSON, for clients that cannot send `text/csv` (the tab); the
 * CSV text is the same either way.
 */
export const usageCsvImportRequestSchema = z.object({ csv: z.string().min(1) }).strict();

/** How many rejected rows an import answer lists; `rejectedTotal` counts them all. */
export const maxListedRejections = 500;

export const usageCsvImportResultSchema = z.object({
  /** Data rows read (the header line not counted). */
  rows: z.number().int().min(0),
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejectedTotal: z.number().int().min(0),
  /** The first rejected rows, by their line in the file (the header is line 1). */
  rejected: z.array(z.object({ line: z.number().int().min(1), reason: z.string() })),
});
export type UsageCsvImportResult = z.infer<typeof usageCsvImportResultSchema>;

/** `GET /api/integrations/copilot-report`: whether the import can run here. */
export const copilotReportStatusSchema = z.object({
  configured: z.boolean(),
  /** The report period the import reads, such as `D7`. */
  period: z.string(),
});
export type CopilotReportStatus = z.infer<typeof copilotReportStatusSchema>;

/** `POST /api/integrations/copilot-report/import` → 200. */
export const copilotImportReportSchema = z.object({
  period: z.string(),
  /** The newest `reportRefreshDate` seen, when the report had rows. */
  reportRefreshDate: z.string().optional(),
  pages: z.number().int().min(0),
  /** Rows with a readable user principal name. */
  users: z.number().int().min(0),
  /** Rows skipped because the tenant conceals user names in reports. */
  concealed: z.number().int().min(0),
  /** Usage events made from the rows: one per user, app and last-activity date. */
  events: z.number().int().min(0),
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.number().int().min(0),
  /** A few of the rejected events and why (such as a user not on the roster). */
  rejectedExamples: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Something the admin should act on, such as concealed names. */
  notice: z.string().optional(),
});
export type CopilotImportReport = z.infer<typeof copilotImportReportSchema>;
