// The embedded Cosmos server on its own thread, as Cosmos DB is its own service: the benchmark's
// app then pays for its requests, not for the store's garbage collection.
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { startEmbeddedCosmosServer } from '../src/storage/embedded-cosmos-server.js';

export interface StoreThread {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startStoreThread(): Promise<StoreThread> {
  // Node 20 does not run `--import tsx` on worker threads: the thread registers tsx itself.
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const thread = new Worker(source, { eval: true });
  const endpoint = await new Promise<string>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  return {
    endpoint,
    stop: async () => {
      await thread.terminate();
    },
  };
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  const server = await startEmbeddedCosmosServer();
  port.postMessage(server.endpoint);
}
