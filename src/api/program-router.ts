import { Router } from 'express';
import { peopleQuerySchema } from '../contracts/people.js';
import { programSettingsUpdateSchema } from '../contracts/program.js';
import type { ProgramService } from '../services/program-service.js';
import { requireIfMatch, toHttpEtag } from './etag.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest, withContinuationToken } from './parse.js';

/**
 * `GET /api/program`: the caller's tenant's set-up for the tab's shell; `GET|PUT /api/program/settings`
 * for admins and champions, edits guarded by `If-Match` (or `If-None-Match: *` to set up a program).
 */
export function programRouter(
  program: Pick<ProgramService, 'overview' | 'settings' | 'updateSettings'>,
  now: () => Date,
): Router {
  const router = Router();
  router.get('/program', async (_req, res) => {
    res.json(await program.overview(callerOf(res).tenantId));
  });
  router.get('/program/settings', async (_req, res) => {
    const view = await program.settings(callerOf(res).tenantId);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view.settings);
  });
  router.put('/program/settings', requireRole('admin', 'champion'), async (req, res) => {
    const creating = req.get('if-none-match')?.trim() === '*';
    const expected = creating ? ('create' as const) : { etag: requireIfMatch(req) };
    const update = parseRequest(programSettingsUpdateSchema, req.body, 'body');
    const result = await program.updateSettings(callerOf(res).tenantId, update, expected, now());
    res.setHeader('ETag', toHttpEtag(result.etag));
    res.status(result.created ? 201 : 200).json(result.settings);
  });
  return router;
}

/**
 * `GET /api/dev/roster`: the roster for the tab's dev-mode user picker. Mounted only in dev identity
 * mode, so production answers 404.
 */
export function devRosterRouter(program: Pick<ProgramService, 'searchRoster'>): Router {
  const router = Router();
  router.get('/dev/roster', async (req, res) => {
    const query = parseRequest(peopleQuerySchema, req.query, 'query');
    res.json(
      await withContinuationToken(query.continuationToken, () =>
        program.searchRoster(callerOf(res).tenantId, query),
      ),
    );
  });
  return router;
}
