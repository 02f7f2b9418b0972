/**
 * "Nothing changed in storage", checked the way it can fail: every document of every container,
 * read through the SDK from the embedded server the app uses, system properties (`_etag`, `_ts`)
 * included, so a write that rewrote a document with the same content still shows.
 */
import { createHash } from 'node:crypto';
import type { StartOptions } from '../../src/main.js';
import { createCosmosClient } from '../../src/storage/cosmos-connection.js';
import { containerNames } from '../../src/storage/containers.js';

export interface StoreFingerprint {
  /** `container/partition/id` → a hash of the whole stored document. */
  readonly documents: ReadonlyMap<string, string>;
  readonly count: number;
}

export interface StoreWatcher {
  /** Pass as `startTestApp(env, { embeddedEndpointFor })`: notes where the embedded server is. */
  readonly embeddedEndpointFor: NonNullable<StartOptions['embeddedEndpointFor']>;
  fingerprint(): Promise<StoreFingerprint>;
  close(): void;
}

const pageSize = 5_000;

/** Reads the app's embedded store; the app must be started with `embeddedEndpointFor`. */
export function watchStore(databaseId = 'lastmile'): StoreWatcher {
  let client: ReturnType<typeof createCosmosClient> | undefined;
  return {
    embeddedEndpointFor(serverEndpoint) {
      client = createCosmosClient({ kind: 'embedded', endpoint: serverEndpoint });
      return serverEndpoint;
    },
    async fingerprint() {
      if (client === undefined) throw new Error('The app was not started with this watcher');
      const documents = new Map<string, string>();
      const database = client.database(databaseId);
      for (const name of containerNames) {
        const iterator = database
          .container(name)
          .items.query<Record<string, unknown>>('SELECT * FROM c', { maxItemCount: pageSize });
        while (iterator.hasMoreResults()) {
          const { resources } = await iterator.fetchNext();
          for (const document of resources) {
            const key = `${name}/${String(document.tenantId ?? document.pk)}/${String(document.id)}`;
            documents.set(key, createHash('sha256').update(stableJson(document)).digest('hex'));
          }
        }
      }
      return { documents, count: documents.size };
    },
    close() {
      client?.dispose();
    },
  };
}

/** The keys of documents added, removed or changed between two fingerprints, a few of each. */
export function storeChanges(
  before: StoreFingerprint,
  after: StoreFingerprint,
  limit = 10,
): { added: string[]; removed: string[]; changed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [key, hash] of after.documents) {
    const previous = before.documents.get(key);
    if (previous === undefined) added.push(key);
    else if (previous !== hash) changed.push(key);
  }
  const removed = [...before.documents.keys()].filter((key) => !after.documents.has(key));
  return {
    added: added.slice(0, limit),
    removed: removed.slice(0, limit),
    changed: changed.slice(0, limit),
  };
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
