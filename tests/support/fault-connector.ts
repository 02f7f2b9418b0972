/**
 * A loopback Bot Connector for the delivery queue's tests and benchmark: it records each activity
 * it accepts, creates 1:1 conversations, and can answer an activity post with a fault instead
 * (a status such as 429 with `Retry-After`, 500 or 403; or a hang that never answers). A faulted
 * post is never recorded, as when Teams refuses or never receives a message.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export type ConnectorFault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'hang' };

export interface ActivityCall {
  readonly conversationId: string;
  /** 1 for the first post to this conversation, 2 for the second, ... */
  readonly attempt: number;
  readonly activity: Partial<Activity>;
}

export interface DeliveredActivity {
  readonly conversationId: string;
  readonly activityId: string;
  readonly activity: Partial<Activity>;
  readonly authorization: string | undefined;
  /** `performance.now()` when it was accepted. */
  readonly at: number;
}

export interface CreatedConversation {
  readonly id: string;
  readonly parameters: Record<string, unknown>;
}

export interface FaultConnector {
  /** With a trailing slash, as Teams sends it. */
  readonly serviceUrl: string;
  readonly delivered: readonly DeliveredActivity[];
  readonly conversationsCreated: readonly CreatedConversation[];
  /** Activity posts received, faulted or not. */
  readonly activityPosts: number;
  /** Posts answered 429. */
  readonly throttled: number;
  /** `performance.now()` of the first activity post, if any. */
  readonly firstPostAt: number | undefined;
  /** `performance.now()` of every activity post, faulted or not, in order. */
  readonly postTimes: readonly number[];
  /** Decides each activity post's fault (undefined: accept it). Replaces the previous plan. */
  setFaults(plan: (call: ActivityCall) => ConnectorFault | undefined): void;
  /** The next conversation creations answer this status instead. */
  failCreations(count: number, status: number): void;
  /** Resolves once `count` activities were accepted; rejects after `timeoutMs`. */
  waitForDelivered(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const noFaults = (): undefined => undefined;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export async function startFaultConnector(): Promise<FaultConnector> {
  const delivered: DeliveredActivity[] = [];
  const conversationsCreated: CreatedConversation[] = [];
  const attemptsByConversation = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const waiters = new Set<() => void>();
  let plan: (call: ActivityCall) => ConnectorFault | undefined = noFaults;
  let creationFailures = { remaining: 0, status: 500 };
  let activityPosts = 0;
  let throttled = 0;
  let firstPostAt: number | undefined;
  const postTimes: number[] = [];
  let nextId = 1;

  const reply = (res: ServerResponse, status: number, body: unknown, headers = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async (): Promise<void> => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const body = (await readBody(req)) ?? {};
      if (req.method === 'POST' && path === '/v3/conversations') {
        if (creationFailures.remaining > 0) {
          creationFailures = { ...creationFailures, remaining: creationFailures.remaining - 1 };
          reply(res, creationFailures.status, {
            error: { code: 'Forbidden', message: 'Loopback creation failure (test)' },
          });
          return;
        }
        const id = `a:fault-conversation-${String(nextId++)}`;
        conversationsCreated.push({ id, parameters: body as Record<string, unknown> });
        reply(res, 201, { id });
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities$/u.exec(path);
      if (req.method === 'POST' && match !== null) {
        const conversationId = decodeURIComponent(match[1] ?? '');
        const attempt = (attemptsByConversation.get(conversationId) ?? 0) + 1;
        attemptsByConversation.set(conversationId, attempt);
        activityPosts += 1;
        firstPostAt ??= performance.now();
        postTimes.push(performance.now());
        const activity = body as Partial<Activity>;
        const fault = plan({ conversationId, attempt, activity });
        if (fault?.kind === 'hang') {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        if (fault?.kind === 'status') {
          if (fault.status === 429) throttled += 1;
          reply(
            res,
            fault.status,
            { error: { code: `Status${String(fault.status)}`, message: 'Loopback fault (test)' } },
            fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
          );
          return;
        }
        const activityId = `activity-${String(nextId++)}`;
        delivered.push({
          conversationId,
          activityId,
          activity,
          authorization: req.headers.authorization,
          at: performance.now(),
        });
        for (const wake of waiters) wake();
        reply(res, 200, { id: activityId });
        return;
      }
      reply(res, 404, { error: { code: 'NotFound', message: `No route for ${path}` } });
    })().catch((error: unknown) => {
      if (!res.headersSent)
        reply(res, 500, { error: { code: 'LoopbackError', message: String(error) } });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${String(port)}/`,
    delivered,
    conversationsCreated,
    get activityPosts() {
      return activityPosts;
    },
    get throttled() {
      return throttled;
    },
    get firstPostAt() {
      return firstPostAt;
    },
    postTimes,
    setFaults(next) {
      plan = next;
    },
    failCreations(count, status) {
      creationFailures = { remaining: count, status };
    },
    waitForDelivered(count, timeoutMs) {
      if (delivered.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (delivered.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `Expected ${String(count)} deliveries within ${String(timeoutMs)} ms, got ${String(delivered.length)}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
