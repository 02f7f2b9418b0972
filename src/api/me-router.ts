import { Router } from 'express';
import type { MeResponse } from '../contracts/identity.js';
import type { IdentityService } from '../services/identity-service.js';
import { callerOf, identitySourceOf } from './identity-middleware.js';

/** `GET /api/me`: who the caller is, as the tab shows it. */
export function meRouter(identities: Pick<IdentityService, 'personOf'>): Router {
  const router = Router();
  router.get('/me', async (_req, res) => {
    const identity = callerOf(res);
    const person = await identities.personOf(identity);
    const body: MeResponse = {
      ...identity,
      identitySource: identitySourceOf(res),
      ...(person === undefined
        ? {}
        : { department: person.departmentId, jobFamily: person.jobFamilyId }),
    };
    res.json(body);
  });
  return router;
}
