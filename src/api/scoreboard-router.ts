import { Router } from 'express';
import { z } from 'zod';
import { nudgeRequestSchema, scoreboardQuerySchema } from '../contracts/adoption.js';
import { toCsv } from '../domain/csv.js';
import { scoreboardCsvHeader, scoreboardRows } from '../domain/scoreboard-maths.js';
import type { ScoreboardService } from '../services/scoreboard-service.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const peopleQuerySchema = z.object({
  departmentId: z.string().trim().min(1).max(64),
  weeks: z.coerce.number().int().min(1).max(26).default(8),
});

/**
 * The champion's scoreboard (`GET /api/scoreboard?weeks=N`, as JSON or CSV), the drill-down into a
 * department's people (champions only), and the coaching nudge to a department's leads.
 */
export function scoreboardRouter(scoreboard: ScoreboardService, now: () => Date): Router {
  const router = Router();

  router.get('/scoreboard', requireRole('champion', 'admin'), async (req, res) => {
    const query = parseRequest(scoreboardQuerySchema, req.query, 'query');
    const board = await scoreboard.scoreboard(callerOf(res).tenantId, query.weeks);
    res.setHeader('Cache-Control', 'no-store');
    if (query.format === 'csv') {
      res.attachment(`lastmile-scoreboard-${now().toISOString().slice(0, 10)}.csv`);
      res.type('text/csv').send(toCsv(scoreboardCsvHeader, scoreboardRows(board)));
      return;
    }
    res.json(board);
  });

  router.get('/scoreboard/people', requireRole('champion'), async (req, res) => {
    const query = parseRequest(peopleQuerySchema, req.query, 'query');
    res.setHeader('Cache-Control', 'no-store');
    res.json(await scoreboard.people(callerOf(res), query.departmentId, query.weeks));
  });

  router.post('/scoreboard/nudges', requireRole('champion', 'admin'), async (req, res) => {
    const body = parseRequest(nudgeRequestSchema, req.body, 'body');
    const result = await scoreboard.nudge(callerOf(res), body.departmentId, body.note);
    res.status(result.queued > 0 ? 202 : 200).json(result);
  });

  return router;
}
