// Proactive delivery: 10,000 weekly lessons, through the same paths as in the app. An instance's
// services (`composeLastmile`) seed the demo firm and its curriculum; 10,000 people set up their
// lessons (`LearningService.saveSetup`) and are heard from in a 1:1 chat (`ConversationBook`); the
// lesson scheduler finds this week's lesson due for each and enqueues it; then two app instances'
// delivery workers, rendering the real lesson cards, send them to a loopback Bot Connector that
// answers 429 (Retry-After: 1) to 10% of activity posts at random. ratePerTenant is 500.
//
// As in a deployment, the store, the connector and each app instance run apart: here each on its
// own thread (this file, with a role), so the instances' event loops are not also serving Cosmos
// DB and Teams. Prints one JSON line: delivered, duplicates, lost, and rateShare = delivered /
// durationS / configuredRate, with durationS from the first send to the last delivery.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { type Config, loadConfig } from '../src/config.js';
import { demoTenantId } from '../src/domain/demo-tenant.js';
import { composeLastmile, seedDemo } from '../src/main.js';
import { openStorage, type Storage } from '../src/storage/storage.js';
import { startEmbeddedCosmosServer } from '../src/storage/embedded-cosmos-server.js';
import { startFaultConnector } from '../tests/support/fault-connector.js';

const total = 10_000;
const configuredRate = 500;
const instances = 2;
const throttledShare = 0.1;
const deadlineMs = 5 * 60_000;
const botId = '28:lastmile-bot';
const setupConcurrency = 50;

/** An instance's configuration: local mode, quiet, the benchmark's rate; workers started by hand. */
function benchConfig(dataDir: string): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LASTMILE_DATA_DIR: dataDir,
    LASTMILE_DELIVERY_RATE_PER_TENANT: String(configuredRate),
  });
}

type Role =
  | { readonly role: 'store' }
  | { readonly role: 'connector' }
  | { readonly role: 'instance'; readonly instanceId: string; readonly endpoint: string };

/** The 1:1 chats of the benchmark's learners, apart from the demo people's. */
const benchChatPrefix = 'a:bench-';

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

interface Instance {
  readonly storage: Storage;
  readonly services: ReturnType<typeof composeLastmile>;
  dispose(): Promise<void>;
}

/** One app instance's storage and services, on the shared store (the store thread's server). */
async function openInstance(endpoint: string, instanceId?: string): Promise<Instance> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lastmile-bench-delivery-'));
  const config = benchConfig(dataDir);
  const logger = pino({ level: 'silent' });
  const storage = await openStorage(config.cosmos, {
    dataDir,
    logger,
    embeddedEndpointFor: () => endpoint,
  });
  const services = composeLastmile(storage, config, {
    now: () => new Date(),
    logger,
    ...(instanceId === undefined ? {} : { instanceId }),
  });
  return {
    storage,
    services,
    async dispose() {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
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
    // The demo program's own notices (to demo people) share the connector; count the lessons only.
    const lessons = connector.delivered.filter((d) => d.conversationId.startsWith(benchChatPrefix));
    const lastDelivery = lessons.at(-1);
    const stats: ConnectorStats = {
      distinct: new Set(lessons.map((d) => d.conversationId)).size,
      delivered: lessons.length,
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
  const instance = await openInstance(role.endpoint, role.instanceId);
  const worker = instance.services.deliveryWorker;
  port.on('message', () => {
    void worker.stop().then(async () => {
      await instance.dispose();
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
  const setup = await openInstance(endpoint);
  const threads: Worker[] = [];
  try {
    const { services } = setup;
    await seedDemo(
      setup.storage,
      services,
      new Date(),
      pino({ level: 'silent' }),
      benchConfig(tmpdir()),
    );
    const [families, departments] = await Promise.all([
      setup.storage.program.listJobFamilies(demoTenantId),
      setup.storage.program.listDepartments(demoTenantId),
    ]);
    const userIds = Array.from({ length: total }, (_, index) => `bench-learner-${String(index)}`);
    // Each person sets up weekly lessons (Monday 00:00 UTC, so this week's is due) and has a 1:1
    // chat with the bot, as if they had installed it and chosen on the set-up card.
    await inBatches(userIds, setupConcurrency, async (userId) => {
      const index = Number(userId.slice('bench-learner-'.length));
      const caller = { identity: { tenantId: demoTenantId, userId, roles: ['member' as const] } };
      await services.learning.saveSetup(caller, {
        jobFamilyId: families[index % families.length]?.id ?? '',
        departmentId: departments[index % departments.length]?.id ?? '',
        lessonDay: 'monday',
        lessonTime: '00:00',
        timeZone: 'UTC',
      });
      await services.conversations.remember({
        tenantId: demoTenantId,
        userId,
        conversationId: `${benchChatPrefix}${userId}`,
        serviceUrl,
        channelId: 'msteams',
        botId,
      });
    });
    const scheduled = await services.scheduler.runOnce();
    if (scheduled.enqueued !== total) {
      throw new Error(
        `The scheduler enqueued ${String(scheduled.enqueued)} lessons, not ${String(total)}`,
      );
    }
    const rerun = await services.scheduler.runOnce();

    const instanceIds = Array.from(
      { length: instances },
      (_, index) => `bench-${String(index + 1)}`,
    );
    // Both instances have been up a while, as in a running deployment: each sees the other's
    // heartbeat from its first claim, so neither briefly takes the whole tenant's rate.
    for (const instanceId of instanceIds) {
      await setup.storage.deliveries.beat(instanceId, new Date());
    }
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

    let recordedSent = 0;
    let continuationToken: string | undefined;
    do {
      const page = await services.deliveryQueue.list(demoTenantId, 'sent', continuationToken);
      recordedSent += page.items.filter((item) =>
        item.id.startsWith('lesson:bench-learner-'),
      ).length;
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
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
        enqueuedByScheduler: scheduled.enqueued,
        enqueuedByRerun: rerun.enqueued,
      })}\n`,
    );
    return lost > 0 || duplicates > 0 || recordedSent !== total || rerun.enqueued !== 0 ? 1 : 0;
  } finally {
    await setup.dispose();
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
