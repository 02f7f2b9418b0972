import { Router } from 'express';
import { peopleQuerySchema } from '../contracts/people.js';
import type { ProgramService } from '../services/program-service.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest, withContinuationToken } from './parse.js';

/**
 * `GET /api/people?q=&limit=&continuationToken=`: the caller's tenant's roster by name or UPN, for
 * champions and admins choosing someone (a flag's reviewer). Members get 403: the roster is not a
 * directory for everyone.
 */
export function peopleRouter(program: Pick<ProgramService, 'searchRoster'>): Router {
  const router = Router();
  router.get('/people', requireRole('champion', 'admin'), async (req, res) => {
    const query = parseRequest(peopleQuerySchema, req.query, 'query');
    res.json(
      await withContinuationToken(query.continuationToken, () =>
        program.searchRoster(callerOf(res).tenantId, query),
      ),
    );
  });
  return router;
}
