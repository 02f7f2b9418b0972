import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Container, Database } from '@azure/cosmos';
import type { CosmosSettings } from '../../src/config.js';
import { createCosmosClient, ensureDatabase } from '../../src/storage/cosmos-connection.js';
import { startEmbeddedCosmosServer } from '../../src/storage/embedded-cosmos-server.js';

/** The embedded store's settings (no endpoint), for opening a data folder a test app wrote. */
export const localStoreSettings: CosmosSettings = {
  endpoint: undefined,
  key: undefined,
  databaseId: 'lastmile',
  endpointDiscovery: false,
  managedIdentityClientId: undefined,
};

/** A storage logger that says nothing. */
export const quietStorageLogger = { info: (): void => undefined, error: (): void => undefined };

export interface EmbeddedDatabase {
  readonly endpoint: string;
  readonly database: Database;
  container(name: string): Container;
  close(): Promise<void>;
}

/** A fresh embedded Cosmos server with the Lastmile containers, reached through the real SDK. */
export async function startEmbeddedDatabase(
  options: { endpointFor?: (serverEndpoint: string) => Promise<string> | string } = {},
): Promise<EmbeddedDatabase> {
  const server = await startEmbeddedCosmosServer();
  const endpoint = (await options.endpointFor?.(server.endpoint)) ?? server.endpoint;
  const client = createCosmosClient({ kind: 'embedded', endpoint });
  const database = await ensureDatabase(client, 'lastmile', { create: true });
  return {
    endpoint,
    database,
    container: (name) => database.container(name),
    async close() {
      client.dispose();
      await server.close();
    },
  };
}

/** What the proxy can do to a request instead of forwarding it plainly. */
export type FaultKind =
  /** 429 with `x-ms-retry-after-ms`, as Cosmos DB throttles; nothing reaches the store. */
  | 'throttle'
  /** 503 Service Unavailable; nothing reaches the store. */
  | 'unavailable'
  /** No answer for `hangMs`, then the connection is dropped; nothing reaches the store. */
  | 'hang'
  /** The connection is dropped before the request is forwarded: the write did not happen. */
  | 'dropBeforeForward'
  /** Forwarded and answered upstream, then the connection is dropped: the write happened. */
  | 'dropAfterForward';

export const faultKinds: readonly FaultKind[] = [
  'throttle',
  'unavailable',
  'hang',
  'dropBeforeForward',
  'dropAfterForward',
];

/** Point reads and writes, queries (and query plans), bulk and batch; metadata is never faulted. */
export type CosmosRequestClass = 'document' | 'query' | 'batch' | 'metadata';

export interface FaultPlan {
  /** Seeds the generator that picks which requests fail, so a run can be repeated. */
  readonly seed: number;
  /** The share (0 to 1) of document, query and batch requests given each fault; at most 1 in all. */
  readonly rates: Partial<Readonly<Record<FaultKind, number>>>;
  /** What a `throttle` answers in `x-ms-retry-after-ms`; 50 unless given. */
  readonly retryAfterMs?: number;
  /** How long a `hang` holds the request before dropping the connection; 2,000 unless given. */
  readonly hangMs?: number;
}

export interface FaultCounts {
  /** Every request that reached the proxy, faulted or not. */
  readonly received: number;
  /** Requests sent on to the embedded server (a `dropAfterForward` included). */
  readonly forwarded: number;
  readonly byClass: Readonly<Record<CosmosRequestClass, number>>;
  readonly injected: Readonly<Record<FaultKind, number>>;
}

export interface FaultProxy {
  readonly endpoint: string;
  /** Answer the next `count` document requests with 429 and the given retry-after (ms). */
  throttleNext(count: number, retryAfterMs: number): void;
  /** 429s answered so far, by `throttleNext` or by a plan. */
  readonly throttled: number;
  /** Faults document, query and batch requests at the plan's rates from now on. */
  injectFaults(plan: FaultPlan): void;
  /** Forwards everything again (hangs under way still end in a dropped connection). */
  stopFaults(): void;
  counts(): FaultCounts;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32): the same seed picks the same requests to fail. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function headerIsTrue(value: string | string[] | undefined): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

function classify(req: IncomingMessage): CosmosRequestClass {
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (!/\/docs(\/|$)/.test(path)) return 'metadata';
  if (headerIsTrue(req.headers['x-ms-cosmos-is-batch-request'])) return 'batch';
  if (
    headerIsTrue(req.headers['x-ms-documentdb-isquery']) ||
    headerIsTrue(req.headers['x-ms-cosmos-is-query-plan-request']) ||
    (req.headers['content-type'] ?? '').startsWith('application/query+json')
  ) {
    return 'query';
  }
  return 'document';
}

/**
 * An HTTPS proxy on loopback in front of the embedded server, using that server's own certificate,
 * that fails document, query and batch requests the ways Cosmos DB and a network do: 429 with
 * `x-ms-retry-after-ms`, 503, a hang ending in a dropped connection, and a connection dropped
 * before or after the request reached the store (so a write may or may not have happened). Faults
 * come from `throttleNext` (the next n requests) or from a seeded plan of rates.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const packageDir = require
    .resolve('@vercel/cosmosdb-server/package.json')
    .replace(/package\.json$/, '');
  const target = new URL(upstream);
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  let pending429 = 0;
  let retryAfter = 0;
  /** The retry-after of the 429 being answered: `throttleNext`'s, or the plan's. */
  let throttleRetryAfterMs = 0;
  let plan: { readonly plan: FaultPlan; readonly random: () => number } | undefined;
  const hangs = new Set<NodeJS.Timeout>();
  let received = 0;
  let forwarded = 0;
  const byClass: Record<CosmosRequestClass, number> = {
    document: 0,
    query: 0,
    batch: 0,
    metadata: 0,
  };
  const injected: Record<FaultKind, number> = {
    throttle: 0,
    unavailable: 0,
    hang: 0,
    dropBeforeForward: 0,
    dropAfterForward: 0,
  };

  const pickFault = (requestClass: CosmosRequestClass): FaultKind | undefined => {
    if (requestClass === 'metadata') return undefined;
    if (pending429 > 0) {
      pending429 -= 1;
      throttleRetryAfterMs = retryAfter;
      return 'throttle';
    }
    if (plan === undefined) return undefined;
    throttleRetryAfterMs = plan.plan.retryAfterMs ?? 50;
    const draw = plan.random();
    let threshold = 0;
    for (const kind of faultKinds) {
      threshold += plan.plan.rates[kind] ?? 0;
      if (draw < threshold) return kind;
    }
    return undefined;
  };

  const answer = (
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: object,
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const forward = (req: IncomingMessage, res: ServerResponse, dropAnswer: boolean): void => {
    forwarded += 1;
    const upstreamRequest = https.request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
        agent,
      },
      (upstreamResponse) => {
        if (dropAnswer) {
          // The store has done the work; the caller never hears of it.
          upstreamResponse.resume();
          upstreamResponse.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstreamRequest);
  };

  const server = https.createServer(
    { cert: readFileSync(`${packageDir}cert.pem`), key: readFileSync(`${packageDir}key.pem`) },
    (req, res) => {
      received += 1;
      const requestClass = classify(req);
      byClass[requestClass] += 1;
      const fault = pickFault(requestClass);
      if (fault !== undefined) injected[fault] += 1;
      switch (fault) {
        case 'throttle':
          req.resume();
          answer(
            res,
            429,
            {
              'x-ms-retry-after-ms': String(throttleRetryAfterMs),
              'x-ms-substatus': '3200',
            },
            { code: 'TooManyRequests', message: 'Request rate is large' },
          );
          return;
        case 'unavailable':
          req.resume();
          answer(
            res,
            503,
            {},
            { code: 'ServiceUnavailable', message: 'The service is unavailable' },
          );
          return;
        case 'hang': {
          const timer = setTimeout(() => {
            hangs.delete(timer);
            req.socket.destroy();
          }, plan?.plan.hangMs ?? 2_000);
          hangs.add(timer);
          req.socket.once('close', () => {
            clearTimeout(timer);
            hangs.delete(timer);
          });
          return;
        }
        case 'dropBeforeForward':
          req.socket.destroy();
          return;
        case 'dropAfterForward':
          forward(req, res, true);
          return;
        case undefined:
          forward(req, res, false);
          return;
      }
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${String(port)}`,
    throttleNext(count, retryAfterMs) {
      pending429 = count;
      retryAfter = retryAfterMs;
    },
    get throttled() {
      return injected.throttle;
    },
    injectFaults(next) {
      plan = { plan: next, random: seededRandom(next.seed) };
    },
    stopFaults() {
      plan = undefined;
      pending429 = 0;
    },
    counts: () => ({
      received,
      forwarded,
      byClass: { ...byClass },
      injected: { ...injected },
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of hangs) clearTimeout(timer);
        hangs.clear();
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
