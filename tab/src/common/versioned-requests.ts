import { z } from 'zod';
import type { ApiClient } from '../api/api-client.js';
import type { Versioned } from '../api/use-document.js';

/** What every editable document carries: an id to address it and who saved it last, and when. */
export interface EditableDocument {
  readonly id: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** Reads, adds, edits and deletes one kind of document; edits and deletes send `If-Match`. */
export interface VersionedRequests<V extends EditableDocument, C> {
  readonly path: (id: string) => string;
  readonly fetchOne: (client: ApiClient, id: string) => Promise<Versioned<V>>;
  readonly create: (client: ApiClient, content: C) => Promise<Versioned<V>>;
  /** `PUT` guarded by the ETag of the version the edit started from; a 412 reaches the caller. */
  readonly update: (client: ApiClient, base: Versioned<V>, content: C) => Promise<Versioned<V>>;
  readonly remove: (client: ApiClient, base: Versioned<V>) => Promise<void>;
}

// A 204 has no body.
const noContentSchema = z.undefined();

/** The requests for the documents under `collectionPath` (`/api/lessons`), parsed by `schema`. */
export function versionedRequests<V extends EditableDocument, C>(
  collectionPath: string,
  schema: z.ZodType<V>,
): VersionedRequests<V, C> {
  const path = (id: string): string => `${collectionPath}/${encodeURIComponent(id)}`;
  return {
    path,
    fetchOne: (client, id) => client.send('GET', path(id), undefined, schema),
    create: (client, content) => client.send('POST', collectionPath, content, schema),
    update: (client, base, content) =>
      client.send('PUT', path(base.value.id), content, schema, { ifMatch: base.etag }),
    remove: async (client, base) => {
      await client.send('DELETE', path(base.value.id), undefined, noContentSchema, {
        ifMatch: base.etag,
      });
    },
  };
}

/** Whether the latest version is still the one a person looked at (no one saved since). */
export function unchangedSince(seen: EditableDocument, latest: EditableDocument): boolean {
  return seen.updatedAt === latest.updatedAt && seen.updatedBy === latest.updatedBy;
}
