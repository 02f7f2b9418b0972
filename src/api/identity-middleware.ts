import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { devTenantHeader, devUserHeader, type Identity, type Role } from '../contracts/identity.js';
import { demoFixedPeople, demoTenantId } from '../domain/demo-tenant.js';
import { AppError } from '../domain/errors.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Caller } from '../services/caller.js';
import type { IdentityService } from '../services/identity-service.js';
import type { TokenVerifier } from './entra-token-verifier.js';

export interface CallerLocals {
  caller: Caller;
  identitySource: 'token' | 'dev';
}

export interface AuthenticateOptions {
  readonly verifier: TokenVerifier;
  readonly identities: Pick<IdentityService, 'fromToken' | 'fromDevHeaders'>;
  /** Dev identity (headers, or the demo champion by default); never on in production. */
  readonly devIdentity: boolean;
}

const headerPattern = /^[A-Za-z0-9@._+-]{1,254}$/;

function singleHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  if (Array.isArray(value)) throw new AppError('invalid', `Send the ${name} header once`);
  return value;
}

/** The caller of a request that passed `authenticate`, with their roster details. */
export function requestCaller(res: Response): Caller {
  const locals = res.locals as Partial<CallerLocals>;
  if (locals.caller === undefined) throw new AppError('unauthenticated', 'Sign in to continue');
  return locals.caller;
}

/** The identity of a request that passed `authenticate`. */
export function callerOf(res: Response): Identity {
  return requestCaller(res).identity;
}

export function identitySourceOf(res: Response): 'token' | 'dev' {
  return (res.locals as Partial<CallerLocals>).identitySource ?? 'token';
}

/**
 * Resolves `{ tenantId, userId, roles }` for every request it guards, from an Entra ID bearer token
 * or, only in dev identity mode, from the `x-dev-tenant` / `x-dev-user` headers. 401 otherwise.
 */
export function authenticate(options: AuthenticateOptions): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const authorization = singleHeader(req, 'authorization');
    const devTenant = singleHeader(req, devTenantHeader);
    const devUser = singleHeader(req, devUserHeader);
    const locals = res.locals as Partial<CallerLocals>;

    if (authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization.trim());
      if (match?.[1] === undefined) {
        throw new AppError('unauthenticated', 'The Authorization header must be a Bearer token');
      }
      const subject = await options.verifier.verify(match[1]);
      locals.caller = await options.identities.fromToken(subject);
      locals.identitySource = 'token';
      next();
      return;
    }

    if (!options.devIdentity) {
      if (devTenant !== undefined || devUser !== undefined) {
        throw new AppError(
          'unauthenticated',
          'Dev identity headers are not accepted here; sign in with Teams',
        );
      }
      throw new AppError('unauthenticated', 'A bearer token is required');
    }

    const tenantId = devTenant ?? demoTenantId;
    const user = devUser ?? (devTenant === undefined ? demoFixedPeople.champion.upn : undefined);
    if (user === undefined) {
      throw new AppError('invalid', `Name the user with ${devUserHeader}`, {
        fieldErrors: [{ field: devUserHeader, message: 'required with x-dev-tenant' }],
      });
    }
    for (const [field, value] of [
      [devTenantHeader, tenantId],
      [devUserHeader, user],
    ] as const) {
      if (!headerPattern.test(value)) {
        throw new AppError('invalid', `The ${field} header is not valid`, {
          fieldErrors: [{ field, message: 'letters, digits, @ . _ + - only, at most 254' }],
        });
      }
    }
    locals.caller = await options.identities.fromDevHeaders(tenantId, user);
    locals.identitySource = 'dev';
    next();
  };
}

/** Lets the request through only if the caller holds one of the roles. */
export function requireRole(...allowed: Role[]): RequestHandler {
  return (_req, res, next) => {
    if (!hasAnyRole(callerOf(res).roles, allowed)) {
      throw new AppError('forbidden', `This needs the ${allowed.join(' or ')} role`);
    }
    next();
  };
}
