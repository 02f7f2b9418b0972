import { Router } from 'express';
import { z } from 'zod';
import { toCsv } from '../domain/csv.js';
import { checkpointCsvHeader, checkpointRows } from '../domain/checkpoint-maths.js';
import type { CheckpointService } from '../services/checkpoint-service.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const querySchema = z.object({ format: z.enum(['json', 'csv']).optional() });

/**
 * `GET /api/checkpoint`: the 90-day checkpoint for champions and admins; `?format=csv|json`
 * downloads it as a file.
 */
export function checkpointRouter(checkpoints: CheckpointService, now: () => Date): Router {
  const router = Router();
  router.get('/checkpoint', requireRole('champion', 'admin'), async (req, res) => {
    const query = parseRequest(querySchema, req.query, 'query');
    const checkpoint = await checkpoints.checkpoint(callerOf(res).tenantId);
    res.setHeader('Cache-Control', 'no-store');
    if (query.format !== undefined) {
      res.attachment(`lastmile-checkpoint-${now().toISOString().slice(0, 10)}.${query.format}`);
    }
    if (query.format === 'csv') {
      res.type('text/csv').send(toCsv(checkpointCsvHeader, checkpointRows(checkpoint)));
      return;
    }
    res.json(checkpoint);
  });
  return router;
}
