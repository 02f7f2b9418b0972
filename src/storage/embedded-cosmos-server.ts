import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

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

/**
 * Starts `@vercel/cosmosdb-server` in this process on 127.0.0.1 and a free port. It keeps data in
 * memory only; `LocalDataFile` persists what the repositories write.
 */
export async function startEmbeddedCosmosServer(): Promise<EmbeddedCosmosServer> {
  makeQueriesLinear();
  makeResultsLinear();
  const server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
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
