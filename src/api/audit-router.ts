import { Router } from 'express';
import { auditQuerySchema } from '../contracts/audit.js';
import { toCsv } from '../domain/csv.js';
import type { AuditService } from '../services/audit-service.js';
import { requestCaller } from './identity-middleware.js';
import { parseRequest } from './parse.js';

const csvHeader = [
  'at',
  'actorId',
  'actorName',
  'actorRoles',
  'via',
  'action',
  'targetId',
  'status',
];

/** `GET /api/audit?weeks=4&format=json|csv`: the tenant's audit trail, newest first (admins). */
export function auditRouter(audit: Pick<AuditService, 'list'>): Router {
  const router = Router();

  router.get('/audit', async (req, res) => {
    const query = parseRequest(auditQuerySchema, req.query, 'query');
    const page = await audit.list(requestCaller(res), query.weeks);
    if (query.format === 'csv') {
      const rows = page.entries.map((entry) => [
        entry.at,
        entry.actorId,
        entry.actorName ?? '',
        entry.actorRoles.join(' '),
        entry.via,
        entry.action,
        entry.targetId ?? '',
        String(entry.status),
      ]);
      res.type('text/csv').attachment('lastmile-audit.csv').send(toCsv(csvHeader, rows));
      return;
    }
    res.json(page);
  });

  return router;
}
