import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import type { EntraSettings } from '../config.js';
import { AppError } from '../domain/errors.js';
import type { TokenSubject } from '../services/identity-service.js';

export interface TokenVerifier {
  verify(token: string): Promise<TokenSubject>;
}

const unauthenticated = (message: string, cause?: unknown): AppError =>
  new AppError('unauthenticated', message, cause === undefined ? {} : { cause });

/**
 * Validates Entra ID access tokens (Teams SSO): RS256 signature against the configured JWKS (cached,
 * refetched when an unknown key id appears, so key rotation works), the issuer of the token's own
 * tenant, the app's audience, and expiry. `tid` is the tenant and `oid` the user.
 */
export function createEntraTokenVerifier(settings: EntraSettings): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cooldownDuration: 30_000,
    cacheMaxAge: 24 * 3600 * 1000,
    timeoutDuration: 5_000,
  });

  return {
    async verify(token: string): Promise<TokenSubject> {
      if (settings.audiences.length === 0) {
        throw unauthenticated('Sign-in is not configured on this server (AAD_APP_CLIENT_ID)');
      }
      let unverified: JWTPayload;
      try {
        unverified = decodeJwt(token);
      } catch (error) {
        throw unauthenticated('The bearer token is malformed', error);
      }
      const tenantId = typeof unverified['tid'] === 'string' ? unverified['tid'] : undefined;
      if (tenantId === undefined || !/^[0-9a-zA-Z-]{1,64}$/.test(tenantId)) {
        throw unauthenticated('The bearer token names no tenant');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms: ['RS256'],
          issuer: settings.issuerTemplate.replace('{tenantid}', tenantId),
          audience: [...settings.audiences],
          clockTolerance: 60,
        }));
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired)
          throw unauthenticated('The bearer token has expired', error);
        if (error instanceof joseErrors.JWTClaimValidationFailed) {
          throw unauthenticated(`The bearer token's ${error.claim} claim is not accepted`, error);
        }
        if (error instanceof joseErrors.JWKSNoMatchingKey) {
          throw unauthenticated('The bearer token was signed by an unknown key', error);
        }
        throw unauthenticated('The bearer token is not valid', error);
      }
      if (settings.allowedTenants.length > 0 && !settings.allowedTenants.includes(tenantId)) {
        throw new AppError('forbidden', 'This tenant is not allowed to use this Lastmile instance');
      }
      const userId = typeof payload['oid'] === 'string' ? payload['oid'] : undefined;
      if (userId === undefined) throw unauthenticated('The bearer token names no user (oid)');
      const appRoles = Array.isArray(payload['roles'])
        ? payload['roles'].filter((role): role is string => typeof role === 'string')
        : [];
      const upn = payload['preferred_username'] ?? payload['upn'];
      return {
        tenantId,
        userId,
        appRoles,
        upn: typeof upn === 'string' ? upn.toLowerCase() : undefined,
        name: typeof payload['name'] === 'string' ? payload['name'] : undefined,
      };
    },
  };
}
