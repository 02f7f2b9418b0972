import { type Request, Router } from 'express';
import { z } from 'zod';
import {
  assignFlagRequestSchema,
  createFlagRequestSchema,
  flagListQuerySchema,
  flagResolutionSchema,
} from '../contracts/feedback.js';
import type { FlagService } from '../services/flag-service.js';
import { toHttpEtag } from './etag.js';
import { callerOf, requestCaller, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const idSchema = z.string().regex(/^[A-Za-z0-9:._@-]{1,200}$/u, 'is not a flag id');

function flagId(req: Request): string {
  return parseRequest(idSchema, req.params['id'], 'id');
}

/**
 * Flags on AI output: everyone raises them and sees their own; reviewers and champions triage.
 * A flag the caller may not see answers 404, as if it did not exist. Champions and admins read
 * the tenant's figures at `/flags/stats`.
 */
export function flagsRouter(flags: FlagService): Router {
  const router = Router();

  router.get('/flags', async (req, res) => {
    const query = parseRequest(flagListQuerySchema, req.query, 'query');
    res.json({ items: await flags.list(callerOf(res), query) });
  });

  router.post('/flags', async (req, res) => {
    const body = parseRequest(createFlagRequestSchema, req.body, 'body');
    const view = await flags.raise(requestCaller(res), { ...body, source: 'tab' });
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.status(201).json(view);
  });

  // Before `/flags/:id`, which would take `stats` for a flag id.
  router.get('/flags/stats', requireRole('champion', 'admin'), async (_req, res) => {
    res.json(await flags.stats(callerOf(res).tenantId));
  });

  router.get('/flags/:id', async (req, res) => {
    const view = await flags.get(callerOf(res), flagId(req));
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.post('/flags/:id/review', async (req, res) => {
    const view = await flags.startReview(callerOf(res), flagId(req));
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.post('/flags/:id/assign', async (req, res) => {
    const id = flagId(req);
    const body = parseRequest(assignFlagRequestSchema, req.body, 'body');
    const view = await flags.assign(callerOf(res), id, body.reviewerId);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.post('/flags/:id/resolution', async (req, res) => {
    const id = flagId(req);
    const resolution = parseRequest(flagResolutionSchema, req.body, 'body');
    const view = await flags.resolve(callerOf(res), id, resolution);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  return router;
}
