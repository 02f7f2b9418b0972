import { Router } from 'express';
import { practiceSessionQuerySchema } from '../contracts/practice.js';
import type { PracticeService } from '../services/practice-service.js';
import { callerOf } from './identity-middleware.js';
import { parseRequest } from './parse.js';

/** `GET /api/practice-sessions`: the tenant's practice sessions with their attendee counts. */
export function practiceRouter(practice: Pick<PracticeService, 'list'>): Router {
  const router = Router();
  router.get('/practice-sessions', async (req, res) => {
    const query = parseRequest(practiceSessionQuerySchema, req.query, 'query');
    res.json({ items: await practice.list(callerOf(res), query) });
  });
  return router;
}
