import { Router } from 'express';
import { z } from 'zod';
import {
  createImprovementRequestSchema,
  improvementStatusRequestSchema,
} from '../contracts/feedback.js';
import type { ImprovementService } from '../services/improvement-service.js';
import { requireIfMatch, toHttpEtag } from './etag.js';
import { callerOf, requestCaller, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const idSchema = z.string().regex(/^[A-Za-z0-9:._@-]{1,200}$/u, 'is not a suggestion id');

/** Workflow improvements: everyone suggests and reads; champions and admins decide. */
export function improvementsRouter(improvements: ImprovementService): Router {
  const router = Router();

  router.get('/improvements', async (_req, res) => {
    res.json(await improvements.list(callerOf(res)));
  });

  router.post('/improvements', async (req, res) => {
    const body = parseRequest(createImprovementRequestSchema, req.body, 'body');
    const view = await improvements.suggest(requestCaller(res), body);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.status(201).json(view);
  });

  router.get('/improvements/:id', async (req, res) => {
    const id = parseRequest(idSchema, req.params['id'], 'id');
    const view = await improvements.get(callerOf(res), id);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.post('/improvements/:id/status', requireRole('champion', 'admin'), async (req, res) => {
    const id = parseRequest(idSchema, req.params['id'], 'id');
    const etag = requireIfMatch(req);
    const change = parseRequest(improvementStatusRequestSchema, req.body, 'body');
    const view = await improvements.setStatus(callerOf(res), id, change, etag);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  return router;
}
