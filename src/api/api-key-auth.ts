import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '../contracts/identity.js';
import { apiKeyHeader } from '../contracts/usage-data.js';
import { AppError } from '../domain/errors.js';
import { hasAnyRole } from '../domain/roles.js';
import type { ApiKeyService, VerifiedApiKey } from '../services/api-key-service.js';
import { type CallerLocals, callerOf } from './identity-middleware.js';

/** The only requests an API key may make (paths under `/api`): putting usage in. */
export const apiKeyRoutes: readonly { readonly method: string; readonly path: string }[] = [
  { method: 'POST', path: '/usage-events' },
  { method: 'POST', path: '/usage-events/import' },
];

interface ApiKeyLocals extends CallerLocals {
  apiKey: VerifiedApiKey;
}

/** The key a request was authenticated with, when it came with one instead of SSO. */
export function apiKeyOf(res: Response): VerifiedApiKey | undefined {
  return (res.locals as Partial<ApiKeyLocals>).apiKey;
}

const isApiKeyRoute = (req: Request): boolean =>
  apiKeyRoutes.some((route) => route.method === req.method && route.path === req.path);

/**
 * Authenticates `/api` requests: one that carries `x-api-key` is authenticated by the key, for its
 * tenant only, and only on the ingest routes (401 anywhere else, so a key never falls through to
 * SSO or dev identity); every other request goes to `sso` unchanged.
 */
export function authenticateWithApiKeys(options: {
  readonly keys: Pick<ApiKeyService, 'verify'>;
  readonly sso: RequestHandler;
}): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const presented = req.headers[apiKeyHeader];
    if (presented === undefined) {
      await options.sso(req, res, next);
      return;
    }
    if (Array.isArray(presented)) {
      throw new AppError('unauthenticated', `Send the ${apiKeyHeader} header once`);
    }
    if (!isApiKeyRoute(req)) {
      throw new AppError(
        'unauthenticated',
        'An API key may only send usage (POST /api/usage-events and /api/usage-events/import); sign in with Teams for everything else',
      );
    }
    const key = await options.keys.verify(presented.trim());
    if (key === undefined) {
      throw new AppError('unauthenticated', 'The API key is not valid or has been revoked');
    }
    const locals = res.locals as Partial<ApiKeyLocals>;
    locals.apiKey = key;
    // A key stands for its tenant, not a person: the least role, and the key as the "user".
    locals.caller = {
      identity: {
        tenantId: key.tenantId,
        userId: key.keyId,
        roles: ['member'],
        displayName: `API key ${key.name}`,
      },
    };
    next();
  };
}

/** Lets a request through if it came with an API key, or if its SSO caller holds one of the roles. */
export function requireRoleOrApiKey(...allowed: Role[]): RequestHandler {
  return (_req, res, next) => {
    if (apiKeyOf(res) === undefined && !hasAnyRole(callerOf(res).roles, allowed)) {
      throw new AppError('forbidden', `This needs the ${allowed.join(' or ')} role, or an API key`);
    }
    next();
  };
}
