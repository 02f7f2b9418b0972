import { type Request, Router } from 'express';
import { usageCsvImportRequestSchema } from '../contracts/usage-data.js';
import type { CopilotReportImport } from '../services/copilot-report-import.js';
import type { UsageCsvImport } from '../services/usage-csv-import.js';
import { requireRoleOrApiKey } from './api-key-auth.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';
import { sendProblem } from './problem.js';

/** Paths whose bodies may be large (see `bulkRoutes` in createHttpApp): a usage CSV. */
export const usageImportBulkRoutes = ['/usage-events/import'] as const;

const csvTypes = ['text/csv', 'application/csv'];

/** The CSV text: sent as `text/csv`, or as JSON `{ "csv": "..." }` by the tab. */
function csvText(req: Request): string | undefined {
  if (typeof req.body === 'string' && req.is(csvTypes)) return req.body;
  if (req.is('application/json')) {
    return parseRequest(usageCsvImportRequestSchema, req.body, 'body').csv;
  }
  return undefined;
}

/**
 * Usage imports: `POST /api/usage-events/import` (a usage CSV; champions and admins as for the
 * ingest API, or an API key) → 200 with per-line rejections; `GET|POST
 * /api/integrations/copilot-report[/import]` (admins): whether the Microsoft 365 Copilot report
 * import is set up, and running it (503 when it is not).
 */
export function usageImportsRouter(imports: {
  readonly csv: Pick<UsageCsvImport, 'import'>;
  readonly copilot: Pick<CopilotReportImport, 'import' | 'status'>;
}): Router {
  const router = Router();

  router.post(
    '/usage-events/import',
    requireRoleOrApiKey('admin', 'champion'),
    async (req, res) => {
      const text = csvText(req);
      if (text === undefined) {
        sendProblem(res, 415, 'Send the usage events as text/csv, or as JSON { "csv": "..." }');
        return;
      }
      res.json(await imports.csv.import(callerOf(res).tenantId, text));
    },
  );

  router.get('/integrations/copilot-report', requireRole('admin'), (_req, res) => {
    res.json(imports.copilot.status());
  });

  router.post('/integrations/copilot-report/import', requireRole('admin'), async (_req, res) => {
    res.json(await imports.copilot.import(callerOf(res).tenantId));
  });

  return router;
}
