import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Container, Database } from '@azure/cosmos';
import { createCosmosClient, ensureDatabase } from '../../src/storage/cosmos-connection.js';
import { startEmbeddedCosmosServer } from '../../src/storage/embedded-cosmos-server.js';

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

export interface FaultProxy {
  readonly endpoint: string;
  /** Answer the next `count` document requests with 429 and the given retry-after (ms). */
  throttleNext(count: number, retryAfterMs: number): void;
  readonly throttled: number;
  close(): Promise<void>;
}

/**
 * An HTTPS proxy on loopback in front of the embedded server, using that server's own certificate,
 * that can answer document requests with 429 the way Cosmos DB does.
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
  let throttled = 0;

  const server = https.createServer(
    { cert: readFileSync(`${packageDir}cert.pem`), key: readFileSync(`${packageDir}key.pem`) },
    (req, res) => {
      if (pending429 > 0 && (req.url ?? '').includes('/docs')) {
        pending429 -= 1;
        throttled += 1;
        req.resume();
        res.writeHead(429, {
          'content-type': 'application/json',
          'x-ms-retry-after-ms': String(retryAfter),
          'x-ms-substatus': '3200',
        });
        res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large' }));
        return;
      }
      const forward = https.request(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: target.host },
          agent,
        },
        (upstreamResponse) => {
          res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          upstreamResponse.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502).end();
      });
      req.pipe(forward);
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
      return throttled;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}
