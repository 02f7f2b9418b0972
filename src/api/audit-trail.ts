import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { AuditService } from '../services/audit-service.js';
import { apiKeyOf } from './api-key-auth.js';
import { identitySourceOf, requestCaller } from './identity-middleware.js';

const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes whose changes are not written to the tenant's trail, with why, and whether the app log notes them. */
const unaudited = new Map<string, { readonly logged: boolean }>([
  // Usage batches are the data feed (hundreds a minute from a tool's key), not administration;
  // imports of a usage file by an admin stay in the trail.
  ['POST /api/usage-events', { logged: false }],
  // Offboarding deletes the tenant's trail with everything else; the app log records it instead.
  ['POST /api/data-rights/offboarding', { logged: true }],
]);

function actionOf(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  return `${req.method} /api${typeof route === 'string' ? route : req.path}`;
}

/**
 * Records every change an admin, a champion or an API key made, once it succeeded (2xx/3xx): who,
 * which route, which id. The record is written after the answer; a failure to write it is logged
 * as an error (the change itself stands), so the app log is the trail's backstop.
 */
export function auditTrail(audit: AuditService, logger: Logger): RequestHandler {
  return (req: Request, res: Response, next) => {
    if (readOnly.has(req.method)) {
      next();
      return;
    }
    const caller = requestCaller(res);
    const via = apiKeyOf(res) === undefined ? identitySourceOf(res) : 'apiKey';
    if (!audit.audits(caller, via)) {
      next();
      return;
    }
    res.on('finish', () => {
      if (res.statusCode >= 400) return;
      const action = actionOf(req);
      const exception = unaudited.get(action);
      if (exception !== undefined) {
        if (exception.logged) {
          logger.info(
            { tenantId: caller.identity.tenantId, actorId: caller.identity.userId, action },
            'unaudited change',
          );
        }
        return;
      }
      const id = (req.params as Record<string, unknown>)['id'];
      audit
        .record({
          caller,
          via,
          action,
          targetId: typeof id === 'string' ? id : undefined,
          status: res.statusCode,
        })
        .catch((error: unknown) => {
          logger.error(
            { err: error, action, tenantId: caller.identity.tenantId },
            'audit entry not written',
          );
        });
    });
    next();
  };
}
