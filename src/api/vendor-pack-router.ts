import { Router } from 'express';
import { z } from 'zod';
import { buildVendorPack, vendorPackCsv } from '../domain/vendor-pack.js';
import type { FlagService } from '../services/flag-service.js';
import type { ImprovementService } from '../services/improvement-service.js';
import { callerOf, requireRole } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const querySchema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  redact: z.enum(['true', 'false']).default('false'),
});

/**
 * `GET /api/vendor-pack?format=json|csv&redact=true`: flags escalated to the AI vendor and
 * improvements pushed to them, for champions and admins to send on, names withheld on request.
 */
export function vendorPackRouter(
  services: {
    readonly flags: Pick<FlagService, 'exportAll'>;
    readonly improvements: Pick<ImprovementService, 'exportAll'>;
  },
  now: () => Date,
): Router {
  const router = Router();
  router.get('/vendor-pack', requireRole('champion', 'admin'), async (req, res) => {
    const query = parseRequest(querySchema, req.query, 'query');
    const identity = callerOf(res);
    const [flags, improvements] = await Promise.all([
      services.flags.exportAll(identity),
      services.improvements.exportAll(identity),
    ]);
    const pack = buildVendorPack(flags, improvements, { redactNames: query.redact === 'true' });
    res.attachment(`lastmile-vendor-pack-${now().toISOString().slice(0, 10)}.${query.format}`);
    if (query.format === 'csv') res.type('text/csv').send(vendorPackCsv(pack));
    else res.json(pack);
  });
  return router;
}
