/**
 * Local stand-ins for the Bot Framework side of Teams, for tests: a loopback Bot Connector that
 * records what the bot sends, an OpenID metadata + JWKS server with local RSA keys, a channel-token
 * signer, Teams activity builders, an Express host for the bot endpoint, a recording pino logger
 * and an Adaptive Card parser. Everything listens on 127.0.0.1 and a free port.
 *
 * Facts these rely on (botbuilder 4.23):
 * - With no app id, `CloudAdapter` sends replies to the activity's `serviceUrl` with no token.
 *   A reply to an incoming activity is `POST /v3/conversations/{id}/activities/{replyToId}`; a new
 *   message is `POST /v3/conversations/{id}/activities`; a new conversation `POST /v3/conversations`.
 * - botbuilder caches OpenID metadata per URL for the whole process (24 h, and refetches for an
 *   unknown key id at most once an hour), so every `startOpenIdServer` gets a new port and URL.
 * - A channel token must be RS256, issued by `https://api.botframework.com`, for the app id as
 *   audience, with a `serviceurl` claim equal to the activity's `serviceUrl`. botbuilder allows 5
 *   minutes of clock skew, so an "expired" token must be older than that.
 * - With an app id, replies need a token from Entra ID, which tests cannot reach. An activity with
 *   `deliveryMode: 'expectReplies'` has its replies returned in the HTTP response instead.
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type * as AdaptiveCards from 'adaptivecards';
import type { Activity, ChannelAccount } from 'botbuilder';
import express from 'express';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { pino, type Logger } from 'pino';
import type { BotEndpoint } from '../../bot/bot-endpoint.js';

const bodyLimitBytes = 1_000_000;
const defaultWaitMs = 5_000;

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function closeServer(server: Server): Promise<void> {
  // Clients keep connections alive; without this `close` waits for them to time out.
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > bodyLimitBytes) throw new Error('Request body too large for the loopback server');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

// ---------------------------------------------------------------------------------------------
// Loopback Bot Connector

export interface ConnectorRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface SentActivity {
  readonly conversationId: string;
  /** The activity replied to, from the URL path; undefined for a new message in the conversation. */
  readonly replyToId: string | undefined;
  readonly activity: Partial<Activity>;
  readonly authorization: string | undefined;
}

export interface CreatedConversation {
  readonly id: string;
  readonly parameters: unknown;
}

export interface LoopbackConnector {
  /** Put this in activities as `serviceUrl` (with a trailing slash, as Teams sends it). */
  readonly serviceUrl: string;
  readonly requests: readonly ConnectorRequest[];
  /** Activities the bot sent or updated successfully, in order. */
  readonly activities: readonly SentActivity[];
  readonly conversationsCreated: readonly CreatedConversation[];
  /** The next `count` activity posts fail with `status` (default 500) and are not recorded. */
  failNextActivities(count: number, status?: number): void;
  /** Resolves once at least `count` activities have arrived; rejects after `timeoutMs`. */
  waitForActivities(count: number, timeoutMs?: number): Promise<readonly SentActivity[]>;
  close(): Promise<void>;
}

export async function startLoopbackConnector(): Promise<LoopbackConnector> {
  const requests: ConnectorRequest[] = [];
  const activities: SentActivity[] = [];
  const conversationsCreated: CreatedConversation[] = [];
  const waiters = new Set<() => void>();
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  let nextId = 1;

  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    void (async (): Promise<void> => {
      const method = req.method ?? 'GET';
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const body = await readJson(req);
      requests.push({ method, path, headers: req.headers, body });
      const authorization = req.headers.authorization;

      if (method === 'POST' && path === '/v3/conversations') {
        const id = `a:loopback-conversation-${nextId++}`;
        conversationsCreated.push({ id, parameters: body });
        return reply(201, { id, activityId: `activity-${nextId++}` });
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/u.exec(path);
      if (match && (method === 'POST' || method === 'PUT')) {
        if (failures.remaining > 0) {
          failures = { ...failures, remaining: failures.remaining - 1 };
          return reply(failures.status, {
            error: {
              code: 'ServiceError',
              message: 'Loopback connector failure (requested by the test)',
            },
          });
        }
        const conversationId = decodeURIComponent(match[1] ?? '');
        const pathActivityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
        activities.push({
          conversationId,
          replyToId: method === 'POST' ? pathActivityId : undefined,
          activity: (body ?? {}) as Partial<Activity>,
          authorization,
        });
        for (const wake of waiters) wake();
        return reply(200, {
          id:
            pathActivityId !== undefined && method === 'PUT'
              ? pathActivityId
              : `activity-${nextId++}`,
        });
      }
      if (match && method === 'DELETE') return reply(200, {});
      return reply(404, {
        error: { code: 'NotFound', message: `No loopback route for ${method} ${path}` },
      });
    })().catch((error: unknown) => {
      reply(500, { error: { code: 'LoopbackError', message: String(error) } });
    });
  });
  const base = await listenOnLoopback(server);

  return {
    serviceUrl: `${base}/`,
    requests,
    activities,
    conversationsCreated,
    failNextActivities(count, status = 500): void {
      failures = { remaining: count, status };
    },
    waitForActivities(count, timeoutMs = defaultWaitMs): Promise<readonly SentActivity[]> {
      if (activities.length >= count) return Promise.resolve([...activities]);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (activities.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...activities]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `Expected ${count} activities within ${timeoutMs} ms, got ${activities.length}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () => closeServer(server),
  };
}

// ---------------------------------------------------------------------------------------------
// OpenID metadata, keys and channel tokens

export const botFrameworkTokenIssuer = 'https://api.botframework.com';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function createSigningKey(kid = `loopback-${randomUUID()}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, publicJwk };
}

export interface OpenIdServer {
  /** For `BotSettings.openIdMetadataUrl`. */
  readonly metadataUrl: string;
  readonly jwksUrl: string;
  /** The key published in the JWKS. */
  readonly key: SigningKey;
  /** How many times the metadata and the keys were fetched. */
  fetchCount(): number;
  close(): Promise<void>;
}

export interface OpenIdServerOptions {
  /** Channels the key is endorsed for; botbuilder requires the activity's channel among them. */
  readonly endorsements?: readonly string[];
  readonly key?: SigningKey;
}

export async function startOpenIdServer(options: OpenIdServerOptions = {}): Promise<OpenIdServer> {
  const key = options.key ?? (await createSigningKey());
  const endorsements = options.endorsements ?? ['msteams'];
  let fetches = 0;
  let base = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      fetches += 1;
      return send(200, {
        issuer: botFrameworkTokenIssuer,
        authorization_endpoint: `${base}/v1/authorize`,
        jwks_uri: `${base}/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.method === 'GET' && path === '/v1/keys') {
      fetches += 1;
      return send(200, { keys: [{ ...key.publicJwk, endorsements }] });
    }
    return send(404, { error: 'not found' });
  });
  base = await listenOnLoopback(server);
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    jwksUrl: `${base}/v1/keys`,
    key,
    fetchCount: () => fetches,
    close: () => closeServer(server),
  };
}

export interface ChannelTokenOptions {
  readonly key: SigningKey;
  /** The bot's app id. */
  readonly audience: string;
  readonly serviceUrl: string;
  readonly issuer?: string;
  /** Seconds since the epoch; default one hour from now. */
  readonly expiresAt?: number;
  /** Overrides the header's key id, e.g. to claim a published key while signing with another. */
  readonly kid?: string;
}

/** A token as the Bot Framework channel service signs it for a call to the bot. */
export async function signChannelToken(options: ChannelTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = options.expiresAt ?? now + 3600;
  return new SignJWT({ serviceurl: options.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? options.key.kid })
    .setIssuer(options.issuer ?? botFrameworkTokenIssuer)
    .setAudience(options.audience)
    .setIssuedAt(Math.min(now, expiresAt - 60))
    .setNotBefore(Math.min(now, expiresAt - 60) - 60)
    .setExpirationTime(expiresAt)
    .sign(options.key.privateKey);
}

// ---------------------------------------------------------------------------------------------
// Teams activities

/** The demo tenant's member from DESIGN.md, as Teams names them in activities. */
export const demoMember = {
  id: '29:demo-member',
  aadObjectId: '00000000-0000-4000-8000-00000000c003',
  name: 'Member Demo',
} as const satisfies ChannelAccount;

export const testBot = {
  id: '28:lastmile-bot',
  name: 'Lastmile',
} as const satisfies ChannelAccount;

export interface TeamsActivityOptions {
  readonly serviceUrl: string;
  readonly tenantId?: string;
  readonly conversationType?: 'personal' | 'groupChat' | 'channel';
  readonly conversationId?: string;
  readonly from?: ChannelAccount;
  readonly bot?: ChannelAccount;
  readonly id?: string;
}

function teamsBase(type: string, options: TeamsActivityOptions): Partial<Activity> {
  const conversationType = options.conversationType ?? 'personal';
  const tenantId = options.tenantId ?? 'demo';
  const conversationId =
    options.conversationId ??
    (conversationType === 'personal'
      ? `a:personal-${randomUUID()}`
      : `19:${randomUUID()}@thread.tacv2`);
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (conversationType === 'channel') {
    channelData.team = { id: '19:team@thread.tacv2', name: 'Demo team' };
    channelData.channel = { id: conversationId, name: 'General' };
  }
  return {
    type,
    id: options.id ?? `activity-${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: options.from ?? { ...demoMember },
    recipient: options.bot ?? { ...testBot },
    conversation: {
      id: conversationId,
      conversationType,
      isGroup: conversationType !== 'personal',
      tenantId,
      name: '',
    },
    channelData,
    locale: 'en-US',
  };
}

export interface TeamsMessageOptions extends TeamsActivityOptions {
  /** Prefix the text with the bot's @mention, as Teams does in channels and group chats. */
  readonly mentionBot?: boolean;
  readonly deliveryMode?: 'normal' | 'expectReplies';
}

export function teamsMessage(text: string, options: TeamsMessageOptions): Partial<Activity> {
  const activity = teamsBase('message', options);
  const bot = activity.recipient ?? testBot;
  if (options.mentionBot === true) {
    const mention = `<at>${bot.name}</at>`;
    activity.text = `${mention} ${text}`;
    activity.entities = [
      { type: 'mention', text: mention, mentioned: { id: bot.id, name: bot.name } },
    ];
  } else {
    activity.text = text;
  }
  activity.textFormat = 'plain';
  if (options.deliveryMode !== undefined) activity.deliveryMode = options.deliveryMode;
  return activity;
}

export interface MembersAddedOptions extends TeamsActivityOptions {
  /** Default: the bot itself, as when Teams installs the app. */
  readonly membersAdded?: readonly ChannelAccount[];
}

export function teamsMembersAdded(options: MembersAddedOptions): Partial<Activity> {
  const activity = teamsBase('conversationUpdate', options);
  activity.membersAdded = [...(options.membersAdded ?? [activity.recipient ?? testBot])];
  activity.channelData = { ...activity.channelData, eventType: 'teamMemberAdded' };
  if (options.conversationType !== 'channel') {
    // Teams names `teamMemberAdded` only for teams; in chats it sends no event type.
    delete (activity.channelData as Record<string, unknown>).eventType;
  }
  return activity;
}

// ---------------------------------------------------------------------------------------------
// Hosting the endpoint and calling it

export interface ServedBot {
  readonly messagesUrl: string;
  close(): Promise<void>;
}

/** Mounts the endpoint as the app does: Express 5, JSON body parsed, `POST /api/messages`. */
export async function serveBotEndpoint(endpoint: BotEndpoint): Promise<ServedBot> {
  const app = express();
  app.use(express.json());
  app.post('/api/messages', (req, res) => endpoint.handle(req, res));
  const server = createServer(app);
  const base = await listenOnLoopback(server);
  return { messagesUrl: `${base}/api/messages`, close: () => closeServer(server) };
}

export interface BotHttpResponse {
  readonly status: number;
  readonly body: unknown;
}

export async function postActivity(
  messagesUrl: string,
  activity: unknown,
  options: { readonly authorization?: string; readonly timeoutMs?: number } = {},
): Promise<BotHttpResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const response = await fetch(messagesUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
    body = JSON.parse(text) as unknown;
  }
  return { status: response.status, body };
}

// ---------------------------------------------------------------------------------------------
// Logs and cards

export interface RecordingLogger {
  readonly logger: Logger;
  readonly entries: readonly Record<string, unknown>[];
}

/** A real pino logger that keeps its JSON lines in memory. */
export function createRecordingLogger(): RecordingLogger {
  const entries: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(line: string): void {
        entries.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { logger, entries };
}

// adaptivecards' ES module build has extension-less imports that Node cannot load; its UMD
// bundle is the same library in one CommonJS file.
const requireFromHere = createRequire(import.meta.url);
const adaptiveCards = requireFromHere(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCards;

export interface ParsedCard {
  readonly card: AdaptiveCards.AdaptiveCard;
  /** Parse and validation messages from the Adaptive Cards library; empty for a clean card. */
  readonly problems: readonly string[];
}

export function parseAdaptiveCard(json: unknown): ParsedCard {
  const card = new adaptiveCards.AdaptiveCard();
  const context = new adaptiveCards.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) {
    problems.push(context.getEventAt(index).message);
  }
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return { card, problems };
}

/** Every object in a card's JSON whose `type` is `type`, depth first. */
export function findCardElements(json: unknown, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.type === type) found.push(record);
      Object.values(record).forEach(visit);
    }
  };
  visit(json);
  return found;
}

/** The titles of the first FactSet in a card's JSON (the help card lists commands this way). */
export function factTitlesOf(json: unknown): unknown[] {
  const facts = findCardElements(json, 'FactSet')[0]?.facts;
  return Array.isArray(facts) ? facts.map((fact: { readonly title?: unknown }) => fact.title) : [];
}

/** The Adaptive Card content of an activity's first attachment, or undefined. */
export function adaptiveCardOf(activity: Partial<Activity>): unknown {
  const attachment = activity.attachments?.[0];
  return attachment?.contentType === 'application/vnd.microsoft.card.adaptive'
    ? (attachment.content as unknown)
    : undefined;
}
