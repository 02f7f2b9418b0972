import { Router } from 'express';
import { usageEventBatchSchema } from '../contracts/adoption.js';
import type { UsageIngest } from '../services/usage-ingest.js';
import { requireRoleOrApiKey } from './api-key-auth.js';
import { callerOf } from './identity-middleware.js';
import { parseRequest } from './parse.js';

/**
 * `POST /api/usage-events`: AI usage from any tool into the one usage stream. Each event is checked
 * on its own: good ones are recorded (once, by id), bad ones come back in `rejected` by index.
 */
export function usageRouter(ingest: Pick<UsageIngest, 'ingest'>): Router {
  const router = Router();
  router.post('/usage-events', requireRoleOrApiKey('admin', 'champion'), async (req, res) => {
    const batch = parseRequest(usageEventBatchSchema, req.body, 'body');
    const result = await ingest.ingest(callerOf(res).tenantId, batch.events);
    res.status(202).json(result);
  });
  return router;
}
