import { Router } from 'express';
import { createApiKeyRequestSchema } from '../contracts/adoption.js';
import { apiKeyIdSchema, type ApiKeyList } from '../contracts/usage-data.js';
import type { ApiKeyService } from '../services/api-key-service.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';

/** The ingest API's keys, for admins: list, create (the key is in that answer only), revoke. */
export function apiKeysRouter(keys: Pick<ApiKeyService, 'list' | 'create' | 'revoke'>): Router {
  const router = Router();
  const admins = requireRole('admin');

  router.get('/api-keys', admins, async (_req, res) => {
    const list: ApiKeyList = { items: await keys.list(callerOf(res).tenantId) };
    res.json(list);
  });

  router.post('/api-keys', admins, async (req, res) => {
    const { name } = parseRequest(createApiKeyRequestSchema, req.body, 'body');
    const created = await keys.create(callerOf(res), name);
    // The answer holds the secret: no cache, proxy or browser may keep it.
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(created);
  });

  router.delete('/api-keys/:id', admins, async (req, res) => {
    const id = parseRequest(apiKeyIdSchema, req.params['id'], 'id');
    res.json(await keys.revoke(callerOf(res), id));
  });

  return router;
}
