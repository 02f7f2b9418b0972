import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

export interface EmbeddedCosmosServer {
  /** `https://127.0.0.1:<port>`: a loopback endpoint with the package's self-signed certificate. */
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts `@vercel/cosmosdb-server` in this process on 127.0.0.1 and a free port. It keeps data in
 * memory only; `LocalDataFile` persists what the repositories write.
 */
export async function startEmbeddedCosmosServer(): Promise<EmbeddedCosmosServer> {
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
