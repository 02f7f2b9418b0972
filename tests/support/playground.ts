/**
 * The Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`), run headless as a
 * stand-in Teams client, and driven through its own HTTP API. Facts this relies on (0.2.28):
 *
 * - `cli.js -e <bot endpoint> -p <port> --disable-telemetry` with `TEAMSAPPTESTER_BROWSER=none`
 *   serves without opening a browser and prints `Listening on <port>` (it takes a random port when
 *   the one asked for is busy). `GET /_debug/ping` answers `pong`.
 * - It reads `.m365agentsplayground.yml` from its working folder (or
 *   `M365_AGENTS_PLAYGROUND_CONFIG_PATH`) and logs to `./devTools/m365agentsplayground.log` (or
 *   `M365_AGENTS_PLAYGROUND_LOGFILE`), so it runs in a temporary folder of its own.
 * - `GET /_internal/v1/config` → `{ config: { tenantId, bot, currentUser, users, personalChat,
 *   groupChats, teams }, internalConfig }`. Activities it sends carry that tenant in
 *   `channelData.tenant.id`, the user's `aadObjectId`, and `serviceUrl` `http://localhost:<port>/_connector`.
 * - `POST /_conversation/v1/invoke` `{ name, value, from: { id }, conversation: { id } }` sends an
 *   invoke and answers 200 with `{ task, composeExtension }` from the bot's invoke response. It
 *   accepts `composeExtension/query`, `/queryLink`, `/anonymousQueryLink`, `/fetchTask`,
 *   `/submitAction`, `message/submitAction` and `adaptiveCard/action`, not `/selectItem`.
 *   `from.id` must be one of its users (`user-id-0` is the current user).
 * - `POST /_conversation/v1/conversations/{id}/messages` `{ from: { id }, text, textFormat }`
 *   sends a message and answers `{ messageId, timestamp }`. It checks that `from.id` is in the
 *   conversation but sends every message as the current user, whoever `from` names; outside the
 *   personal chat it passes a message to the bot only when it @mentions the bot.
 * - What the bot sends back arrives on the WebSocket `/_ws_conversation/v1/conversations/stream` as
 *   JSON text frames `{ action: 'createMessage' | 'updateMessage', actionConversationId, message:
 *   { messageId, from, text, attachments, ... } }`; messages sent while no client is connected are
 *   replayed on connection. Node 20 has no WebSocket client, so a minimal RFC 6455 reader is below.
 * - The configuration file (schema 0.1.1) names one tenant, the bot, the current user, exactly five
 *   other users (each with an `aadObjectId` of our choice), the personal chat, one group chat and
 *   one team with one channel besides General. Chat and channel ids are free text, so the group
 *   chat can carry a meeting chat's id (`19:meeting_<id>@thread.v2`); every user is in it. Its
 *   activities say `conversationType: 'groupChat'`, `isGroup: true`; the personal chat's carry no
 *   conversation type. Messages may carry `mentions: [{ mentioned: { id }, text }]`, which become
 *   `mention` entities.
 * - `adaptiveCard/action` invokes also need `replyToId`: the id of a message already in that
 *   conversation (the card's); the answer is `{ type, value }` from the bot's invoke response, and
 *   the stored message's card becomes `value`.
 * - `GET /_internal/v1/customActivities/template?conversationId=` answers a base activity for that
 *   conversation (from the current user, with the playground's `serviceUrl`);
 *   `POST /_internal/v1/customActivities` forwards whatever activity it is given to the bot and
 *   answers 200 at once, before the bot has answered.
 * - Not there: `task/fetch` and `task/submit` (its invoke API refuses them with 400 and its client
 *   lists "Task module (task/fetch)" among unsupported card features), meeting APIs such as
 *   `TeamsInfo.getMeetingInfo`, tabs and SSO.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type PlaygroundPerson, playgroundConfigYaml } from '../../scripts/playground-config.js';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const playgroundCli = path.join(
  projectRoot,
  'node_modules',
  '@microsoft',
  'm365agentsplayground',
  'cli.js',
);

export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly userPrincipleName?: string;
}

export interface PlaygroundConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUser;
  readonly users: readonly PlaygroundUser[];
  readonly personalChat: { readonly id: string; readonly name: string };
  readonly groupChats: readonly {
    readonly id: string;
    readonly name: string;
    /** The users in it besides the current user, by id. */
    readonly members?: readonly string[];
  }[];
}

export interface PlaygroundMessage {
  readonly messageId: string;
  readonly from: { readonly id: string };
  readonly text?: string;
  readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
}

export interface PlaygroundEvent {
  readonly action: string;
  readonly actionConversationId?: string;
  readonly message?: PlaygroundMessage;
}

export interface PlaygroundResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface Playground {
  readonly url: string;
  readonly config: PlaygroundConfig;
  /** Everything that came over the conversation stream, in order. */
  readonly events: readonly PlaygroundEvent[];
  /** Sends an invoke as the current user in the personal chat; the body is the bot's answer. */
  invoke(name: string, value: unknown): Promise<PlaygroundResponse>;
  /** Sends a message as the current user in the personal chat. */
  send(text: string): Promise<PlaygroundResponse>;
  /**
   * Sends a message as the current user (the only sender the playground has) in any of its
   * conversations. `mentionBot` @mentions the bot first, as people do in a group chat, meeting
   * or channel: there the playground passes on only messages that mention the bot.
   */
  sendIn(
    conversationId: string,
    text: string,
    options?: { readonly mentionBot?: boolean },
  ): Promise<PlaygroundResponse>;
  /**
   * An `Action.Execute` on the card of message `replyToId`, as Teams sends it
   * (`adaptiveCard/action`); the body is the bot's answer, `{ type, value }`.
   */
  executeAction(action: {
    readonly conversationId: string;
    readonly fromId: string;
    readonly replyToId: string;
    readonly verb: string;
    readonly data?: Readonly<Record<string, unknown>>;
  }): Promise<PlaygroundResponse>;
  /**
   * Sends a custom activity into a conversation: the playground's template for that conversation
   * with `activity`'s fields laid over it. The playground answers before the bot has.
   */
  sendCustomActivity(
    conversationId: string,
    activity: Readonly<Record<string, unknown>>,
  ): Promise<PlaygroundResponse>;
  /**
   * A message from any person (not only the current user) in a group conversation, @mentioning
   * the bot as Teams sends it, through a custom activity.
   */
  mentionBotAs(
    conversationId: string,
    sender: { readonly id: string; readonly name: string; readonly aadObjectId: string },
    text: string,
  ): Promise<PlaygroundResponse>;
  /** The first bot message from `fromIndex` on that matches; rejects after `timeoutMs`. */
  waitForBotMessage(
    matches: (message: PlaygroundMessage) => boolean,
    options?: {
      readonly fromIndex?: number;
      readonly timeoutMs?: number;
      /** Only messages created or updated in this conversation. */
      readonly conversationId?: string;
    },
  ): Promise<PlaygroundMessage>;
  /** What the playground printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  readonly appEndpoint: string;
  readonly startTimeoutMs?: number;
  /** Run the playground's users in this tenant instead of its built-in one. */
  readonly tenantId?: string;
  /** The group chat's conversation id, e.g. a meeting chat's `19:meeting_<id>@thread.v2`. */
  readonly groupChatId?: string;
  /** Entra object ids for some of its users, by user id (`user-id-0` is the current user). */
  readonly aadObjectIds?: Readonly<Record<string, string>>;
}

/** The built-in configuration's tenant (0.2.x), used when only other settings change. */
const builtInTenantId = '00000000-0000-0000-0000-0000000000001';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await exited(child, 5_000)) return;
  child.kill('SIGKILL');
  await exited(child, 5_000);
}

async function fetchJson(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<PlaygroundResponse> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    ...(init.body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

function parseConfig(body: unknown): PlaygroundConfig {
  const config = isRecord(body) ? body.config : undefined;
  if (
    !isRecord(config) ||
    typeof config.tenantId !== 'string' ||
    !isRecord(config.currentUser) ||
    !isRecord(config.personalChat)
  ) {
    throw new Error(`Unexpected playground configuration: ${JSON.stringify(body)}`);
  }
  return config as unknown as PlaygroundConfig;
}

/**
 * The playground's built-in configuration (0.2.x) with the tenant, group chat id and Entra object
 * ids of the options: otherwise the same users and chats.
 */
function playgroundConfigFor(options: PlaygroundOptions): string {
  const person = (index: number, displayName: string, upn: string): PlaygroundPerson => ({
    aadObjectId:
      options.aadObjectIds?.[`user-id-${String(index)}`] ??
      `00000000-0000-0000-0000-00000000002${String(index)}`,
    upn,
    displayName,
  });
  return playgroundConfigYaml({
    tenantId: options.tenantId ?? builtInTenantId,
    bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
    currentUser: person(0, 'Alex Wilber', 'alexw@example.com'),
    users: [
      person(1, 'Megan Bowen', 'meganb@example.com'),
      person(2, 'Adele Vance', 'adelev@example.com'),
      person(3, 'Isaiah Langer', 'isaiahl@example.com'),
      person(4, 'Patti Fernandez', 'pattif@example.com'),
      person(5, 'Lynne Robbins', 'lynner@example.com'),
    ],
    personalChatId: 'personal-chat-id',
    groupChat: { id: options.groupChatId ?? 'group-chat-id', name: 'Group Chat' },
    team: {
      id: 'team-id',
      name: 'My Team',
      aadGroupId: '00000000-0000-0000-0000-000000000031',
      channels: [{ id: 'channel-announcements-id', name: 'Announcements' }],
    },
  });
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const folder = await mkdtemp(path.join(tmpdir(), 'lastmile-playground-'));
  // Without a file the playground uses its built-in tenant, users and chats; a tenant, chat or
  // user ids of the test's choice need the same configuration written out with them.
  const configPath = path.join(folder, '.m365agentsplayground.yml');
  if (
    options.tenantId !== undefined ||
    options.groupChatId !== undefined ||
    options.aadObjectIds !== undefined
  ) {
    await writeFile(configPath, playgroundConfigFor(options));
  }
  const child = spawn(
    process.execPath,
    [
      playgroundCli,
      '-e',
      options.appEndpoint,
      '-p',
      String(await freePort()),
      '--disable-telemetry',
    ],
    {
      cwd: folder,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(folder, 'playground.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let stream: EventStream | undefined;

  const cleanUp = async (): Promise<void> => {
    stream?.close();
    await stopProcess(child);
    await rm(folder, { recursive: true, force: true });
  };

  try {
    const url = await waitUntilServing(child, () => output, startTimeoutMs);
    const config = parseConfig((await fetchJson(`${url}/_internal/v1/config`)).body);
    const events: PlaygroundEvent[] = [];
    const waiters = new Set<() => void>();
    stream = await openEventStream(
      `${url.replace(/^http/u, 'ws')}/_ws_conversation/v1/conversations/stream`,
      (value) => {
        if (isRecord(value) && typeof value.action === 'string') {
          events.push(value as unknown as PlaygroundEvent);
          for (const wake of waiters) wake();
        }
      },
    );
    const conversation = { id: config.personalChat.id };
    const from = { id: config.currentUser.id };
    const sendCustomActivity: Playground['sendCustomActivity'] = async (
      conversationId,
      activity,
    ) => {
      const template = await fetchJson(
        `${url}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`,
      );
      if (template.status !== 200 || !isRecord(template.body)) return template;
      return fetchJson(`${url}/_internal/v1/customActivities`, {
        method: 'POST',
        body: { ...template.body, ...activity },
      });
    };
    const sendIn: Playground['sendIn'] = (conversationId, text, { mentionBot } = {}) => {
      const mention = `<at>${config.bot.name}</at>`;
      return fetchJson(
        `${url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
        {
          method: 'POST',
          body: {
            from,
            text: mentionBot === true ? `${mention} ${text}` : text,
            textFormat: 'plain',
            ...(mentionBot === true
              ? { mentions: [{ mentioned: { id: config.bot.id }, text: mention }] }
              : {}),
          },
        },
      );
    };

    return {
      url,
      config,
      events,
      invoke: (name, value) =>
        fetchJson(`${url}/_conversation/v1/invoke`, {
          method: 'POST',
          body: { name, value, from, conversation },
        }),
      send: (text) => sendIn(conversation.id, text),
      sendIn,
      executeAction: ({ conversationId, fromId, replyToId, verb, data = {} }) =>
        fetchJson(`${url}/_conversation/v1/invoke`, {
          method: 'POST',
          body: {
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
            from: { id: fromId },
            conversation: { id: conversationId },
            replyToId,
          },
        }),
      sendCustomActivity,
      mentionBotAs(conversationId, sender, text) {
        const mention = `<at>${config.bot.name}</at>`;
        return sendCustomActivity(conversationId, {
          type: 'message',
          text: `${mention} ${text}`,
          textFormat: 'plain',
          from: sender,
          entities: [{ type: 'mention', mentioned: config.bot, text: mention }],
          channelData: { tenant: { id: config.tenantId } },
        });
      },
      waitForBotMessage(matches, { fromIndex = 0, timeoutMs = 10_000, conversationId } = {}) {
        const find = (): PlaygroundMessage | undefined =>
          events
            .slice(fromIndex)
            .filter(
              (event) =>
                conversationId === undefined || event.actionConversationId === conversationId,
            )
            .map((event) => event.message)
            .find(
              (message): message is PlaygroundMessage =>
                message !== undefined && message.from.id === config.bot.id && matches(message),
            );
        const found = find();
        if (found !== undefined) return Promise.resolve(found);
        return new Promise((resolve, reject) => {
          const check = (): void => {
            const message = find();
            if (message === undefined) return;
            clearTimeout(timer);
            waiters.delete(check);
            resolve(message);
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(
              new Error(
                `No matching bot message within ${timeoutMs} ms; the stream had, from there on, ${JSON.stringify(events.slice(fromIndex)).slice(0, 3000)}`,
              ),
            );
          }, timeoutMs);
          waiters.add(check);
        });
      },
      output: () => output,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw new Error(
      `The Agents Playground did not start: ${error instanceof Error ? error.message : String(error)}\n${output}`,
    );
  }
}

async function waitUntilServing(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited with ${String(child.exitCode ?? child.signalCode)}`);
    }
    const port = /Listening on (\d+)/u.exec(output())?.[1];
    if (port !== undefined) {
      const url = `http://127.0.0.1:${port}`;
      const ping = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(1_000) }).then(
        async (response) => (response.ok ? await response.text() : ''),
        () => '',
      );
      if (ping.includes('pong')) return url;
    }
    await delay(100);
  }
  throw new Error(`it did not answer /_debug/ping within ${timeoutMs} ms`);
}

// ---------------------------------------------------------------------------------------------
// A minimal WebSocket client: text frames in, pong and close out (RFC 6455)

interface EventStream {
  close(): void;
}

const webSocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const opcodes = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;
const largestMessageBytes = 16 * 1024 * 1024;

/** A client frame: always masked, as the protocol requires of clients. Control frames only. */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] ?? 0)));
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, masked]);
}

function openEventStream(url: string, onJson: (value: unknown) => void): Promise<EventStream> {
  const key = randomBytes(16).toString('base64');
  const expectedAccept = createHash('sha1')
    .update(key + webSocketGuid)
    .digest('base64');
  const request = httpRequest(url.replace(/^ws/u, 'http'), {
    headers: {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error('the conversation stream did not open within 5 s'));
    }, 5_000);
    request.once('response', (response) => {
      clearTimeout(timer);
      response.resume();
      reject(new Error(`the conversation stream answered ${String(response.statusCode)}`));
    });
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.once('upgrade', (response, socket: Socket, head: Buffer) => {
      clearTimeout(timer);
      if (response.headers['sec-websocket-accept'] !== expectedAccept) {
        socket.destroy();
        reject(new Error('the conversation stream sent a wrong Sec-WebSocket-Accept'));
        return;
      }
      const reader = frameReader(socket, onJson);
      socket.on('data', reader);
      socket.on('error', () => socket.destroy());
      if (head.length > 0) reader(head);
      resolve({
        close(): void {
          if (!socket.destroyed) {
            socket.write(clientFrame(opcodes.close, Buffer.from([0x03, 0xe8])));
            socket.end();
            socket.destroy();
          }
        },
      });
    });
    request.end();
  });
}

function frameReader(socket: Socket, onJson: (value: unknown) => void): (chunk: Buffer) => void {
  let buffered = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  return (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 2) return;
      const first = buffered[0] ?? 0;
      const second = buffered[1] ?? 0;
      let offset = 2;
      let length = second & 0x7f;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        const long = buffered.readBigUInt64BE(2);
        if (long > BigInt(largestMessageBytes)) {
          socket.destroy();
          return;
        }
        length = Number(long);
        offset = 10;
      }
      const masked = (second & 0x80) !== 0;
      const maskStart = offset;
      if (masked) offset += 4;
      if (buffered.length < offset + length) return;
      let payload = buffered.subarray(offset, offset + length);
      if (masked) {
        const mask = buffered.subarray(maskStart, maskStart + 4);
        payload = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] ?? 0)));
      }
      buffered = buffered.subarray(offset + length);

      const opcode = first & 0x0f;
      const final = (first & 0x80) !== 0;
      if (opcode === opcodes.ping) {
        socket.write(clientFrame(opcodes.pong, payload));
      } else if (opcode === opcodes.close) {
        socket.destroy();
        return;
      } else if (
        opcode === opcodes.text ||
        opcode === opcodes.binary ||
        opcode === opcodes.continuation
      ) {
        fragments.push(Buffer.from(payload));
        if (final) {
          const text = Buffer.concat(fragments).toString('utf8');
          fragments = [];
          try {
            onJson(JSON.parse(text) as unknown);
          } catch {
            // Not JSON: the stream carries only JSON, so this is noise to ignore.
          }
        }
      }
    }
  };
}
