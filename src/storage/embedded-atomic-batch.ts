import { createRequire } from 'node:module';

/** A document as the embedded server holds it, system properties included. */
interface RawDocument {
  readonly id: string;
  readonly _etag?: string;
}

interface OperationResult {
  readonly statusCode: number;
  readonly body?: unknown;
}

export interface EmbeddedCollection {
  read(): unknown;
  readonly documents: {
    delete(id: string, partition: unknown): void;
    _set(data: RawDocument): unknown;
  };
  document(id: string, partition: unknown): { read(): RawDocument | undefined };
}

interface BatchOperation {
  operationType?: unknown;
  id?: unknown;
  partitionKey?: unknown;
  ifMatch?: unknown;
  resourceBody?: unknown;
}

type Operation = (collection: EmbeddedCollection, input: BatchOperation) => OperationResult;

interface ServerOperations {
  /** Each batch operation type and the server's operation that runs it. */
  readonly byType: Readonly<Record<string, Operation>>;
  readonly parsePartitionKey: (header: unknown, fallback: unknown) => unknown;
}

let loaded: ServerOperations | undefined;

/** The server's own single-document operations, which its non-atomic batch handler uses too. */
function serverOperations(): ServerOperations {
  if (loaded !== undefined) return loaded;
  const fromHere = createRequire(import.meta.url);
  const fromServer = createRequire(fromHere.resolve('@vercel/cosmosdb-server'));
  const documents = fromServer('./handler/_document-operations') as Record<string, Operation>;
  const patches = fromServer('./handler/_patch-operations') as { patchOperation: Operation };
  const partitions = fromServer('./utils/get-partition-from-header') as {
    parsePartitionKey: ServerOperations['parsePartitionKey'];
  };
  const pick = (name: string): Operation => {
    const operation = documents[name];
    if (typeof operation !== 'function') throw new Error(`cosmosdb-server has no ${name}`);
    return operation;
  };
  loaded = {
    byType: {
      Create: pick('createOperation'),
      Upsert: pick('upsertOperation'),
      Read: pick('readOperation'),
      Replace: pick('replaceOperation'),
      Delete: pick('deleteOperation'),
      Patch: (collection, input) => {
        const body = input.resourceBody as
          { operations?: unknown; condition?: unknown } | unknown[];
        return patches.patchOperation(collection, {
          ...input,
          operations: Array.isArray(body) ? body : body.operations,
          condition: Array.isArray(body) ? undefined : body.condition,
        } as BatchOperation);
      },
    },
    parsePartitionKey: partitions.parsePartitionKey,
  };
  return loaded;
}

function documentIdOf(input: BatchOperation): string | undefined {
  const body = input.resourceBody as { id?: unknown } | undefined;
  const id = ['Create', 'Upsert', 'Replace'].includes(String(input.operationType))
    ? body?.id
    : input.id;
  return typeof id === 'string' ? id : undefined;
}

export interface AtomicBatchAnswer {
  readonly statusCode: number;
  readonly results: readonly Record<string, unknown>[];
}

/**
 * A transactional batch as Azure Cosmos DB runs one: every operation or none. The package's own
 * batch handler applies operations one by one and leaves the earlier ones in place when a later
 * one fails, and knows no Patch. This runs the same single-document operations, and on the first
 * failure puts every touched document back as it was (same `_etag`), answering 207 with the failed
 * operation's status and 424 for the others, as the service does.
 */
export function runAtomicBatch(
  collection: EmbeddedCollection,
  operations: readonly BatchOperation[],
  requestPartitionKey: unknown,
): AtomicBatchAnswer {
  const server = serverOperations();
  const undo: (() => void)[] = [];
  const results: Record<string, unknown>[] = [];
  for (const [index, raw] of operations.entries()) {
    const input: BatchOperation = { ...raw, partitionKey: raw.partitionKey ?? requestPartitionKey };
    const id = documentIdOf(input);
    const apply: Operation | undefined = server.byType[String(input.operationType)];
    let result: OperationResult;
    if (apply === undefined || id === undefined) {
      result = { statusCode: 400, body: { message: 'Unsupported batch operation' } };
    } else {
      const partition = server.parsePartitionKey(input.partitionKey, id);
      const before = collection.document(id, partition).read();
      result = apply(collection, input);
      if (result.statusCode < 400) {
        undo.push(() => {
          if (collection.document(id, partition).read() !== undefined) {
            collection.documents.delete(id, partition);
          }
          if (before !== undefined) collection.documents._set(before);
        });
      }
    }
    if (result.statusCode >= 400) {
      for (const step of undo.reverse()) step();
      return {
        statusCode: 207,
        results: operations.map((_, position) => ({
          statusCode: position === index ? result.statusCode : 424,
          requestCharge: 0,
        })),
      };
    }
    const body = result.body as RawDocument | undefined;
    results.push({
      statusCode: result.statusCode,
      requestCharge: 1,
      ...(body?._etag === undefined ? {} : { eTag: body._etag }),
      ...(body === undefined ? {} : { resourceBody: body }),
    });
  }
  return { statusCode: 200, results };
}
