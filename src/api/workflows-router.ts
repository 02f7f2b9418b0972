import { type Request, Router } from 'express';
import { z } from 'zod';
import {
  createWorkflowTaskRequestSchema,
  updateWorkflowTaskRequestSchema,
  workflowListQuerySchema,
} from '../contracts/workflows.js';
import type { WorkflowService } from '../services/workflow-service.js';
import { requireIfMatch, toHttpEtag } from './etag.js';
import { callerOf } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const idSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'is not a task id');

function taskId(req: Request): string {
  return parseRequest(idSchema, req.params['id'], 'id');
}

/** Mapped workflow tasks: everyone reads; leads, champions and admins map. */
export function workflowsRouter(workflows: WorkflowService): Router {
  const router = Router();

  router.get('/workflows', async (req, res) => {
    const query = parseRequest(workflowListQuerySchema, req.query, 'query');
    res.json({ items: await workflows.list(callerOf(res), query.department) });
  });

  router.post('/workflows', async (req, res) => {
    const content = parseRequest(createWorkflowTaskRequestSchema, req.body, 'body');
    const view = await workflows.create(callerOf(res), content);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.status(201).json(view);
  });

  router.get('/workflows/:id', async (req, res) => {
    const view = await workflows.get(callerOf(res), taskId(req));
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.put('/workflows/:id', async (req, res) => {
    const id = taskId(req);
    const etag = requireIfMatch(req);
    const content = parseRequest(updateWorkflowTaskRequestSchema, req.body, 'body');
    const view = await workflows.update(callerOf(res), id, content, etag);
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  router.delete('/workflows/:id', async (req, res) => {
    const id = taskId(req);
    await workflows.delete(callerOf(res), id, requireIfMatch(req));
    res.status(204).end();
  });

  return router;
}
