import type { Activity } from 'botbuilder';
import type {
  ConversationReference,
  Delivery,
  TenantChannel,
} from '../src/contracts/deliveries.js';
import { parseRetryAfter } from '../src/domain/delivery-policy.js';
import {
  type MessageSender,
  type SendContext,
  SendFailure,
} from '../src/services/delivery-worker.js';

/** How long a message for a tenant the bot has not heard from waits before it tries again. */
const waitForInstallMs = 6 * 3_600_000;

/** The conversation references proactive messages need (`ConversationRepository` in storage). */
export interface ConversationDirectory {
  find(tenantId: string, userId: string): Promise<ConversationReference | undefined>;
  save(reference: ConversationReference): Promise<void>;
  forget(tenantId: string, userId: string): Promise<void>;
  findChannel(tenantId: string): Promise<TenantChannel | undefined>;
}

export interface ConnectorSenderPorts {
  readonly conversations: ConversationDirectory;
  /** The message for an item, from current data; undefined when there is nothing to send. */
  readonly render: (item: Delivery) => Promise<Partial<Activity> | undefined>;
  /** A Bot Framework token for calls to this service URL; undefined for local, unauthenticated use. */
  readonly tokenFor: (serviceUrl: string) => Promise<string | undefined>;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

interface Target {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly botId: string | undefined;
}

const detailLimit = 300;

/**
 * Sends deliveries through the Bot Connector REST API: into a known conversation as is, or to a
 * person's 1:1 chat, created from the tenant's channel when no reference is stored (and made anew
 * when Teams answers 404 for the stored one). Failures become `SendFailure`s with the status and
 * `Retry-After`, for the worker to classify.
 */
export class ConnectorSender implements MessageSender {
  /** 1:1 chats being created, so concurrent sends to one person create it once. */
  private readonly creating = new Map<string, Promise<Target>>();
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly ports: ConnectorSenderPorts) {
    this.fetch = ports.fetch ?? globalThis.fetch;
    this.now = ports.now ?? (() => new Date());
  }

  async send(
    item: Delivery,
    signal: AbortSignal,
    context?: SendContext,
  ): Promise<{ activityId: string }> {
    const activity = await this.ports.render(item);
    if (activity === undefined) throw new SendFailure('nothing to send', { permanent: true });
    const deadline = withTimeout(signal, this.ports.timeoutMs);
    try {
      return await this.sendActivity(item, activity, deadline.signal, context);
    } finally {
      deadline.dispose();
    }
  }

  private async sendActivity(
    item: Delivery,
    activity: Partial<Activity>,
    deadline: AbortSignal,
    context: SendContext | undefined,
  ): Promise<{ activityId: string }> {
    const { recipient } = item;
    if (recipient.kind === 'conversation') {
      const target = {
        serviceUrl: recipient.serviceUrl,
        conversationId: recipient.conversationId,
        botId: undefined,
      };
      return this.post(target, activity, deadline);
    }
    const stored = await this.ports.conversations.find(item.tenantId, recipient.userId);
    const target =
      stored === undefined
        ? await this.createOnce(item.tenantId, recipient.userId, deadline, context)
        : {
            serviceUrl: stored.serviceUrl,
            conversationId: stored.conversationId,
            botId: stored.botId,
          };
    try {
      return await this.post(target, activity, deadline);
    } catch (error) {
      // Teams no longer knows this chat (the person removed the app, or it expired): forget it,
      // so the next attempt creates a new one.
      if (error instanceof SendFailure && error.status === 404) {
        await this.ports.conversations.forget(item.tenantId, recipient.userId);
      }
      throw error;
    }
  }

  private async post(
    target: Target,
    activity: Partial<Activity>,
    signal: AbortSignal,
  ): Promise<{ activityId: string }> {
    // The REST API needs only the conversation's id, not a whole ConversationAccount.
    const body = {
      ...activity,
      type: activity.type ?? 'message',
      conversation: { id: target.conversationId },
      ...(target.botId === undefined ? {} : { from: { id: target.botId } }),
    };
    const answer = await this.request(
      target.serviceUrl,
      `v3/conversations/${encodeURIComponent(target.conversationId)}/activities`,
      body,
      signal,
    );
    return { activityId: typeof answer['id'] === 'string' ? answer['id'] : '' };
  }

  private createOnce(
    tenantId: string,
    userId: string,
    signal: AbortSignal,
    context: SendContext | undefined,
  ): Promise<Target> {
    const key = `${tenantId}/${userId}`;
    let creating = this.creating.get(key);
    if (creating === undefined) {
      creating = this.create(tenantId, userId, signal, context).finally(() => {
        this.creating.delete(key);
      });
      this.creating.set(key, creating);
    }
    return creating;
  }

  private async create(
    tenantId: string,
    userId: string,
    signal: AbortSignal,
    context: SendContext | undefined,
  ): Promise<Target> {
    const channel = await this.ports.conversations.findChannel(tenantId);
    if (channel === undefined) {
      // Nothing is wrong yet: the organisation has not installed the bot, or nobody has used it.
      // The message waits (and tries again every few hours) rather than failing at once.
      throw new SendFailure(
        'No 1:1 chat with this person, and the bot has not heard from their tenant yet',
        { retryAfterMs: waitForInstallMs },
      );
    }
    await context?.pace();
    const answer = await this.request(
      channel.serviceUrl,
      'v3/conversations',
      {
        bot: { id: channel.botId },
        members: [{ id: `8:orgid:${userId}` }],
        channelData: { tenant: { id: tenantId } },
        isGroup: false,
        tenantId,
      },
      signal,
    );
    const conversationId = answer['id'];
    if (typeof conversationId !== 'string' || conversationId === '') {
      throw new SendFailure('Creating the 1:1 chat answered no conversation id');
    }
    await this.ports.conversations.save({
      id: `conversation:${userId}`,
      tenantId,
      type: 'conversationReference',
      userId,
      conversationId,
      serviceUrl: channel.serviceUrl,
      channelId: channel.channelId,
      botId: channel.botId,
      updatedAt: this.now().toISOString(),
    });
    return { serviceUrl: channel.serviceUrl, conversationId, botId: channel.botId };
  }

  private async request(
    serviceUrl: string,
    path: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>> {
    // Teams service URLs carry a path (`https://smba.trafficmanager.net/amer/`): resolve below it.
    const url = new URL(path, serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`);
    const token = await this.ports.tokenFor(serviceUrl);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await this.fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal,
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (error) {
      if (signal.aborted) {
        throw new SendFailure(`No answer from the Bot Connector in time`, {
          timedOut: true,
          cause: error,
        });
      }
      throw new SendFailure(`The Bot Connector could not be reached: ${messageOf(error)}`, {
        networkError: true,
        cause: error,
      });
    }
    const answer = parseObject(text);
    if (status < 200 || status > 299) {
      throw new SendFailure(describeError(status, answer), {
        status,
        retryAfterMs: parseRetryAfter(retryAfter, this.now()),
      });
    }
    return answer;
  }
}

/**
 * `signal`, or the timeout, whichever aborts first. Plain controllers with a cleared timer rather
 * than `AbortSignal.any`/`timeout`: one send each, hundreds a second, and Node 20's `any` keeps
 * its sources alive.
 */
function withTimeout(
  signal: AbortSignal,
  timeoutMs: number,
): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = (): void => {
    controller.abort(signal.reason);
  };
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The send timed out', 'TimeoutError'));
  }, timeoutMs);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, detailLimit);
  // fetch reports "fetch failed" and keeps the reason (ECONNREFUSED, ...) in its cause.
  const cause: unknown = error.cause;
  const text = cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  return text.slice(0, detailLimit);
}

function parseObject(text: string): Record<string, unknown> {
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The connector's own words where it gives them (`{ error: { code, message } }`). */
function describeError(status: number, answer: Record<string, unknown>): string {
  const error = answer['error'];
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const words = [code, message].filter((part) => typeof part === 'string').join(': ');
    if (words !== '') return words.slice(0, detailLimit);
  }
  return `The Bot Connector answered ${String(status)}`;
}
