import { Router } from 'express';
import type { Problem } from '../contracts/problem.js';
import {
  dryRunQuerySchema,
  erasureRequestSchema,
  offboardingRequestSchema,
} from '../contracts/data-rights.js';
import type { DataRightsService } from '../services/data-rights-service.js';
import type { RawEventRetention } from '../services/raw-event-retention.js';
import { requestCaller, requireRole } from './identity-middleware.js';
import { jsonBodyOr, parseRequest } from './parse.js';

export interface DataRightsRoutes {
  readonly rights: Pick<DataRightsService, 'erase' | 'offboard'>;
  readonly retention: Pick<RawEventRetention, 'runFor' | 'statusFor'>;
}

/**
 * Admins only: `POST /api/data-rights/erasures[?dryRun=true]` erases one person,
 * `POST /api/data-rights/offboarding` deletes the whole tenant (422 unless `confirmTenantId` is
 * the caller's tenant), and `GET|POST /api/data-rights/retention[-runs]` shows and applies the
 * raw-event retention now. Every answer is `no-store`: it describes people's data.
 */
export function dataRightsRouter({ rights, retention }: DataRightsRoutes): Router {
  const router = Router();
  const admins = requireRole('admin');

  router.post('/data-rights/erasures', admins, async (req, res) => {
    const { dryRun } = parseRequest(dryRunQuerySchema, req.query, 'query');
    const body = parseRequest(erasureRequestSchema, jsonBodyOr(req, {}), 'body');
    const report = await rights.erase(requestCaller(res), body, { dryRun });
    res.setHeader('Cache-Control', 'no-store');
    res.json(report);
  });

  router.post('/data-rights/offboarding', admins, async (req, res) => {
    const body = parseRequest(offboardingRequestSchema, jsonBodyOr(req, {}), 'body');
    const outcome = await rights.offboard(requestCaller(res), body);
    res.setHeader('Cache-Control', 'no-store');
    if (outcome.done) {
      res.json(outcome.report);
      return;
    }
    const problem: Problem = {
      type: 'about:blank',
      title: 'Unprocessable content',
      status: 422,
      detail: 'The confirmation does not match: nothing was deleted.',
      errors: [{ field: outcome.field, message: outcome.message }],
    };
    res.status(422).type('application/problem+json').json(problem);
  });

  router.get('/data-rights/retention', admins, async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await retention.statusFor(requestCaller(res)));
  });

  router.post('/data-rights/retention-runs', admins, async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await retention.runFor(requestCaller(res)));
  });

  return router;
}
