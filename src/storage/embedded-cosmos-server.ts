import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type EmbeddedCollection, runAtomicBatch } from './embedded-atomic-batch.js';
import { installQueryPruning } from './embedded-query-pruning.js';

export interface EmbeddedCosmosServer {
  /** `https://127.0.0.1:<port>`: a loopback endpoint with the package's self-signed certificate. */
  readonly endpoint: string;
  close(): Promise<void>;
}

interface CompiledQuery {
  _code: string | null;
}

/**
 * `@zeit/cosmosdb-query`, the server's SQL engine, compiles `FROM c` into
 * `$c.reduce(($, c) => ... ? [...$, { c: c }] : $, [])`, which copies the accumulator once per
 * document, so every query costs O(n²) in the size of the container (20,000 documents: 4.5 s a
 * query). The rewrite pushes instead of spreading: the same array in O(n). Only that plain form
 * is rewritten; JOINs keep the engine's own code. The engine is loaded from the server's own
 * module path, so the patch reaches the instance the server uses.
 */
const quadraticFrom = /\[\.\.\.\$, (\{[^{}[\]]*\})\] : \$/gu;
let queriesMadeLinear = false;

function makeQueriesLinear(): void {
  if (queriesMadeLinear) return;
  queriesMadeLinear = true;
  const fromHere = createRequire(import.meta.url);
  const fromServer = createRequire(fromHere.resolve('@vercel/cosmosdb-server'));
  const engine = fromServer('@zeit/cosmosdb-query') as {
    default: (sql: string) => CompiledQuery;
  };
  const prototype = Object.getPrototypeOf(engine.default('SELECT * FROM c')) as object;
  const generate = Object.getOwnPropertyDescriptor(prototype, 'code')?.get;
  if (generate === undefined) return;
  Object.defineProperty(prototype, 'code', {
    configurable: true,
    get(this: CompiledQuery): string {
      const code = String(generate.call(this));
      const linear = code.replace(quadraticFrom, '($.push($1), $) : $');
      this._code = linear;
      return linear;
    },
  });
}

/**
 * The engine's `stripUndefined`, run over every result page, rebuilds arrays with a spread per
 * element: O(n²) in the page size (20,000 people in one page: 4.5 s). This version keeps its
 * meaning (drops `undefined` from arrays and objects, recursively) in O(n). The engine calls it
 * through its exports object, so replacing the export reaches every caller.
 */
function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const item of value) if (item !== undefined) kept.push(stripUndefined(item));
    return kept;
  }
  if (value !== null && typeof value === 'object') {
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) kept[key] = stripUndefined(item);
    }
    return kept;
  }
  return value;
}

function makeResultsLinear(): void {
  const fromHere = createRequire(import.meta.url);
  const fromServer = createRequire(fromHere.resolve('@vercel/cosmosdb-server'));
  const fromEngine = createRequire(fromServer.resolve('@zeit/cosmosdb-query'));
  const helpers = fromEngine('./helpers') as { stripUndefined?: unknown };
  if (typeof helpers.stripUndefined === 'function') helpers.stripUndefined = stripUndefined;
}

interface EmbeddedAccount {
  database(id: string): { collection(id: string): EmbeddedCollection };
}

type RouteHandler = (
  account: EmbeddedAccount,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
) => Promise<unknown>;

interface ServerParts {
  readonly packageDir: string;
  readonly Account: new (host: string, port: number) => EmbeddedAccount;
  readonly route: (req: IncomingMessage) => [Record<string, string>, RouteHandler] | undefined;
}

function serverParts(): ServerParts {
  const fromHere = createRequire(import.meta.url);
  const entry = fromHere.resolve('@vercel/cosmosdb-server');
  const fromServer = createRequire(entry);
  return {
    packageDir: path.resolve(path.dirname(entry), '..'),
    Account: (fromServer('./account') as { default: ServerParts['Account'] }).default,
    route: (fromServer('./routes') as { default: ServerParts['route'] }).default,
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

const emptyQueryMetrics = [
  'totalExecutionTimeInMs=0.00',
  'retrievedDocumentCount=0',
  'retrievedDocumentSize=0',
  'outputDocumentCount=1',
  'outputDocumentSize=0',
].join(';');

const isTrue = (value: string | string[] | undefined): boolean =>
  String(value).toLowerCase() === 'true';

/**
 * The package's request handling (its account, routes and response headers), with one change:
 * transactional batches (`x-ms-cosmos-batch-atomic: true`) run all-or-nothing, as in Azure.
 */
async function answer(
  parts: ServerParts,
  account: EmbeddedAccount,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<unknown> {
  const batch = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs\/?$/.exec(req.url ?? '');
  if (
    req.method === 'POST' &&
    batch !== null &&
    isTrue(req.headers['x-ms-cosmos-is-batch-request']) &&
    isTrue(req.headers['x-ms-cosmos-batch-atomic'])
  ) {
    const body = await readJson(req);
    const collection = account
      .database(decodeURIComponent(batch[1] ?? ''))
      .collection(decodeURIComponent(batch[2] ?? ''));
    if (!Array.isArray(body) || collection.read() === undefined) {
      res.statusCode = 400;
      return { message: 'Invalid batch request' };
    }
    const outcome = runAtomicBatch(
      collection,
      body as object[],
      req.headers['x-ms-documentdb-partitionkey'],
    );
    res.statusCode = outcome.statusCode;
    return outcome.results;
  }
  const route = parts.route(req);
  if (route === undefined) {
    res.statusCode = 400;
    return { message: 'no route' };
  }
  const [params, handler] = route;
  return handler(account, req, res, params);
}

/**
 * Starts `@vercel/cosmosdb-server` in this process on 127.0.0.1 and a free port. It keeps data in
 * memory only; `LocalDataFile` persists what the repositories write.
 */
export async function startEmbeddedCosmosServer(): Promise<EmbeddedCosmosServer> {
  makeQueriesLinear();
  makeResultsLinear();
  installQueryPruning();
  const parts = serverParts();
  // The account knows its own address, so it is made once the server listens.
  const state: { account?: EmbeddedAccount } = {};
  const server = createServer(
    {
      cert: readFileSync(path.join(parts.packageDir, 'cert.pem')),
      key: readFileSync(path.join(parts.packageDir, 'key.pem')),
      keepAlive: true,
    },
    (req, res) => {
      void (async () => {
        let body: unknown;
        try {
          if (state.account === undefined) throw new Error('The embedded store is not ready yet');
          body = await answer(parts, state.account, req, res);
        } catch (error) {
          res.statusCode = 500;
          body = { message: error instanceof Error ? error.message : String(error) };
        }
        const document = body as { _etag?: unknown; message?: unknown } | undefined;
        if (res.statusCode > 399 && document !== undefined && document.message === undefined) {
          document.message = '';
        }
        if (typeof document?._etag === 'string') res.setHeader('etag', document._etag);
        res.setHeader('content-type', 'application/json');
        res.setHeader('content-location', `https://${req.headers.host ?? ''}${req.url ?? ''}`);
        res.setHeader('connection', 'keep-alive');
        res.setHeader('x-ms-activity-id', randomUUID());
        res.setHeader('x-ms-request-charge', '1');
        if (req.headers['x-ms-documentdb-populatequerymetrics'] !== undefined) {
          res.setHeader('x-ms-documentdb-query-metrics', emptyQueryMetrics);
        }
        if (req.headers['a-im'] !== undefined && res.statusCode === 200) {
          if (req.headers['if-none-match'] !== undefined) res.statusCode = 304;
          res.setHeader('etag', '1');
        }
        res.end(JSON.stringify(body));
      })();
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  state.account = new parts.Account('127.0.0.1', port);
  return {
    endpoint: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
