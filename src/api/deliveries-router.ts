import { Router } from 'express';
import { z } from 'zod';
import { deliveryListQuerySchema } from '../contracts/deliveries.js';
import type { DeliveryQueue } from '../services/delivery-queue.js';
import { requireIfMatch, toHttpEtag } from './etag.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest, withContinuationToken } from './parse.js';

const idSchema = z.string().regex(/^[A-Za-z0-9:._@-]{1,400}$/u, 'is not a delivery id');

/**
 * The proactive queue as admins see it: what is waiting, sent, or dead with the reason, and a
 * retry for a dead item once its cause is fixed.
 */
export function deliveriesRouter(
  queue: Pick<DeliveryQueue, 'list' | 'retry'>,
  now: () => Date,
): Router {
  const router = Router();

  router.get('/deliveries', requireRole('admin', 'champion'), async (req, res) => {
    const query = parseRequest(deliveryListQuerySchema, req.query, 'query');
    const page = await withContinuationToken(query.continuationToken, () =>
      queue.list(callerOf(res).tenantId, query.state, query.continuationToken),
    );
    // Each item's etag is given as the HTTP ETag, ready to send as If-Match with a retry.
    res.json({
      ...page,
      items: page.items.map((item) => ({ ...item, etag: toHttpEtag(item.etag) })),
    });
  });

  router.post('/deliveries/:id/retry', requireRole('admin'), async (req, res) => {
    const id = parseRequest(idSchema, req.params['id'], 'id');
    const etag = requireIfMatch(req);
    const view = await queue.retry(callerOf(res).tenantId, id, etag, now());
    res.setHeader('ETag', toHttpEtag(view.etag));
    res.json(view);
  });

  return router;
}
