import { type Request, Router } from 'express';
import {
  type RosterImportProblem,
  type RosterImportReport,
  rosterImportJsonSchema,
  rosterImportQuerySchema,
} from '../contracts/roster.js';
import type { RosterService } from '../services/roster-service.js';
import { requestCaller, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';
import { sendProblem } from './problem.js';

/** Paths whose bodies may be large (see `bulkRoutes` in createHttpApp): a roster CSV. */
export const rosterBulkRoutes = ['/roster/import'] as const;

const csvTypes = ['text/csv', 'application/csv'];

/** The CSV text of an import: sent as `text/csv`, or as JSON `{ "csv": "..." }` by the tab. */
function csvText(req: Request): string | undefined {
  if (typeof req.body === 'string' && req.is(csvTypes)) return req.body;
  if (req.is('application/json')) {
    return parseRequest(rosterImportJsonSchema, req.body, 'body').csv;
  }
  return undefined;
}

/** A row's error as a problem's field: `lines[3].department`, or `file` for the whole file. */
function problemField(error: RosterImportReport['errors'][number]): string {
  return error.line === 0 ? error.field : `lines[${String(error.line)}].${error.field}`;
}

/**
 * `POST /api/roster/import[?dryRun=true]` (admins): the roster as CSV. 200 with the report; 422
 * problem+json carrying the report when any row has an error, in which case nothing was written.
 */
export function rosterRouter(roster: Pick<RosterService, 'importCsv'>): Router {
  const router = Router();
  router.post('/roster/import', requireRole('admin'), async (req, res) => {
    const { dryRun } = parseRequest(rosterImportQuerySchema, req.query, 'query');
    const text = csvText(req);
    if (text === undefined) {
      sendProblem(res, 415, 'Send the roster as text/csv, or as JSON { "csv": "..." }');
      return;
    }
    const report = await roster.importCsv(requestCaller(res), text, { dryRun });
    if (report.errorCount === 0) {
      res.json(report);
      return;
    }
    const found = report.errorCount === 1 ? 'One problem' : `${String(report.errorCount)} problems`;
    const problem: RosterImportProblem = {
      type: 'about:blank',
      title: 'The roster file has errors',
      status: 422,
      detail: dryRun
        ? `${found} found: fix the file before importing it.`
        : `${found} found, so nothing was written to the roster. Fix the file and import it again.`,
      errors: report.errors.map((error) => ({
        field: problemField(error),
        message: error.message,
      })),
      report,
    };
    res.status(422).type('application/problem+json').json(problem);
  });
  return router;
}
