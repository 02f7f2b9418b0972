// Proactive delivery: 10,000 lesson deliveries, each to a different person with a stored 1:1 chat,
// by two DeliveryWorker instances sharing the embedded store, to a loopback Bot Connector that
// answers 429 (Retry-After: 1) to 10% of activity posts at random. ratePerTenant is 500.
//
// As in a deployment, the store, the connector and each app instance run apart: here each on its
// own thread (this file, with a role), so the instances' event loops are not also serving Cosmos
// DB and Teams. Prints one JSON line: delivered, duplicates, lost, and rateShare = delivered /
// durationS / configuredRate, with durationS from the first send to the last delivery.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Database } from '@azure/cosmos';
import { renderNoticeCard } from '../bot/cards/render-card.js';
import { ConnectorSender } from '../bot/connector-sender.js';
import { createDeliveryRenderer } from '../bot/delivery-messages.js';
import type { DeliverySettings } from '../src/config.js';
import { DeliveryQueue } from '../src/services/delivery-queue.js';
import { DeliveryWorker } from '../src/services/delivery-worker.js';
import { createCosmosClient, ensureDatabase } from '../src/storage/cosmos-connection.js';
import { ConversationRepository } from '../src/storage/conversation-repository.js';
import { DeliveryRepository } from '../src/storage/delivery-repository.js';
import { startEmbeddedCosmosServer } from '../src/storage/embedded-cosmos-server.js';
import { startFaultConnector } from '../tests/support/fault-connector.js';

const total = 10_000;
const configuredRate = 500;
const instances = 2;
const throttledShare = 0.1;
const deadlineMs = 5 * 60_000;
const tenantId = 'bench';
const botId = '28:lastmile-bot';

const settings: DeliverySettings = {
  workerEnabled: true,
  ratePerTenant: configuredRate,
  ratePerConversation: 7,
  maxAttempts: 8,
  leaseMs: 60_000,
  sendTimeoutMs: 15_000,
  schedulerIntervalMs: 300_000,
};

type Role =
  | { readonly role: 'store' }
  | { readonly role: 'connector' }
  | { readonly role: 'instance'; readonly instanceId: string; readonly endpoint: string };

interface ConnectorStats {
  readonly distinct: number;
  readonly delivered: number;
  readonly activityPosts: number;
  readonly throttled: number;
  /** Epoch milliseconds, comparable across threads. */
  readonly firstPostAt: number | undefined;
  readonly lastDeliveryAt: number | undefined;
}

const epochOf = (at: number): number => performance.timeOrigin + at;

/** Starts this file on a thread in a role; resolves with its first message. */
function startThread<T>(role: Role): { thread: Worker; ready: Promise<T> } {
  // Node 20 does not run `--import tsx` on worker threads: the thread registers tsx itself.
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const thread = new Worker(source, { eval: true, workerData: role });
  const ready = new Promise<T>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  return { thread, ready };
}

/** Sends a request to a role thread and waits for its answer. */
function ask<T>(thread: Worker, request: string): Promise<T> {
  return new Promise<T>((resolve) => {
    thread.once('message', resolve);
    thread.postMessage(request);
  });
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
  }
}

async function openStore(endpoint: string): Promise<{
  database: Database;
  deliveries: DeliveryRepository;
  conversations: ConversationRepository;
  dispose(): void;
}> {
  const client = createCosmosClient({ kind: 'embedded', endpoint });
  const database = await ensureDatabase(client, 'lastmile', { create: true });
  return {
    database,
    deliveries: new DeliveryRepository(database.container('deliveries'), {}),
    conversations: new ConversationRepository(database.container('people'), {}),
    dispose: () => client.dispose(),
  };
}

async function runStore(port: NonNullable<typeof parentPort>): Promise<void> {
  // The main thread terminates this thread when it is done, which closes the server with it.
  const server = await startEmbeddedCosmosServer();
  port.postMessage(server.endpoint);
}

async function runConnector(port: NonNullable<typeof parentPort>): Promise<void> {
  // Answers each message with the figures so far; terminated by the main thread when done.
  const connector = await startFaultConnector();
  connector.setFaults(() =>
    Math.random() < throttledShare ? { kind: 'status', status: 429, retryAfter: '1' } : undefined,
  );
  port.on('message', () => {
    if (process.env['BENCH_VERBOSE'] === '1' && connector.firstPostAt !== undefined) {
      const first = connector.firstPostAt;
      const perSecond: number[] = [];
      for (const at of connector.postTimes) {
        const second = Math.floor((at - first) / 1000);
        perSecond[second] = (perSecond[second] ?? 0) + 1;
      }
      process.stderr.write(`posts per second: ${perSecond.join(' ')}\n`);
    }
    const lastDelivery = connector.delivered.at(-1);
    const stats: ConnectorStats = {
      distinct: new Set(connector.delivered.map((d) => d.conversationId)).size,
      delivered: connector.delivered.length,
      activityPosts: connector.activityPosts,
      throttled: connector.throttled,
      firstPostAt: connector.firstPostAt === undefined ? undefined : epochOf(connector.firstPostAt),
      lastDeliveryAt: lastDelivery === undefined ? undefined : epochOf(lastDelivery.at),
    };
    port.postMessage(stats);
  });
  port.postMessage(connector.serviceUrl);
}

async function runInstance(
  port: NonNullable<typeof parentPort>,
  role: Extract<Role, { role: 'instance' }>,
): Promise<void> {
  const store = await openStore(role.endpoint);
  const sender = new ConnectorSender({
    conversations: store.conversations,
    render: createDeliveryRenderer({
      // The lead replaces this with the real lesson renderer; a small card of the kind for now.
      lessonCard: async (_tenantId, lessonId) =>
        renderNoticeCard({ message: `This week's lesson: ${lessonId}. Five minutes, one prompt.` }),
    }),
    tokenFor: async () => undefined,
    timeoutMs: settings.sendTimeoutMs,
  });
  const worker = new DeliveryWorker(
    { queue: store.deliveries, heartbeats: store.deliveries, sender },
    { instanceId: role.instanceId, settings, now: () => new Date(), random: Math.random },
  );
  port.on('message', () => {
    void worker.stop().then(() => {
      store.dispose();
      port.postMessage(worker.totals);
      port.close();
    });
  });
  worker.start();
  port.postMessage('started');
}

async function main(): Promise<number> {
  const started = performance.now();
  const store = startThread<string>({ role: 'store' });
  const connector = startThread<string>({ role: 'connector' });
  const endpoint = await store.ready;
  const serviceUrl = await connector.ready;
  const { database, deliveries, conversations, dispose } = await openStore(endpoint);
  const threads: Worker[] = [];
  try {
    const queue = new DeliveryQueue(deliveries);
    const userIds = Array.from({ length: total }, (_, index) => `person-${String(index)}`);
    const now = new Date();
    await inBatches(userIds, 50, (userId) =>
      conversations.save({
        id: `conversation:${userId}`,
        tenantId,
        type: 'conversationReference',
        userId,
        conversationId: `a:bench-${userId}`,
        serviceUrl,
        channelId: 'msteams',
        botId,
        updatedAt: now.toISOString(),
      }),
    );
    await inBatches(userIds, 50, (userId) =>
      queue.enqueue(
        {
          tenantId,
          id: `lesson:${userId}:week-1`,
          recipient: { kind: 'person', userId },
          payload: { kind: 'lesson', lessonId: 'week-1' },
        },
        now,
      ),
    );

    const instanceIds = Array.from(
      { length: instances },
      (_, index) => `bench-${String(index + 1)}`,
    );
    // Both instances have been up a while, as in a running deployment: each sees the other's
    // heartbeat from its first claim, so neither briefly takes the whole tenant's rate.
    for (const instanceId of instanceIds) await deliveries.beat(instanceId, new Date());
    const running = instanceIds.map((instanceId) =>
      startThread<string>({ role: 'instance', instanceId, endpoint }),
    );
    threads.push(...running.map((instance) => instance.thread));
    await Promise.all(running.map((instance) => instance.ready));

    let stats = await ask<ConnectorStats>(connector.thread, 'stats');
    while (stats.distinct < total && performance.now() - started < deadlineMs) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      stats = await ask<ConnectorStats>(connector.thread, 'stats');
    }
    await Promise.all(threads.map((thread) => ask(thread, 'stop')));
    stats = await ask<ConnectorStats>(connector.thread, 'stats');

    const { resources: sentCounts } = await database
      .container('deliveries')
      .items.query<number>(
        "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'delivery' AND c.state = 'sent'",
      )
      .fetchAll();
    const recordedSent = sentCounts[0] ?? 0;
    const durationS = ((stats.lastDeliveryAt ?? 0) - (stats.firstPostAt ?? 0)) / 1000;
    const delivered = stats.distinct;
    const duplicates = stats.delivered - stats.distinct;
    const lost = total - delivered;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'delivery',
        delivered,
        duplicates,
        lost,
        durationS: Number(durationS.toFixed(2)),
        rateShare: Number((delivered / durationS / configuredRate).toFixed(3)),
        attempts: stats.activityPosts,
        throttled: stats.throttled,
        configuredRate,
        instances,
        // Teams counts every request against the tenant's limit, throttled ones included.
        requestShare: Number((stats.activityPosts / durationS / configuredRate).toFixed(3)),
        recordedSent,
      })}\n`,
    );
    return lost > 0 || duplicates > 0 || recordedSent !== total ? 1 : 0;
  } finally {
    dispose();
    await Promise.all(threads.map((thread) => thread.terminate()));
    await connector.thread.terminate();
    await store.thread.terminate();
  }
}

if (isMainThread) {
  // The wait for deliveries stops at the deadline; this covers set-up and shutdown as well.
  setTimeout(() => {
    process.stderr.write('The delivery benchmark did not finish within its time limit\n');
    process.exit(1);
  }, deadlineMs + 60_000).unref();
  process.exit(await main());
} else if (parentPort !== null) {
  const role = workerData as Role;
  if (role.role === 'store') await runStore(parentPort);
  else if (role.role === 'connector') await runConnector(parentPort);
  else await runInstance(parentPort, role);
}
