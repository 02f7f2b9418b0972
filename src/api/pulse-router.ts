import { Router } from 'express';
import { pulseRequestSchema } from '../contracts/adoption.js';
import type { PulseService } from '../services/pulse-service.js';
import { requestCaller } from './identity-middleware.js';
import { parseRequest } from './parse.js';

/**
 * The weekly pulse for the tab, for anyone on the roster: `GET /api/pulse` is this week's question
 * and the caller's answer; `POST /api/pulse` records (or replaces) this week's answer and answers
 * with the same view.
 */
export function pulseRouter(pulse: Pick<PulseService, 'questionFor' | 'answer'>): Router {
  const router = Router();

  router.get('/pulse', async (_req, res) => {
    res.json(await pulse.questionFor(requestCaller(res)));
  });

  router.post('/pulse', async (req, res) => {
    const answer = parseRequest(pulseRequestSchema, req.body, 'body');
    res.json(await pulse.answer(requestCaller(res), answer));
  });

  return router;
}
