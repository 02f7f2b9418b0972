import { Router } from 'express';
import { peopleQuerySchema } from '../contracts/people.js';
import type { ProgramService } from '../services/program-service.js';
import { callerOf } from './identity-middleware.js';
import { invalidFromZod } from './problem.js';

/** `GET /api/program`: the caller's tenant's set-up, for the tab's shell. */
export function programRouter(program: Pick<ProgramService, 'overview'>): Router {
  const router = Router();
  router.get('/program', async (_req, res) => {
    res.json(await program.overview(callerOf(res).tenantId));
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
    const query = peopleQuerySchema.safeParse(req.query);
    if (!query.success) throw invalidFromZod(query.error, 'query');
    res.json(await program.searchRoster(callerOf(res).tenantId, query.data));
  });
  return router;
}
