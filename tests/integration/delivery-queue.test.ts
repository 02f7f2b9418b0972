import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorSender } from '../../bot/connector-sender.js';
import { renderNoticeCard } from '../../bot/cards/render-card.js';
import { createDeliveryRenderer } from '../../bot/delivery-messages.js';
import type { Delivery, DeliveryState } from '../../src/contracts/deliveries.js';
import { AppError } from '../../src/domain/errors.js';
import { DeliveryQueue } from '../../src/services/delivery-queue.js';
import {
  DeliveryWorker,
  type DeliveryWorkerSettings,
  type MessageSender,
} from '../../src/services/delivery-worker.js';
import { ConversationRepository } from '../../src/storage/conversation-repository.js';
import { DeliveryRepository } from '../../src/storage/delivery-repository.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../support/cosmos.js';
import {
  type ConnectorFault,
  type FaultConnector,
  startFaultConnector,
} from '../support/fault-connector.js';

const botId = '28:lastmile-bot';
const withdrawnLesson = 'withdrawn';

/** A small deterministic generator, so shuffles and jitter differ between items but not runs. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.kind : `unexpected: ${String(error)}`;
  }
}

describe('the delivery queue with workers, the embedded store and a loopback Bot Connector', () => {
  let db: EmbeddedDatabase;
  let connector: FaultConnector;
  let deliveries: DeliveryRepository;
  let conversations: ConversationRepository;
  let queue: DeliveryQueue;
  const workers: DeliveryWorker[] = [];

  beforeAll(async () => {
    db = await startEmbeddedDatabase();
    connector = await startFaultConnector();
    deliveries = new DeliveryRepository(db.container('deliveries'), {});
    conversations = new ConversationRepository(db.container('people'), {});
    queue = new DeliveryQueue(deliveries);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await connector.close();
    await db.close();
  });

  const conversationOf = (tenantId: string, userId: string): string => `a:${tenantId}-${userId}`;

  function makeSender(options: { token?: string } = {}): ConnectorSender {
    return new ConnectorSender({
      conversations,
      render: createDeliveryRenderer({
        lessonCard: async (_tenantId, lessonId) =>
          lessonId === withdrawnLesson
            ? undefined
            : renderNoticeCard({ message: `Lesson ${lessonId}` }),
      }),
      tokenFor: async () => options.token,
      timeoutMs: 5_000,
    });
  }

  function makeWorker(
    instanceId: string,
    options: {
      settings?: Partial<DeliveryWorkerSettings>;
      sender?: MessageSender;
      batchSize?: number;
      maxInFlight?: number;
      random?: () => number;
      /** False for a worker the test abandons: stopping it would wait for its hung sends. */
      stopAfterAll?: boolean;
    } = {},
  ): DeliveryWorker {
    const worker = new DeliveryWorker(
      { queue: deliveries, heartbeats: deliveries, sender: options.sender ?? makeSender() },
      {
        instanceId,
        settings: {
          ratePerTenant: 400,
          ratePerConversation: 7,
          maxAttempts: 8,
          leaseMs: 5_000,
          // Generous on purpose: the store, the connector and the workers share one process, so
          // a loaded machine can hold a request up for a second, and a send that times out after
          // the connector accepted it is sent again (the documented duplicate window).
          sendTimeoutMs: 2_500,
          ...options.settings,
        },
        now: () => new Date(),
        random: options.random ?? seededRandom(instanceId.length * 7919),
        pollIntervalMs: 100,
        heartbeatIntervalMs: 200,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
      },
    );
    if (options.stopAfterAll !== false) workers.push(worker);
    return worker;
  }

  /** People with stored 1:1 chats, and one queued notice for each. */
  async function enqueueForPeople(tenantId: string, count: number): Promise<string[]> {
    const userIds = Array.from({ length: count }, (_, index) => `u${String(index)}`);
    const now = new Date();
    for (let start = 0; start < count; start += 25) {
      await Promise.all(
        userIds.slice(start, start + 25).map(async (userId) => {
          await conversations.save({
            id: `conversation:${userId}`,
            tenantId,
            type: 'conversationReference',
            userId,
            conversationId: conversationOf(tenantId, userId),
            serviceUrl: connector.serviceUrl,
            channelId: 'msteams',
            botId,
            updatedAt: now.toISOString(),
          });
          await queue.enqueue(
            {
              tenantId,
              id: `notice:test:${userId}`,
              recipient: { kind: 'person', userId },
              payload: { kind: 'notice', title: 'Hello', text: `For ${userId}`, topic: 'test' },
            },
            now,
          );
        }),
      );
    }
    return userIds;
  }

  /** How many activities each of the tenant's conversations received. */
  function deliveredCounts(tenantId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const delivered of connector.delivered) {
      if (!delivered.conversationId.startsWith(`a:${tenantId}-`)) continue;
      counts.set(delivered.conversationId, (counts.get(delivered.conversationId) ?? 0) + 1);
    }
    return counts;
  }

  async function waitForDelivered(
    tenantId: string,
    count: number,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (deliveredCounts(tenantId).size < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `Expected ${String(count)} conversations served within ${String(timeoutMs)} ms, got ${String(deliveredCounts(tenantId).size)}`,
        );
      }
      await sleep(20);
    }
  }

  async function listAll(tenantId: string, state: DeliveryState): Promise<Delivery[]> {
    const items: Delivery[] = [];
    let continuationToken: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const result = await deliveries.list(tenantId, state, continuationToken);
      items.push(...result.items.map((item) => item.value));
      continuationToken = result.continuationToken;
      if (continuationToken === undefined) break;
    }
    return items;
  }

  async function waitForState(
    tenantId: string,
    state: DeliveryState,
    count: number,
    timeoutMs: number,
  ): Promise<Delivery[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const items = await listAll(tenantId, state);
      if (items.length >= count) return items;
      if (Date.now() > deadline) {
        throw new Error(`Expected ${String(count)} ${state} items, got ${String(items.length)}`);
      }
      await sleep(50);
    }
  }

  function expectEachOnce(tenantId: string, userIds: readonly string[]): void {
    const counts = deliveredCounts(tenantId);
    const wrong = userIds
      .map((userId) => [userId, counts.get(conversationOf(tenantId, userId)) ?? 0] as const)
      .filter(([, count]) => count !== 1);
    expect(wrong).toEqual([]);
    expect(counts.size).toBe(userIds.length);
  }

  const indexOf = (conversationId: string): number =>
    Number(/-u(\d+)$/u.exec(conversationId)?.[1] ?? -1);

  it('should deliver each item exactly once through 429s, 500s and timeouts', async () => {
    const tenantId = 'faults';
    const userIds = await enqueueForPeople(tenantId, 200);
    connector.setFaults(({ conversationId, attempt }): ConnectorFault | undefined => {
      if (!conversationId.startsWith(`a:${tenantId}-`)) return undefined;
      const index = indexOf(conversationId);
      if (index % 50 === 11 && attempt <= 2) {
        return attempt === 1
          ? { kind: 'status', status: 503 }
          : { kind: 'status', status: 429, retryAfter: '1' };
      }
      if (attempt > 1) return undefined;
      if (index % 10 === 0) return { kind: 'status', status: 429, retryAfter: '1' };
      if (index % 10 === 3) return { kind: 'status', status: 500 };
      if (index % 25 === 7) return { kind: 'hang' };
      return undefined;
    });
    const worker = makeWorker('faults-1', { sender: makeSender({ token: 'test-token' }) });
    worker.start();
    await waitForDelivered(tenantId, 200, 20_000);
    await worker.stop();

    expectEachOnce(tenantId, userIds);
    expect(await listAll(tenantId, 'dead')).toEqual([]);
    const sent = await listAll(tenantId, 'sent');
    expect(sent).toHaveLength(200);
    const faults = 20 + 20 + 8 + 4 * 2;
    expect(sent.reduce((sum, item) => sum + item.attempts, 0)).toBe(200 + faults);
    expect(sent.every((item) => item.activityId !== undefined && item.sentAt !== undefined)).toBe(
      true,
    );
    const ours = connector.delivered.filter((d) => d.conversationId.startsWith(`a:${tenantId}-`));
    expect(new Set(ours.map((d) => d.authorization))).toEqual(new Set(['Bearer test-token']));
    expect(worker.totals).toMatchObject({ sent: 200, dead: 0, retried: faults });
  });

  it('should hand claimed but unsent items back when stopped, for another worker to send', async () => {
    const tenantId = 'stopping';
    const userIds = await enqueueForPeople(tenantId, 60);
    const real = makeSender();
    const slow: MessageSender = {
      send: async (item, signal, context) => {
        await sleep(50);
        return real.send(item, signal, context);
      },
    };
    const first = makeWorker('stopping-1', { sender: slow, maxInFlight: 4, batchSize: 60 });
    first.start();
    await waitForDelivered(tenantId, 8, 10_000);
    await first.stop();

    // Sends in flight finished and were recorded; the rest went back to the queue, due now.
    expect(await listAll(tenantId, 'leased')).toEqual([]);
    const sentByFirst = await listAll(tenantId, 'sent');
    expect(sentByFirst.length).toBe(deliveredCounts(tenantId).size);
    expect(first.totals.sent).toBe(sentByFirst.length);
    const handedBack = await listAll(tenantId, 'queued');
    expect(handedBack).toHaveLength(60 - sentByFirst.length);
    expect(handedBack.every((item) => item.leaseOwner === undefined)).toBe(true);

    const second = makeWorker('stopping-2');
    second.start();
    await waitForDelivered(tenantId, 60, 10_000);
    await second.stop();
    expect(second.totals.sent).toBe(60 - sentByFirst.length);
    expectEachOnce(tenantId, userIds);
  });

  it('should let another worker deliver a crashed worker’s items once their leases expire', async () => {
    const tenantId = 'crash';
    const userIds = await enqueueForPeople(tenantId, 30);
    const real = makeSender();
    const hung = (item: Delivery): boolean =>
      item.recipient.kind === 'person' && Number(item.recipient.userId.slice(1)) % 3 === 0;
    // Stands for a process that died mid-send: these sends never finish and nothing is recorded.
    const dying: MessageSender = {
      send: (item, signal, context) =>
        hung(item) ? new Promise(() => undefined) : real.send(item, signal, context),
    };
    const settings = { leaseMs: 3_500, sendTimeoutMs: 2_500 };
    const crashed = makeWorker('crash-1', { sender: dying, settings, stopAfterAll: false });
    void crashed.runOnce();
    await waitForDelivered(tenantId, 20, 10_000);
    // Outcomes are written in small batches just after the connector answers: wait for them.
    for (let waited = 0; waited < 5_000; waited += 50) {
      if ((await listAll(tenantId, 'sent')).length === 20) break;
      await sleep(50);
    }

    const survivor = makeWorker('crash-2', { settings });
    expect((await survivor.runOnce()).claimed).toBe(0);
    expect(await listAll(tenantId, 'leased')).toHaveLength(10);

    await sleep(3_600);
    const counts = await survivor.runOnce();
    expect(counts).toMatchObject({ claimed: 10, sent: 10 });
    expectEachOnce(tenantId, userIds);
    await survivor.stop();
  });

  it('should not deliver twice when two workers share the queue', async () => {
    const tenantId = 'shared';
    const userIds = await enqueueForPeople(tenantId, 150);
    connector.setFaults(({ conversationId, attempt }) =>
      conversationId.startsWith(`a:${tenantId}-`) &&
      attempt === 1 &&
      indexOf(conversationId) % 10 === 0
        ? { kind: 'status', status: 429, retryAfter: '1' }
        : undefined,
    );
    const one = makeWorker('shared-1', { batchSize: 20 });
    const two = makeWorker('shared-2', { batchSize: 20 });
    one.start();
    two.start();
    await waitForDelivered(tenantId, 150, 20_000);
    await Promise.all([one.stop(), two.stop()]);

    expectEachOnce(tenantId, userIds);
    expect(one.totals.sent + two.totals.sent).toBe(150);
    expect(one.totals.sent).toBeGreaterThan(0);
    expect(two.totals.sent).toBeGreaterThan(0);
  });

  it('should dead-letter a 403 at once, list it, and deliver it after an admin retries it', async () => {
    const tenantId = 'blocked';
    const [userId = ''] = await enqueueForPeople(tenantId, 1);
    let blocked = true;
    connector.setFaults(({ conversationId }) =>
      blocked && conversationId === conversationOf(tenantId, userId)
        ? { kind: 'status', status: 403 }
        : undefined,
    );
    const worker = makeWorker('blocked-1');
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, dead: 1, retried: 0 });

    const dead = await queue.list(tenantId, 'dead');
    expect(dead.items).toHaveLength(1);
    const [view] = dead.items;
    expect(view?.lastError).toContain('403');
    expect(view?.attempts).toBe(1);

    expect(await kindOf(queue.retry(tenantId, view?.id ?? '', 'stale-etag', new Date()))).toBe(
      'precondition-failed',
    );
    blocked = false;
    const requeued = await queue.retry(tenantId, view?.id ?? '', view?.etag ?? '', new Date());
    expect(requeued).toMatchObject({ state: 'queued', attempts: 0 });
    expect(requeued.deadAt).toBeUndefined();
    expect(await kindOf(queue.retry(tenantId, view?.id ?? '', requeued.etag, new Date()))).toBe(
      'conflict',
    );

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    await worker.stop();
    expect((await queue.list(tenantId, 'dead')).items).toEqual([]);
    expectEachOnce(tenantId, [userId]);
  });

  it('should dead-letter after maxAttempts of 502 with the reason', async () => {
    const tenantId = 'gateway';
    const [userId = ''] = await enqueueForPeople(tenantId, 1);
    connector.setFaults(({ conversationId }) =>
      conversationId === conversationOf(tenantId, userId)
        ? { kind: 'status', status: 502 }
        : undefined,
    );
    const worker = makeWorker('gateway-1', { settings: { maxAttempts: 3 }, random: () => 0.1 });
    worker.start();
    const [dead] = await waitForState(tenantId, 'dead', 1, 10_000);
    await worker.stop();

    expect(dead?.attempts).toBe(3);
    expect(dead?.lastError).toMatch(/^HTTP 502: .*gave up after 3 attempts/u);
    expect(dead?.deadAt).toBeDefined();
    expect(deliveredCounts(tenantId).size).toBe(0);
  });

  it('should dead-letter a withdrawn lesson and hold one for a tenant the bot never heard from', async () => {
    const tenantId = 'unsendable';
    const now = new Date();
    await queue.enqueue(
      {
        tenantId,
        id: 'lesson:u1:withdrawn',
        recipient: { kind: 'person', userId: 'u1' },
        payload: { kind: 'lesson', lessonId: withdrawnLesson },
      },
      now,
    );
    await queue.enqueue(
      {
        tenantId,
        id: 'lesson:u2:l1',
        recipient: { kind: 'person', userId: 'u2' },
        payload: { kind: 'lesson', lessonId: 'l1' },
      },
      now,
    );
    const worker = makeWorker('unsendable-1');
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, dead: 1 });
    await worker.stop();
    const dead = (await listAll(tenantId, 'dead')).map((item) => [item.id, item.lastError]);
    expect(dead).toEqual([['lesson:u1:withdrawn', 'nothing to send']]);
    // Until the bot is installed there is nowhere to send it: it waits hours, not a failure.
    const [waiting] = await listAll(tenantId, 'queued');
    expect(waiting?.id).toBe('lesson:u2:l1');
    expect(waiting?.lastError).toContain('has not heard from their tenant');
    expect(Date.parse(waiting?.availableAt ?? '')).toBeGreaterThanOrEqual(
      now.getTime() + 6 * 3_600_000,
    );
  });

  it('should enqueue an id once however often it is enqueued, and hold it until it is due', async () => {
    const tenantId = 'idempotent';
    const input = {
      tenantId,
      id: 'lesson:u1:l1',
      recipient: { kind: 'person' as const, userId: 'u1' },
      payload: { kind: 'lesson' as const, lessonId: 'l1' },
      notBefore: new Date(Date.now() + 60_000),
    };
    expect(await queue.enqueue(input, new Date())).toEqual({ created: true });
    expect(await queue.enqueue(input, new Date())).toEqual({ created: false });
    const queued = await queue.list(tenantId, 'queued');
    expect(queued.items.map((item) => item.id)).toEqual(['lesson:u1:l1']);
    const worker = makeWorker('idempotent-1');
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    await worker.stop();
  });

  it('should create a person’s 1:1 chat once, reuse it, and make a new one after a 404', async () => {
    const tenantId = 'newchat';
    const userId = '00000000-0000-4000-8000-00000000c003';
    await conversations.saveChannel({
      id: 'bot-channel',
      tenantId,
      type: 'tenantChannel',
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      botId,
      updatedAt: new Date().toISOString(),
    });
    const notice = (key: string): Parameters<DeliveryQueue['enqueue']>[0] => ({
      tenantId,
      id: `notice:test:${key}`,
      recipient: { kind: 'person', userId },
      payload: { kind: 'notice', title: 'Hello', text: key, topic: 'test' },
    });
    for (const key of ['a', 'b', 'c']) await queue.enqueue(notice(key), new Date());
    const worker = makeWorker('newchat-1');
    expect(await worker.runOnce()).toMatchObject({ sent: 3 });

    const created = connector.conversationsCreated.filter(
      (c) => c.parameters['tenantId'] === tenantId,
    );
    expect(created).toHaveLength(1);
    expect(created[0]?.parameters).toEqual({
      bot: { id: botId },
      members: [{ id: `8:orgid:${userId}` }],
      channelData: { tenant: { id: tenantId } },
      isGroup: false,
      tenantId,
    });
    const firstChat = created[0]?.id ?? '';
    expect(connector.delivered.filter((d) => d.conversationId === firstChat)).toHaveLength(3);
    expect((await conversations.find(tenantId, userId))?.conversationId).toBe(firstChat);

    // Teams forgot the chat: the send answers 404, the reference goes, and the retry makes a new one.
    connector.setFaults(({ conversationId }) =>
      conversationId === firstChat ? { kind: 'status', status: 404 } : undefined,
    );
    await queue.enqueue(notice('d'), new Date());
    expect(await worker.runOnce()).toMatchObject({ retried: 1, sent: 0 });
    expect(await conversations.find(tenantId, userId)).toBeUndefined();
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    const recreated = connector.conversationsCreated.filter(
      (c) => c.parameters['tenantId'] === tenantId,
    );
    expect(recreated).toHaveLength(2);
    const secondChat = recreated[1]?.id ?? '';
    expect(connector.delivered.filter((d) => d.conversationId === secondChat)).toHaveLength(1);
    expect((await conversations.find(tenantId, userId))?.conversationId).toBe(secondChat);
    await worker.stop();
  });

  it('should keep a tenant to its rate: 90 items at 30 per second (a burst of 30) take at least 1.8 s', async () => {
    const tenantId = 'rate';
    const userIds = await enqueueForPeople(tenantId, 90);
    const started = performance.now();
    const worker = makeWorker('rate-1', { settings: { ratePerTenant: 30 } });
    worker.start();
    await waitForDelivered(tenantId, 90, 10_000);
    const elapsed = performance.now() - started;
    await worker.stop();
    expectEachOnce(tenantId, userIds);
    expect(deliveredCounts(tenantId).size).toBe(90);
    // A full bucket sends 30 at once, then 30 a second: 2 s for the other 60.
    expect(elapsed).toBeGreaterThanOrEqual(1_800);
    expect(elapsed).toBeLessThan(6_000);
  });

  it('should split a tenant’s rate between live instances', async () => {
    const tenantId = 'rate-shared';
    const userIds = await enqueueForPeople(tenantId, 90);
    const settings = { ratePerTenant: 30 };
    const one = makeWorker('rate-shared-1', { settings, batchSize: 20 });
    const two = makeWorker('rate-shared-2', { settings, batchSize: 20 });
    const started = performance.now();
    one.start();
    two.start();
    await waitForDelivered(tenantId, 90, 10_000);
    const elapsed = performance.now() - started;
    await Promise.all([one.stop(), two.stop()]);
    expectEachOnce(tenantId, userIds);
    // Sharing 30 a second (bursts of 15 each, then 15 a second each) takes about 2 s; two
    // instances each at the full rate would finish in about half a second.
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
  });
});
