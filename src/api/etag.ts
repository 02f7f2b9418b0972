import type { Request } from 'express';
import { AppError } from '../domain/errors.js';

/**
 * HTTP entity tags wrap the store's ETag opaquely (base64url inside quotes), so whatever characters
 * Cosmos DB uses survive the round trip through `ETag` and `If-Match`.
 */
export function toHttpEtag(storeEtag: string): string {
  return `"${Buffer.from(storeEtag, 'utf8').toString('base64url')}"`;
}

/** The store ETag named by `If-Match`, or an `invalid` error for a malformed one. */
export function storeEtagFromIfMatch(req: Request): string | undefined {
  const header = req.get('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"([A-Za-z0-9_-]{1,512})"\s*$/.exec(header);
  const storeEtag =
    match?.[1] === undefined ? undefined : Buffer.from(match[1], 'base64url').toString('utf8');
  // base64url decoding skips stray characters, so only the tag as we wrote it names a version.
  if (storeEtag === undefined || toHttpEtag(storeEtag) !== `"${match?.[1] ?? ''}"`) {
    throw new AppError('invalid', 'The If-Match header must be one ETag from a previous response', {
      fieldErrors: [{ field: 'If-Match', message: 'must be a quoted ETag such as "abc"' }],
    });
  }
  return storeEtag;
}

/** An edit without `If-Match` might overwrite someone else's change unseen, so it is refused. */
export function requireIfMatch(req: Request): string {
  const etag = storeEtagFromIfMatch(req);
  if (etag === undefined) {
    throw new AppError('precondition-required', 'Send If-Match with the ETag you last read', {
      fieldErrors: [{ field: 'If-Match', message: 'required' }],
    });
  }
  return etag;
}
